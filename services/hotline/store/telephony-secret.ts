import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { type TelephonySecret, type TelephonySecretSource, telephonySecretSchema } from "../webhook-auth";

/**
 * The telephony secret from Secrets Manager (its shape: webhook-auth.ts). Fetched once per
 * container, on first use; a failed fetch is retried on the next use.
 */
export const telephonySecretSource = (
  secretArn: string,
  client = new SecretsManagerClient({}),
): TelephonySecretSource => {
  let pending: Promise<TelephonySecret> | undefined;
  return {
    get() {
      pending ??= client
        .send(new GetSecretValueCommand({ SecretId: secretArn }))
        .then((out) => {
          if (!out.SecretString) throw new Error("telephony webhook secret has no string value");
          const parsed = telephonySecretSchema.safeParse(JSON.parse(out.SecretString));
          // Name the rule, never the value.
          if (!parsed.success)
            throw new Error(
              `telephony webhook secret does not match its schema at ${parsed.error.issues[0]?.path.join(".")}`,
            );
          return parsed.data;
        })
        .catch((error: unknown) => {
          pending = undefined;
          throw error;
        });
      return pending;
    },
  };
};
