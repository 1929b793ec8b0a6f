/**
 * With provisioned concurrency Lambda initialises a webhook's environment before any call, and
 * awaits the module's top level, which warms the webhook up (services/hotline/app/warm-up.ts). The
 * handler modules are imported here as Lambda imports them, with a deployed function's environment:
 * tables on DynamoDB Local, the identity keys and the telephony secret from a local Secrets Manager.
 * Warmed up, a webhook's first call fetches no secret; initialised on demand, nothing is fetched
 * before the first call.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ELKS46_SOURCES } from "../../../services/hotline/webhook-sources";
import { AUDIT_TABLE_ENV, ENV, type ServiceName } from "../../../shared/resources";
import { PROVISIONED_INITIALIZATION } from "../../../shared/runtime/initialization";
import { DEVELOPMENT_KEYS_JSON } from "../../../shared/runtime/keys";
import { localEndpointsFromInject, provisionForTest } from "../../support/aws";
import { type FakeSecretsManager, startFakeSecretsManager } from "../../support/fake-secrets-manager";
import { CALLER, MUNICIPALITY, newCallId, WEBHOOK } from "../../support/hotline-data";
import { webhookEvent } from "../../support/hotline-handlers";
import { lambdaContext } from "../../support/lambda";
import { captureOutput } from "../../support/output";

const KEYS = "arn:aws:secretsmanager:eu-north-1:000000000000:secret:keys-AbCdEf";
const TELEPHONY = "arn:aws:secretsmanager:eu-north-1:000000000000:secret:telephony-AbCdEf";

let fake: FakeSecretsManager;

beforeAll(async () => {
  fake = await startFakeSecretsManager({
    [KEYS]: DEVELOPMENT_KEYS_JSON,
    [TELEPHONY]: JSON.stringify(WEBHOOK),
  });
  const resources = await provisionForTest(["hotline"]);
  const endpoints = localEndpointsFromInject();
  const env: Record<string, string> = {
    AWS_REGION: "eu-north-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodbEndpoint,
    AWS_ENDPOINT_URL_SQS: endpoints.sqsEndpoint,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: fake.endpoint,
    [ENV.tableName]: resources.tables.hotline ?? "",
    [ENV.settingsTableName]: resources.settingsTable,
    [AUDIT_TABLE_ENV]: resources.auditTable,
    [ENV.identityKeysSecretArn]: KEYS,
    [ENV.telephonyWebhookSecretArn]: TELEPHONY,
    [ENV.publicBaseUrl]: "https://hotline.example.test",
  };
  for (const [service, url] of Object.entries(resources.queueUrls))
    env[ENV.queueUrl(service as ServiceName)] = url;
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  // A deployed function reads no keys or credentials from its environment.
  vi.stubEnv(ENV.identityKeysJson, undefined);
  vi.stubEnv("HOTLINE_WEBHOOK_USER", undefined);
  vi.stubEnv("HOTLINE_WEBHOOK_PASSWORD", undefined);
});

afterEach(() => {
  vi.resetModules();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.stop();
});

/** The module imported afresh, as a new environment imports it. */
const importIncoming = async (initialisation: string) => {
  vi.stubEnv("AWS_LAMBDA_INITIALIZATION_TYPE", initialisation);
  vi.resetModules();
  return import("../../../services/hotline/handlers/incoming");
};

const fetched = () => ({ keys: fake.fetches.get(KEYS) ?? 0, telephony: fake.fetches.get(TELEPHONY) ?? 0 });

const incomingCall = () =>
  webhookEvent(
    `/v1/hotline/voice/${MUNICIPALITY}/incoming`,
    "/v1/hotline/voice/{municipality}/incoming",
    { municipality: MUNICIPALITY },
    { callid: newCallId(), from: CALLER, to: "+46766860000" },
    { sourceIp: ELKS46_SOURCES[0] },
  );

describe("the incoming-call webhook", () => {
  it("has fetched its secrets when Lambda initialises it for provisioned concurrency, and its first call fetches none", async () => {
    const before = fetched();
    const output = captureOutput();
    const { handler } = await importIncoming(PROVISIONED_INITIALIZATION);
    const warmed = fetched();
    expect(warmed).toEqual({ keys: before.keys + 1, telephony: before.telephony + 1 });

    const answer = await handler(incomingCall(), lambdaContext("hotline-incoming"));
    expect(answer.statusCode).toBe(200);
    expect(fetched()).toEqual(warmed);
    const text = output.stop();
    expect(text).toContain('"message":"warmed up for provisioned concurrency"');
    expect(text).not.toContain("warm-up failed");
    expect(text).not.toContain(CALLER.slice(1));
  });

  it("fetches nothing before its first call when initialised on demand", async () => {
    const before = fetched();
    const { handler } = await importIncoming("on-demand");
    expect(fetched()).toEqual(before);
    const output = captureOutput();
    const answer = await handler(incomingCall(), lambdaContext("hotline-incoming"));
    output.stop();
    expect(answer.statusCode).toBe(200);
    expect(fetched()).toEqual({ keys: before.keys + 1, telephony: before.telephony + 1 });
  });
});
