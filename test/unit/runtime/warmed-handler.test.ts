/**
 * warmedHandler: with provisioned concurrency Lambda initialises an environment ahead of any
 * request, and the handler's dependencies are built and warmed up then; on demand nothing is
 * fetched before the first call. A failing warm-up never fails the initialisation.
 */
import { describe, expect, it } from "vitest";
import { createLogger, type Logger } from "../../../shared/logger";
import { PROVISIONED_INITIALIZATION } from "../../../shared/runtime/initialization";
import { warmedHandler } from "../../../shared/runtime/lambda";
import { captureOutput } from "../../support/output";

interface Deps {
  readonly logger: Logger;
  readonly fetched: string[];
}

const setUp = () => {
  const counts = { deps: 0, handlers: 0, warmUps: 0 };
  const fetched: string[] = [];
  const buildDeps = (): Deps => {
    counts.deps += 1;
    return { logger: createLogger("hotline"), fetched };
  };
  const create = (deps: Deps) => {
    counts.handlers += 1;
    return async (event: string) => `${event} after ${deps.fetched.join(",") || "nothing"}`;
  };
  /** The warm-up the tests pass: it fetches the "secret" the handler then answers with. */
  const warmUp = async (deps: Deps) => {
    counts.warmUps += 1;
    deps.fetched.push("secret");
  };
  return { counts, fetched, buildDeps, create, warmUp };
};

const provisioned = { AWS_LAMBDA_INITIALIZATION_TYPE: PROVISIONED_INITIALIZATION };

describe("warmedHandler", () => {
  it("builds and warms up before it returns when Lambda initialises for provisioned concurrency", async () => {
    const { counts, buildDeps, create, warmUp } = setUp();
    const output = captureOutput();
    const handler = await warmedHandler(buildDeps, create, warmUp, provisioned);
    expect(counts).toEqual({ deps: 1, handlers: 1, warmUps: 1 });
    expect(await handler("call", {})).toBe("call after secret");
    expect(await handler("call", {})).toBe("call after secret");
    expect(counts).toEqual({ deps: 1, handlers: 1, warmUps: 1 });
    expect(output.stop()).toContain('"message":"warmed up for provisioned concurrency"');
  });

  it.each([
    ["on demand", { AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand" }],
    ["outside Lambda", {}],
  ])("%s, fetches nothing ahead and builds on the first call", async (_, env) => {
    const { counts, buildDeps, create, warmUp } = setUp();
    const handler = await warmedHandler(buildDeps, create, warmUp, env);
    expect(counts).toEqual({ deps: 0, handlers: 0, warmUps: 0 });
    expect(await handler("call", {})).toBe("call after nothing");
    expect(counts).toEqual({ deps: 1, handlers: 1, warmUps: 0 });
  });

  it("logs a failed warm-up with personal-looking text blanked out, and the first call still answers", async () => {
    const { counts, buildDeps, create } = setUp();
    const output = captureOutput();
    const handler = await warmedHandler(
      buildDeps,
      create,
      async () => {
        throw new Error("GetSecretValue failed for 19121212-1212");
      },
      provisioned,
    );
    const text = output.stop();
    expect(text).toContain('"message":"warm-up failed: the first call does what it left"');
    expect(text).not.toContain("19121212-1212");
    expect(await handler("call", {})).toBe("call after nothing");
    expect(counts).toEqual({ deps: 1, handlers: 1, warmUps: 0 });
  });

  it("survives dependencies that cannot be built at initialisation, and builds them again on the first call", async () => {
    let attempts = 0;
    const output = captureOutput();
    const handler = await warmedHandler(
      () => {
        attempts += 1;
        if (attempts === 1) throw new Error("table name missing");
        return { logger: createLogger("hotline") };
      },
      () => async () => "answered",
      async () => undefined,
      provisioned,
    );
    expect(output.stop()).toContain("warm-up failed");
    expect(await handler(undefined, undefined)).toBe("answered");
    expect(attempts).toBe(2);
  });
});
