/**
 * Timeouts and attempts for every AWS client a function builds. Without them a slow DynamoDB or SQS
 * holds a request (a caller on the avhoppartelefon) until the Lambda's own timeout. Worst case per
 * call: 3 attempts of at most 1 s to connect and 2 s to answer, plus the SDK's short backoff,
 * which stays inside a webhook's budget and leaves the telephony provider time to move on.
 */
export const CLIENT_OPTIONS = {
  maxAttempts: 3,
  // Without throwOnRequestTimeout the current handler only logs a warning when the time is up.
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
} as const;

/**
 * The SQS client's: the client's endpoint, not each queue URL's host, says where a message goes.
 * The same host in AWS, but an endpoint set in the environment (AWS_ENDPOINT_URL_SQS: a VPC
 * endpoint, the local servers) is then honoured, and the SDK's per-send check, which logs a stack
 * trace for a queue URL it cannot parse (fauxqs's `sqs.eu-north-1.127.0.0.1`), is not run.
 */
export const SQS_CLIENT_OPTIONS = { ...CLIENT_OPTIONS, useQueueUrlAsEndpoint: false } as const;
