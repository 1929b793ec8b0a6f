import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { startLocalAws } from "../../../infra/local/aws";
import { REPO_ROOT } from "../../../infra/local/paths";

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** These start DynamoDB Local of their own (about 2 s each): the only way to see Java go away. */
describe("DynamoDB Local's Java process", () => {
  it("is gone when stop() resolves", async () => {
    const aws = await startLocalAws();
    expect(alive(aws.dynamodbPid)).toBe(true);
    await aws.stop();
    expect(alive(aws.dynamodbPid)).toBe(false);
    await expect(fetch(aws.dynamodbEndpoint)).rejects.toThrow();
  });

  it("goes away when the Node process that started it is killed outright", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/fixtures/local-aws-child.ts"], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`child exited with ${code}`)));
    });
    const { dynamodbPid } = z.object({ dynamodbPid: z.number() }).parse(JSON.parse(line));
    expect(alive(dynamodbPid)).toBe(true);
    child.kill("SIGKILL");
    await vi.waitFor(() => expect(alive(dynamodbPid)).toBe(false), { timeout: 10_000, interval: 100 });
  });
});
