/**
 * The functions' logger (shared/logger.ts) writes the lines Powertools' Logger wrote before it, so
 * that the queries and the EMF metric that read them (`service`) find the same keys; Powertools
 * itself is the reference, timestamps aside. What it adds: errors blanked of personal-looking text,
 * and a line that cannot fail its caller.
 */
import { Logger as PowertoolsLogger } from "@aws-lambda-powertools/logger";
import type { Context } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Logger } from "../../../shared/logger";

const context = (requestId: string): Context => ({
  functionName: "intake-get",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:eu-north-1:123456789012:function:intake-get",
  memoryLimitInMB: "512",
  awsRequestId: requestId,
  callbackWaitsForEmptyEventLoop: true,
  logGroupName: "/aws/lambda/intake-get",
  logStreamName: "stream",
  getRemainingTimeInMillis: () => 1000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

let written: { stream: "stdout" | "stderr"; line: Record<string, unknown> }[];
const capture = (stream: "stdout" | "stderr") =>
  vi.spyOn(process[stream], "write").mockImplementation((chunk) => {
    for (const text of String(chunk).split("\n").filter(Boolean)) {
      written.push({ stream, line: JSON.parse(text) as Record<string, unknown> });
    }
    return true;
  });

beforeEach(() => {
  written = [];
  capture("stdout");
  capture("stderr");
  vi.stubEnv(
    "_X_AMZN_TRACE_ID",
    "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** One invocation's worth of logging, as the edge and the services log. */
const invocation = (logger: Logger | PowertoolsLogger) => {
  logger.info("before any invocation", { count: 2 });
  logger.addContext(context("request-1"));
  logger.appendKeys({ correlationId: "corr-1" });
  logger.info("request", { route: "GET /v1/referrals/{id}", status: 200, ms: 12, big: 10n });
  logger.warn("message failed", { list: [1, "x"], nested: { deep: true } });
  logger.resetKeys();
  logger.addContext(context("request-2"));
  logger.error("unhandled error");
  logger.debug("not at INFO");
};

describe("the logger's lines", () => {
  it("carry what Powertools' Logger wrote: the same keys and values, on the same streams", () => {
    invocation(new PowertoolsLogger({ serviceName: "intake" }));
    const theirs = written;
    written = [];
    invocation(new Logger({ serviceName: "intake" }));
    const ours = written;
    // Timestamps differ by the clock; sampling_rate (always 0) is not written: nothing samples.
    // cold_start is compared below: Powertools keeps it per process, across its instances.
    const comparable = ({ stream, line }: (typeof written)[number]) => {
      const { timestamp, sampling_rate, cold_start, ...rest } = line;
      return { stream, ...rest };
    };
    expect(ours.map(comparable)).toEqual(theirs.map(comparable));
    expect(ours).toHaveLength(4);
    for (const { line } of ours) expect(Date.parse(String(line.timestamp))).not.toBeNaN();
    expect(ours.map(({ line }) => line.cold_start)).toEqual([undefined, true, true, false]);
    expect(ours[1]?.line).toMatchObject({
      level: "INFO",
      service: "intake",
      function_request_id: "request-1",
      xray_trace_id: "1-5759e988-bd862e3fe1be46a994272793",
      correlationId: "corr-1",
    });
  });

  it("keep the level, message, time and service an attribute or key names too", () => {
    const logger = new Logger({ serviceName: "hotline" });
    logger.appendKeys({ service: "other" });
    logger.info("said", {
      level: "DEBUG",
      message: "forged",
      timestamp: "then",
      service: "other",
      callId: "c",
    });
    expect(written[0]?.line).toMatchObject({
      level: "INFO",
      message: "said",
      service: "hotline",
      callId: "c",
    });
    expect(written[0]?.line.timestamp).not.toBe("then");
  });

  it("describe an error by name with personal-looking text blanked out, and survive a cycle", () => {
    const logger = new Logger({ serviceName: "intake" });
    logger.error("failed", { error: new Error("item 199001011234 for anna@example.se broke") });
    const cyclic: Record<string, unknown> = { id: "x" };
    cyclic.self = cyclic;
    logger.warn("cyclic", { cyclic });
    expect(written[0]?.line.error).toMatchObject({
      name: "Error",
      message: "item [redacted] for [redacted] broke",
    });
    expect(JSON.stringify(written[0]?.line)).not.toMatch(/199001011234|anna@/);
    expect(written[1]?.line).toMatchObject({ level: "WARN", message: "cyclic", unserialisable: true });
    expect(written[1]?.line.cyclic).toBeUndefined();
  });
});

describe("the logger's level", () => {
  const everyLevel = (logger: Logger) => {
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");
    return written.map(({ line }) => line.level);
  };

  it("is INFO unless asked, and SILENT writes nothing", () => {
    expect(everyLevel(new Logger({ serviceName: "intake" }))).toEqual(["INFO", "WARN", "ERROR"]);
    written = [];
    expect(everyLevel(new Logger({ serviceName: "intake", logLevel: "DEBUG" }))).toEqual([
      "DEBUG",
      "INFO",
      "WARN",
      "ERROR",
    ]);
    written = [];
    expect(everyLevel(new Logger({ serviceName: "intake", logLevel: "SILENT" }))).toEqual([]);
  });

  it("is never below the level Lambda's log configuration keeps", () => {
    vi.stubEnv("AWS_LAMBDA_LOG_LEVEL", "WARN");
    expect(everyLevel(new Logger({ serviceName: "intake", logLevel: "DEBUG" }))).toEqual(["WARN", "ERROR"]);
    written = [];
    vi.stubEnv("AWS_LAMBDA_LOG_LEVEL", "TRACE");
    expect(everyLevel(new Logger({ serviceName: "intake" }))).toEqual(["INFO", "WARN", "ERROR"]);
  });

  it("marks no cold start where provisioned concurrency ran the init ahead of the first request", () => {
    vi.stubEnv("AWS_LAMBDA_INITIALIZATION_TYPE", "provisioned-concurrency");
    const logger = new Logger({ serviceName: "intake" });
    logger.addContext(context("request-1"));
    logger.info("first");
    expect(written[0]?.line.cold_start).toBe(false);
  });
});
