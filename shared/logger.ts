import type { Context } from "aws-lambda";
import type { ServiceName } from "./resources";
import { initialisedForProvisionedConcurrency } from "./runtime/initialization";
import { sourceMappedStack } from "./runtime/stack-trace";

/**
 * One structured logger per service: a JSON object per line, on stdout (DEBUG, INFO) or stderr
 * (WARN, ERROR). What may be logged: ids we mint, event types, counts, status codes, durations.
 * Never a request body, an identity number, a name or a phone number.
 *
 * Why our own and not Powertools' Logger, which wrote these lines until 2026-11-30: the functions use
 * four levels, keys kept for one invocation and the Lambda context, nothing else of it. In a fresh
 * process its import, constructor and first line took 8-10 ms of CPU here, this logger's 4-4.5 ms,
 * nearly all of which is Node opening stdout on the first write, which any logger pays; warm, a line
 * took 10 µs, now 4 (`npm run bench`'s components). And it was 21 KiB of every bundle, compiled on
 * each cold start. The lines keep its shape (test/unit/runtime/logger.test.ts holds them against
 * Powertools' own): the same keys, so the queries and the EMF metric that read them (`service`) find
 * what they found.
 *
 * Lambda filters application logs by the `level` key of a JSON line on stdout or stderr, and takes
 * an RFC 3339 `timestamp` (the Lambda Developer Guide, "Log-level filtering"): infra sets the JSON
 * log format and INFO. A level below the one Lambda keeps (AWS_LAMBDA_LOG_LEVEL) is not even built.
 */
export type LogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR";

/** What a line may carry beside its message. */
export type LogAttributes = Readonly<Record<string, unknown>>;

const RANK: Readonly<Record<LogLevel | "SILENT", number>> = {
  DEBUG: 1,
  INFO: 2,
  WARN: 3,
  ERROR: 4,
  SILENT: 5,
};

const isLevel = (value: string | undefined): value is LogLevel | "SILENT" =>
  value !== undefined && Object.hasOwn(RANK, value);

/** The stricter of the level asked for and the one Lambda's log configuration keeps. */
const thresholdOf = (asked: LogLevel | "SILENT"): number => {
  const lambda = process.env.AWS_LAMBDA_LOG_LEVEL?.toUpperCase();
  // Lambda's own names: TRACE keeps everything, FATAL only what ERROR keeps.
  const kept = lambda === "TRACE" ? "DEBUG" : lambda === "FATAL" ? "ERROR" : lambda;
  return Math.max(RANK[asked], isLevel(kept) ? RANK[kept] : 0);
};

/** The X-Ray trace of this invocation (Lambda sets it per invocation), its `Root` only. */
const traceId = (): string | undefined => {
  const header = process.env._X_AMZN_TRACE_ID;
  if (!header) return undefined;
  return /(?:^|;)Root=([^;]+)/.exec(header)?.[1];
};

/** Keys every line carries and no attribute may replace. */
const RESERVED = new Set(["level", "message", "timestamp", "service"]);

/**
 * Values JSON cannot hold as they are: a bigint as its digits, an error as describeError gives it
 * (personal-looking text blanked out), whatever else `toJSON` or JSON makes of it.
 */
const replacer = (_key: string, value: unknown): unknown => {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Error) return describeError(value);
  return value;
};

export class Logger {
  readonly #service: string;
  readonly #threshold: number;
  /** The Lambda context of the invocation in hand (addContext). */
  #context: Record<string, unknown> = {};
  /** Keys for this invocation only (appendKeys), until resetKeys. */
  #keys: Record<string, unknown> = {};
  /** A container's first invocation is its cold start; provisioned concurrency ran init before. */
  #coldStart = !initialisedForProvisionedConcurrency();

  constructor(options: { readonly serviceName: string; readonly logLevel?: LogLevel | "SILENT" }) {
    this.#service = options.serviceName;
    this.#threshold = thresholdOf(options.logLevel ?? "INFO");
  }

  debug(message: string, attributes?: LogAttributes): void {
    if (this.#threshold <= RANK.DEBUG) this.#write("DEBUG", message, attributes);
  }

  info(message: string, attributes?: LogAttributes): void {
    if (this.#threshold <= RANK.INFO) this.#write("INFO", message, attributes);
  }

  warn(message: string, attributes?: LogAttributes): void {
    if (this.#threshold <= RANK.WARN) this.#write("WARN", message, attributes);
  }

  error(message: string, attributes?: LogAttributes): void {
    if (this.#threshold <= RANK.ERROR) this.#write("ERROR", message, attributes);
  }

  /** The invocation's context on every line that follows: its request id, and whether it is the cold start. */
  addContext(
    context: Pick<Context, "awsRequestId" | "functionName" | "invokedFunctionArn" | "memoryLimitInMB">,
  ): void {
    this.#context = {
      cold_start: this.#coldStart,
      function_arn: context.invokedFunctionArn,
      function_memory_size: context.memoryLimitInMB,
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
    };
    this.#coldStart = false;
  }

  /** Keys for every line until resetKeys (the edge resets them as each invocation begins). */
  appendKeys(keys: LogAttributes): void {
    for (const [key, value] of Object.entries(keys)) if (!RESERVED.has(key)) this.#keys[key] = value;
  }

  resetKeys(): void {
    this.#keys = {};
  }

  #write(level: LogLevel, message: string, attributes: LogAttributes | undefined): void {
    const line: Record<string, unknown> = {
      level,
      message,
      timestamp: new Date().toISOString(),
      service: this.#service,
      ...this.#context,
    };
    const trace = traceId();
    if (trace) line.xray_trace_id = trace;
    Object.assign(line, this.#keys);
    if (attributes) for (const key in attributes) if (!RESERVED.has(key)) line[key] = attributes[key];
    let text: string;
    try {
      text = JSON.stringify(line, replacer);
    } catch {
      // A cycle in the attributes: the line is still written, without them, rather than the caller fail.
      text = JSON.stringify({
        level,
        message,
        timestamp: line.timestamp,
        service: this.#service,
        unserialisable: true,
      });
    }
    (RANK[level] >= RANK.WARN ? process.stderr : process.stdout).write(`${text}\n`);
  }
}

export const createLogger = (service: ServiceName): Logger =>
  new Logger({ serviceName: service, logLevel: process.env.LOG_LEVEL === "DEBUG" ? "DEBUG" : "INFO" });

/**
 * A run of six or more digits (separators allowed: a personnummer, a phone number), or an e-mail
 * address. An exception's text is not ours: an SDK error can quote an item's value. An address's
 * local part holds no `/`, so that a stack frame in a scoped package
 * (`node_modules/@smithy/core/dist-es/index.js:137:32`) is not read as one.
 */
const PERSONAL_LOOKING = /\+?\d(?:[\s-]?\d){5,}|[^\s@"'<>/]+@[^\s@"'<>]+\.[A-Za-z]{2,}/g;

/** Blanks out whatever in a text could be an identity number, a phone number or an e-mail address. */
export const redact = (text: string): string => text.replace(PERSONAL_LOOKING, "[redacted]");

/**
 * Errors are logged by name, and by message and stack with anything personal-looking blanked out;
 * a bundled function's stack names our sources (shared/runtime/stack-trace.ts).
 */
export const describeError = (error: unknown): { name: string; message: string; stack?: string } => {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: redact(error.message.slice(0, 300)),
      ...(error.stack ? { stack: redact(sourceMappedStack(error.stack)) } : {}),
    };
  }
  return { name: "NonError", message: typeof error };
};
