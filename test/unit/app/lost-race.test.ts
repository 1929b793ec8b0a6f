import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { retryOnLostRace } from "../../../shared/app/lost-race";
import { DomainError } from "../../../shared/domain/errors";

const cancelled = (codes: string[]) =>
  new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe("retryOnLostRace", () => {
  it("reads and decides again after a lost race, and answers with the attempt that won", async () => {
    let calls = 0;
    const value = await retryOnLostRace("notice", async () => {
      calls++;
      if (calls < 3) throw cancelled(["ConditionalCheckFailed", "None"]);
      return "third";
    });
    expect(value).toBe("third");
    expect(calls).toBe(3);
  });

  it("gives up with a conflict naming the resource once every attempt lost", async () => {
    let calls = 0;
    const answer = retryOnLostRace(
      "notice",
      async () => {
        calls++;
        throw cancelled(["ConditionalCheckFailed", "None"]);
      },
      { attempts: 2 },
    );
    await expect(answer).rejects.toBeInstanceOf(DomainError);
    await expect(answer).rejects.toMatchObject({ kind: "conflict", code: "concurrent-change" });
    await expect(answer).rejects.toThrow("The notice changed while this request was handled; try again");
    expect(calls).toBe(2);
  });

  it("passes any other failure through at once, and a success's value back", async () => {
    const other = cancelled(["None", "ConditionalCheckFailed"]);
    let calls = 0;
    await expect(
      retryOnLostRace("triage", async () => {
        calls++;
        throw other;
      }),
    ).rejects.toBe(other);
    expect(calls).toBe(1);
    await expect(retryOnLostRace("triage", async () => 7)).resolves.toBe(7);
  });
});
