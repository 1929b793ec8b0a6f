/**
 * A deployed function reads its secrets through the Secrets Manager client it imports and builds on
 * the first fetch (shared/runtime/secrets.ts): the identity keys and the telephony secret arrive,
 * each fetched once while cached, and a secret that is missing fails its fetch, not the next one.
 * The SDK talks to a local server that speaks GetSecretValue's wire format.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { telephonySecretSource } from "../../../services/hotline/store/telephony-secret";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret, secretsManagerKeyRing } from "../../../shared/runtime/keys";
import { fetchSecretString } from "../../../shared/runtime/secrets";
import { type FakeSecretsManager, startFakeSecretsManager } from "../../support/fake-secrets-manager";

const KEYS = "arn:aws:secretsmanager:eu-north-1:000000000000:secret:keys-AbCdEf";
const TELEPHONY = "arn:aws:secretsmanager:eu-north-1:000000000000:secret:telephony-AbCdEf";
const TELEPHONY_SECRET = { username: "elks-test", password: "test-webhook-password-0123" };

let fake: FakeSecretsManager;

beforeAll(async () => {
  fake = await startFakeSecretsManager({
    [KEYS]: DEVELOPMENT_KEYS_JSON,
    [TELEPHONY]: JSON.stringify(TELEPHONY_SECRET),
  });
  // This file runs in a worker of its own; the SDK reads these when it builds the client.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: fake.endpoint,
    AWS_REGION: "eu-north-1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
  });
});

afterAll(async () => {
  await fake.stop();
});

describe("secrets from Secrets Manager", () => {
  it("gives the identity keys and the telephony secret, each fetched once", async () => {
    const keys = await secretsManagerKeyRing(KEYS).get();
    const expected = parseKeySecret(DEVELOPMENT_KEYS_JSON);
    expect(keys.sealingKid).toBe(expected.sealingKid);
    expect(keys.linkingKey).toEqual(expected.linkingKey);
    const telephony = telephonySecretSource(TELEPHONY);
    expect(await telephony.get()).toMatchObject(TELEPHONY_SECRET);
    await telephony.get();
    expect(fake.fetches.get(KEYS)).toBe(1);
    expect(fake.fetches.get(TELEPHONY)).toBe(1);
  });

  it("fails a fetch of a secret that is not there, and fetches again afterwards", async () => {
    await expect(fetchSecretString(`${KEYS}-gone`)).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
    expect(await fetchSecretString(TELEPHONY)).toBe(JSON.stringify(TELEPHONY_SECRET));
  });
});
