import { CLIENT_OPTIONS } from "./client-options";

/** A secret's string value by id (ARN); undefined when the secret holds binary data only. */
export type SecretFetcher = (secretId: string) => Promise<string | undefined>;

let fetcher: Promise<SecretFetcher> | undefined;

/**
 * Secrets Manager's GetSecretValue through one client per process, for every secret a function
 * reads (the identity keys, the telephony secret). The SDK client is imported and built on the
 * first fetch: esbuild bundles a dynamically imported module to run when first imported, so a
 * function that reads no secret, or has its keys from the environment, never evaluates the
 * client's code as it loads (npm run bench -- cold).
 */
export const fetchSecretString: SecretFetcher = async (secretId) => {
  if (!fetcher) {
    const loading = import("@aws-sdk/client-secrets-manager").then(
      ({ GetSecretValueCommand, SecretsManagerClient }): SecretFetcher => {
        const client = new SecretsManagerClient(CLIENT_OPTIONS);
        return async (id) => (await client.send(new GetSecretValueCommand({ SecretId: id }))).SecretString;
      },
    );
    fetcher = loading;
    // A failed import is not kept: the next fetch tries again.
    loading.catch(() => {
      if (fetcher === loading) fetcher = undefined;
    });
  }
  return (await fetcher)(secretId);
};
