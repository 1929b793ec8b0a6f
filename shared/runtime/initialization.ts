/**
 * How Lambda is initialising this environment (`AWS_LAMBDA_INITIALIZATION_TYPE`: "on-demand" or
 * "provisioned-concurrency"; the Lambda Developer Guide's reserved environment variables). For
 * provisioned concurrency the environment is initialised ahead of any request: its first
 * invocation is no cold start for the caller (shared/logger.ts), and the webhooks warm up during it
 * (lambda.ts warmedHandler).
 */
export const PROVISIONED_INITIALIZATION = "provisioned-concurrency";

export const initialisedForProvisionedConcurrency = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.AWS_LAMBDA_INITIALIZATION_TYPE === PROVISIONED_INITIALIZATION;
