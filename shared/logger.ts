import { Logger } from "@aws-lambda-powertools/logger";
import type { ServiceName } from "./resources";

/**
 * One structured logger per service. What may be logged: ids we mint, event types, counts,
 * status codes, durations. Never a request body, an identity number, a name or a phone number.
 */
export const createLogger = (service: ServiceName): Logger =>
  new Logger({ serviceName: service, logLevel: process.env.LOG_LEVEL === "DEBUG" ? "DEBUG" : "INFO" });

/**
 * A run of six or more digits (separators allowed: a personnummer, a phone number), or an e-mail
 * address. An exception's text is not ours: an SDK error can quote an item's value.
 */
const PERSONAL_LOOKING = /\+?\d(?:[\s-]?\d){5,}|[^\s@"'<>]+@[^\s@"'<>]+\.[A-Za-z]{2,}/g;

/** Blanks out whatever in a text could be an identity number, a phone number or an e-mail address. */
export const redact = (text: string): string => text.replace(PERSONAL_LOOKING, "[redacted]");

/** Errors are logged by name, and by message and stack with anything personal-looking blanked out. */
export const describeError = (error: unknown): { name: string; message: string; stack?: string } => {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: redact(error.message.slice(0, 300)),
      ...(error.stack ? { stack: redact(error.stack) } : {}),
    };
  }
  return { name: "NonError", message: typeof error };
};
