/**
 * Calling a handler as Lambda would, for the services' integration tests: a Context of its own
 * per call, and the HTTP result read back as status, lower-cased headers, parsed and raw body.
 */
import { randomUUID } from "node:crypto";
import type { Context } from "aws-lambda";
import type { HttpEvent, HttpLambda } from "../../shared/http/edge";

export const lambdaContext = (functionName: string): Context => {
  const unsupported = (): void => {
    throw new Error("callback-style context methods are not supported");
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:eu-north-1:000000000000:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "test",
    getRemainingTimeInMillis: () => 30_000,
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
};

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Parsed JSON, or undefined for an empty body. */
  readonly body: unknown;
  /** The body exactly as sent, for asserting what it does not contain. */
  readonly raw: string;
}

export const invokeHttp = async (fn: HttpLambda, functionName: string, event: HttpEvent): Promise<Answer> => {
  const result = await fn(event, lambdaContext(functionName));
  const raw = result.body ?? "";
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  return { status: result.statusCode ?? 0, headers, body: raw ? JSON.parse(raw) : undefined, raw };
};
