/**
 * The task mail's configuration fails the consumer's start loudly, naming the rule it broke in
 * words (zod/mini alone says "Invalid input") and never quoting the value it was given.
 */
import { describe, expect, it } from "vitest";
import { TASK_MAIL_ENV, taskMailConfigFromEnv } from "../../../services/intake/mail/config";

const env = (overrides: Record<string, string>) => ({
  [TASK_MAIL_ENV.from]: "uppgifter@kommun.invalid",
  [TASK_MAIL_ENV.consoleUrl]: "https://konsol.kommun.invalid",
  ...overrides,
});

const failure = (overrides: Record<string, string>): string => {
  try {
    taskMailConfigFromEnv(env(overrides));
  } catch (error) {
    return String(error);
  }
  throw new Error("the configuration was accepted");
};

describe("the task mail's configuration", () => {
  it("is off without a sender, and read with one", () => {
    expect(taskMailConfigFromEnv({})).toBeUndefined();
    expect(taskMailConfigFromEnv(env({}))).toMatchObject({ from: "uppgifter@kommun.invalid", directory: {} });
  });

  it("names a console address that is no URL, without quoting it", () => {
    const message = failure({ [TASK_MAIL_ENV.consoleUrl]: "konsolen-hos-anna" });
    expect(message).toContain("Invalid URL");
    expect(message).not.toContain("konsolen-hos-anna");
  });

  it("names a directory entry that is not a kommunkod, and a unit it does not know", () => {
    const message = failure({
      [TASK_MAIL_ENV.directory]: JSON.stringify({ Solna: {}, "0180": { units: { kiosk: "a@b.se" } } }),
    });
    expect(message).toContain("Invalid key in record");
    expect(message).toContain("must be a kommunkod or *");
    expect(message).toContain("Unrecognized key");
    expect(message).not.toContain("Invalid input");
  });
});
