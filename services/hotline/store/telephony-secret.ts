import { fetchSecretString, type SecretFetcher } from "../../../shared/runtime/secrets";
import { type TelephonySecret, type TelephonySecretSource, telephonySecretSchema } from "../webhook-auth";
import { type RefreshingOptions, refreshingValue } from "./refreshing";

/**
 * The telephony secret from Secrets Manager (its shape: webhook-auth.ts), kept for a few minutes
 * (store/refreshing.ts): a changeover of the webhook credentials reaches every container within
 * that time, or at once when a webhook presents a credential the container does not know yet.
 */
export const telephonySecretSource = (
  secretArn: string,
  fetchSecret: SecretFetcher = fetchSecretString,
  options: RefreshingOptions = {},
): TelephonySecretSource =>
  refreshingValue(async (): Promise<TelephonySecret> => {
    const value = await fetchSecret(secretArn);
    if (!value) throw new Error("telephony webhook secret has no string value");
    const parsed = telephonySecretSchema().safeParse(JSON.parse(value));
    // Name the rule, never the value.
    if (!parsed.success)
      throw new Error(
        `telephony webhook secret does not match its schema at ${parsed.error.issues[0]?.path.join(".")}`,
      );
    return parsed.data;
  }, options);
