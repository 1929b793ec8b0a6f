import { vi } from "vitest";

/**
 * Captures everything written to stdout and stderr (where the handlers' JSON log lines go) from
 * now until `stop()` or `vi.restoreAllMocks()`, so a test can assert what never reaches a log line.
 */
export const captureOutput = (): { text(): string; stop(): string } => {
  const chunks: string[] = [];
  const keep = (chunk: unknown, ...rest: unknown[]): boolean => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
    const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    callback?.();
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation(keep as typeof process.stdout.write),
    vi.spyOn(process.stderr, "write").mockImplementation(keep as typeof process.stderr.write),
  ];
  const text = () => chunks.join("");
  return {
    text,
    /** Restores the streams and returns what was written. */
    stop() {
      for (const spy of spies) spy.mockRestore();
      return text();
    },
  };
};
