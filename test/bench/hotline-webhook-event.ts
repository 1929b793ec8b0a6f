/**
 * The incoming-call webhook as API Gateway hands it to the function, and the Lambda context it
 * runs with: for the hotline bench (hotline-webhook.ts).
 */
import type { Context } from "aws-lambda";
import { derivedCredentials } from "../../services/hotline/webhook-auth";
import type { HttpEvent } from "../../shared/http/edge";

export const MUNICIPALITY = "0880";
export const HOTLINE_NUMBER = "+46766860000";
/** The webhook secret; the provider posts with the municipality's credential derived from it. */
export const CREDENTIALS = { username: "elks-bench", password: "bench-webhook-password-0123" };
const KALMAR = derivedCredentials(CREDENTIALS.username, CREDENTIALS.password, MUNICIPALITY);

export const context = (requestId: string): Context => {
  const unsupported = (): void => {
    throw new Error("not supported");
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: "hotline-incoming",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:eu-north-1:000000000000:function:hotline-incoming",
    memoryLimitInMB: "1024",
    awsRequestId: requestId,
    logGroupName: "/aws/lambda/hotline-incoming",
    logStreamName: "bench",
    getRemainingTimeInMillis: () => 30_000,
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
};

/** The incoming POST as API Gateway hands it over: form body base64-encoded, no authorizer. */
export const incomingEvent = (callId: string, requestId: string): HttpEvent => {
  const body = new URLSearchParams({
    direction: "incoming",
    callid: callId,
    from: "+46706861004",
    to: HOTLINE_NUMBER,
    created: new Date().toISOString(),
  }).toString();
  const path = `/v1/hotline/voice/${MUNICIPALITY}/incoming`;
  const routeKey = "POST /v1/hotline/voice/{municipality}/incoming";
  const event = {
    version: "2.0",
    routeKey,
    rawPath: path,
    rawQueryString: "",
    headers: {
      host: "api.local",
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${KALMAR.username}:${KALMAR.password}`).toString("base64")}`,
    },
    pathParameters: { municipality: MUNICIPALITY },
    body: Buffer.from(body).toString("base64"),
    isBase64Encoded: true,
    requestContext: {
      accountId: "000000000000",
      apiId: "bench",
      domainName: "api.local",
      domainPrefix: "api",
      http: { method: "POST", path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
      requestId,
      routeKey,
      stage: "$default",
      time: "01/Jan/2026:00:00:00 +0000",
      timeEpoch: 0,
      authorizer: { jwt: { claims: {}, scopes: [] }, principalId: "", integrationLatency: 0 },
    },
  };
  return event as HttpEvent;
};
