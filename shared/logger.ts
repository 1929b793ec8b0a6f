import { Logger } from "@aws-lambda-powertools/logger";
import type { ServiceName } from "./resources";

/**
 * One structured logger per service. What may be logged: ids we mint, event types, counts,
 * status codes, durations. Never a request body, an identity number, a name or a phone number.
 */
export const createLogger = (service: ServiceName): Logger =>
  new Logger({ serviceName: service, logLevel: process.env.LOG_LEVEL === "DEBUG" ? "DEBUG" : "INFO" });

/** Errors are logged by name and our own message only: SDK errors can carry item values. */
export const describeError = (error: unknown): { name: string; message: string; stack?: string } => {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: error.message.slice(0, 300),
      ...(error.stack ? { stack: error.stack } : {}),
    };
  }
  return { name: "NonError", message: typeof error };
};
