import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { LOCAL_LOCK_FILE } from "./paths";

const lockSchema = z.object({ pid: z.number().int().positive(), url: z.string(), startedAt: z.string() });
export type RuntimeLock = z.infer<typeof lockSchema>;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
};

/** The `npm start` that holds the data folder, if one is running; a lock left by a crash does not count. */
export const runningInstance = (file = LOCAL_LOCK_FILE): RuntimeLock | undefined => {
  let lock: RuntimeLock;
  try {
    lock = lockSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return undefined;
  }
  return lock.pid !== process.pid && alive(lock.pid) ? lock : undefined;
};

export const writeLock = (url: string, file = LOCAL_LOCK_FILE): void => {
  mkdirSync(dirname(file), { recursive: true });
  const lock: RuntimeLock = { pid: process.pid, url, startedAt: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(lock)}\n`);
};

export const removeLock = (file = LOCAL_LOCK_FILE): void => {
  try {
    const lock = lockSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    if (lock.pid === process.pid) rmSync(file, { force: true });
  } catch {
    // no lock, or not ours
  }
};
