/**
 * A deployed function's AWS credentials. Bundling aliases `@aws-sdk/credential-provider-node`, whose
 * `defaultProvider` every SDK client resolves credentials with unless given some, to this module
 * (infra/constructs/bundling.ts CREDENTIAL_CHAIN_ALIAS); the local runtime and the tests, which run
 * unbundled, keep the SDK's own chain.
 *
 * Why: the SDK's chain reads, after the environment, profile files, SSO caches, a credential
 * process, a web identity token file, and then the container or instance endpoint. Those links bring
 * the STS, SSO and sign-in clients: 113 KiB of every bundle (`npm run bench -- cold`), compiled on
 * every cold start for sources a Lambda function never has. Lambda gives the execution role's
 * credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (the Lambda
 * Developer Guide's "Defined runtime environment variables", reserved: a function cannot set them).
 * Where a runtime hands them out as container credentials instead (Lambda does so for SnapStart),
 * AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI names the endpoint, and the SDK's own HTTP
 * provider fetches them, as the SDK's chain would. Lambda has no instance metadata service, so that
 * link is left out.
 *
 * The SDK's providers do the reading; this module only orders them, and memoises as the SDK's chain
 * does: credentials that carry an expiry are fetched again shortly before it.
 */
import { type FromEnvInit, fromEnv } from "@aws-sdk/credential-provider-env";
import type { FromHttpOptions } from "@aws-sdk/credential-provider-http";
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from "@smithy/core";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";

export const CONTAINER_CREDENTIALS_ENV = [
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
] as const;

/** No source a function can have gave credentials: said without the values of any variable. */
export class NoLambdaCredentialsError extends Error {
  constructor() {
    super(
      "No AWS credentials: neither AWS_ACCESS_KEY_ID with AWS_SECRET_ACCESS_KEY nor a container " +
        "credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI) is set",
    );
    this.name = "NoLambdaCredentialsError";
  }
}

const resolveOnce =
  (init: FromEnvInit & FromHttpOptions): AwsCredentialIdentityProvider =>
  async (): Promise<AwsCredentialIdentity> => {
    const env = process.env;
    if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return fromEnv(init)();
    if (CONTAINER_CREDENTIALS_ENV.some((name) => env[name])) {
      // Built on first use: a function whose credentials are in its environment never loads it.
      const { fromHttp } = await import("@aws-sdk/credential-provider-http");
      return fromHttp(init)();
    }
    throw new NoLambdaCredentialsError();
  };

/** What the SDK's clients call, as `credentialDefaultProvider(config)`, each with its own memo. */
export const defaultProvider = (init: FromEnvInit & FromHttpOptions = {}): AwsCredentialIdentityProvider => {
  const memoised = memoizeIdentityProvider(resolveOnce(init), isIdentityExpired, doesIdentityRequireRefresh);
  // Smithy answers undefined only for an undefined provider.
  if (memoised === undefined) throw new TypeError("memoizeIdentityProvider gave no provider");
  return memoised;
};
