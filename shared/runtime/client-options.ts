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
