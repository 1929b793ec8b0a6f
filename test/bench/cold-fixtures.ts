/**
 * What the cold-start bench stores before it starts (a hotline schedule, so that a call rings
 * someone), and the events that need something stored first: a `next` reports on a ring of a call
 * that an `incoming` began, with the signed attempt and token that call's answer handed out; a
 * `hangup` ends such a call; a triage step is recorded on a call answered in this process. The
 * queue consumers get an event they act on: intake a new release notice (a referral is made),
 * pilot-reports a received referral (it is counted), release-notices' status delivery a status
 * change for a client with no receiver (its subscription is read). The staff's steps on a referral
 * or a notice get one of their own (cold-referral-steps.ts, cold-notice-steps.ts).
 */
import { randomUUID } from "node:crypto";
import * as z from "zod/mini";
import type { LocalClients } from "../../infra/local/aws";
import type { ProvisionedResources } from "../../infra/local/provision";
import { createDeps } from "../../services/hotline/deps";
import { createHandler as createIncoming } from "../../services/hotline/handlers/incoming";
import { CallStore } from "../../services/hotline/store/call-store";
import { staticWebhookCredentials } from "../../services/hotline/webhook-auth";
import { releaseNoticeStatusChanged } from "../../shared/events/catalogue";
import { newEvent } from "../../shared/events/outbox";
import { AUDIT_TABLE_ENV, ENV, type ServiceName } from "../../shared/resources";
import { DEVELOPMENT_KEYS_JSON } from "../../shared/runtime/keys";
import { hotlineHandlers } from "../support/hotline-handlers";
import { PERSON } from "../support/identities";
import { noticeReceived } from "../support/intake-events";
import { events as pilotEvents } from "../support/pilot-reports";
import { noticeStepMakers } from "./cold-notice-steps";
import { referralStepMakers } from "./cold-referral-steps";
import {
  CREDENTIALS,
  type EventMaker,
  httpEvent,
  incomingCall,
  queueEventOf,
  routeFor,
} from "./cold-requests";
import { benchRuntime } from "./cold-runtime";
import { muteOutput } from "./cpu";
import { putAlwaysOnCallSchedule } from "./hotline-schedule";
import { context } from "./hotline-webhook-event";

export const PUBLIC_BASE_URL = "https://api.example.se";

/** What the bench reads of an incoming call's answer: where the provider reports next and the hangup. */
const callAnswerSchema = z.object({ next: z.string(), whenhangup: z.string() });

/** Seeds what the fixtures need and returns the makers of the events that need state. */
export const prepareFixtures = async (
  clients: LocalClients,
  provisioned: ProvisionedResources,
): Promise<Readonly<Record<string, EventMaker>>> => {
  const deps = createDeps(benchRuntime("hotline", clients, provisioned, { publicBaseUrl: PUBLIC_BASE_URL }), {
    webhookCredentials: staticWebhookCredentials(CREDENTIALS),
  });
  await putAlwaysOnCallSchedule(deps, "cold-bench");
  const incoming = createIncoming(deps);
  const nextRoute = routeFor("hotline-next");
  const hangupRoute = routeFor("hotline-hangup");
  const stepRoute = routeFor("hotline-step");

  /** Begins a call in this process: its id, and the URLs its answer handed the provider. */
  const beginCall = async () => {
    const event = incomingCall();
    const muted = muteOutput();
    const answer = await incoming(event, context(event.requestContext.requestId)).finally(muted.restore);
    const urls = callAnswerSchema.parse(JSON.parse(answer.body ?? "{}"));
    const callId = new URLSearchParams(Buffer.from(event.body ?? "", "base64").toString()).get("callid");
    if (!callId) throw new Error("the bench's incoming call has no callid");
    return { callId, ...urls };
  };
  /** The provider's report on the call's first ring: not answered. */
  const nextEvent = async () => {
    const call = await beginCall();
    return httpEvent(nextRoute, "hotline-next", {
      body: new URLSearchParams({ callid: call.callId, result: "failed" }).toString(),
      contentType: "application/x-www-form-urlencoded",
      query: Object.fromEntries(new URL(call.next).searchParams),
    });
  };
  /** The caller hangs up while it rings: the provider posts to the URL the answer handed out. */
  const hangupEvent = async () => {
    const call = await beginCall();
    return httpEvent(hangupRoute, "hotline-hangup", {
      body: new URLSearchParams({ callid: call.callId }).toString(),
      contentType: "application/x-www-form-urlencoded",
      query: Object.fromEntries(new URL(call.whenhangup).searchParams),
    });
  };
  const provider = hotlineHandlers(deps);
  const calls = new CallStore(deps);
  /** A call answered in this process, which opens its triage; the on-call worker records a step. */
  const stepEvent = async () => {
    const call = await beginCall();
    const muted = muteOutput();
    const answered = await provider
      .follow(call.next, { callid: call.callId, result: "success" })
      .finally(muted.restore);
    if (answered.status !== 200) throw new Error(`the bench's call was not answered: ${answered.status}`);
    const triageId = (await calls.read(call.callId))?.triageId;
    if (!triageId) throw new Error("the bench's answered call has no triage");
    return httpEvent(stepRoute, "hotline-step", {
      body: JSON.stringify({ status: "done", note: "Hotbilden är bedömd." }),
      params: { id: triageId },
    });
  };
  return {
    ...(await referralStepMakers(clients, provisioned)),
    ...noticeStepMakers(clients, provisioned),
    "hotline-incoming": async () => incomingCall(),
    "hotline-next": nextEvent,
    "hotline-hangup": hangupEvent,
    "hotline-step": stepEvent,
    "intake-consumer": async () => queueEventOf(noticeReceived(`cold-${randomUUID()}`, PERSON)),
    "pilot-reports-consumer": async () =>
      queueEventOf(pilotEvents.referralReceived("0880", new Date().toISOString())),
    // A status change for a client that registered no receiver: its subscription is read, nothing sent.
    "release-notices-deliver-status": async () =>
      queueEventOf(
        newEvent(releaseNoticeStatusChanged, {
          source: "release-notices",
          municipality: "0880",
          correlationId: randomUUID(),
          occurredAt: new Date(),
          data: {
            noticeId: `KV-cold-${randomUUID().slice(0, 8)}`,
            status: "received",
            planDueDate: "2027-03-01",
            at: new Date().toISOString(),
            client: "kriminalvarden-client",
          },
        }),
      ),
  };
};

/** What the fake Secrets Manager (test/support/fake-secrets-manager.ts) holds: the values the environment gave before. */
export const IDENTITY_KEYS_ARN = "arn:aws:secretsmanager:eu-north-1:000000000000:secret:identity-keys-AbCdEf";
export const TELEPHONY_SECRET_ARN = "arn:aws:secretsmanager:eu-north-1:000000000000:secret:telephony-AbCdEf";
export const BENCH_SECRETS = {
  [IDENTITY_KEYS_ARN]: DEVELOPMENT_KEYS_JSON,
  [TELEPHONY_SECRET_ARN]: JSON.stringify(CREDENTIALS),
};

/**
 * The environment a function's process gets: as the CDK sets it, pointed at the local servers.
 * With `secrets`, the identity keys and the telephony secret come from the fake Secrets Manager
 * at that endpoint (the functions that are deployed with them, as `uses` says), as in AWS;
 * without, from the environment, as locally.
 */
export const functionEnv = (
  service: string,
  provisioned: ProvisionedResources,
  endpoints: { dynamodbEndpoint: string; sqsEndpoint: string },
  secrets?: { endpoint: string; uses: { identityKeys: boolean; telephony: boolean } },
): NodeJS.ProcessEnv => {
  // No NODE_OPTIONS, as deployed (infra/constructs/bundling.ts), whatever this process runs with.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  // Reading a CA bundle at start costs ~80 ms here; Lambda's Node 20+ runtimes load none by default.
  delete env.NODE_EXTRA_CA_CERTS;
  const tables = provisioned.tables as Record<string, string | undefined>;
  Object.assign(env, {
    AWS_REGION: "eu-north-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodbEndpoint,
    AWS_ENDPOINT_URL_SQS: endpoints.sqsEndpoint,
    AWS_LAMBDA_FUNCTION_NAME: "cold",
    TABLE_NAME: tables[service] ?? tables.hotline,
    [AUDIT_TABLE_ENV]: provisioned.auditTable,
    [ENV.settingsTableName]: provisioned.settingsTable,
    IDENTITY_KEYS_JSON: DEVELOPMENT_KEYS_JSON,
    POWERTOOLS_SERVICE_NAME: service,
    POWERTOOLS_METRICS_NAMESPACE: "NyRiktning",
    HOTLINE_WEBHOOK_USER: CREDENTIALS.username,
    HOTLINE_WEBHOOK_PASSWORD: CREDENTIALS.password,
    PUBLIC_BASE_URL,
  });
  for (const [name, url] of Object.entries(provisioned.queueUrls)) {
    env[ENV.queueUrl(name as ServiceName)] = url;
  }
  if (secrets) {
    env.AWS_ENDPOINT_URL_SECRETS_MANAGER = secrets.endpoint;
    delete env.IDENTITY_KEYS_JSON;
    delete env.HOTLINE_WEBHOOK_USER;
    delete env.HOTLINE_WEBHOOK_PASSWORD;
    if (secrets.uses.identityKeys) env[ENV.identityKeysSecretArn] = IDENTITY_KEYS_ARN;
    if (secrets.uses.telephony) env[ENV.telephonyWebhookSecretArn] = TELEPHONY_SECRET_ARN;
  }
  return env;
};
