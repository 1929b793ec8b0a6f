import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { conflictOnLostRace } from "../../../shared/http/conflict";
import { HttpProblem } from "../../../shared/http/problem";

const cancelled = (codes: string[]) =>
  new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe("conflictOnLostRace", () => {
  it("answers 409 naming the resource when the versioned first item lost its condition", async () => {
    const answer = conflictOnLostRace("notice", async () => {
      throw cancelled(["ConditionalCheckFailed", "None"]);
    });
    await expect(answer).rejects.toBeInstanceOf(HttpProblem);
    await expect(answer).rejects.toMatchObject({ status: 409, problemType: "concurrent-change" });
    await expect(answer).rejects.toThrow("The notice changed while this request was handled; try again");
  });

  it("passes any other failure through, and a success's value back", async () => {
    const other = cancelled(["None", "ConditionalCheckFailed"]);
    await expect(conflictOnLostRace("triage", async () => Promise.reject(other))).rejects.toBe(other);
    await expect(conflictOnLostRace("triage", async () => 7)).resolves.toBe(7);
  });
});
