import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type hotlineTriageCompleted,
  referralAssessed,
  referralReceived,
  releaseNoticeReceived,
} from "../../../shared/events/catalogue";
import type { EventOf } from "../../../shared/events/envelope";
import { contractFor, isEvent, parseEvent } from "../../../shared/events/parse";
import { readSamples } from "./fixture-files";

const sampleOf = (type: string, index = 0): Record<string, unknown> => {
  const sample = readSamples(type, 1)?.[index];
  if (typeof sample !== "object" || sample === null) throw new Error(`no sample ${index} of ${type}`);
  return structuredClone(sample) as Record<string, unknown>;
};

const dataOf = (event: Record<string, unknown>): Record<string, unknown> =>
  event.data as Record<string, unknown>;

describe("parseEvent", () => {
  it("reads a valid event and names its contract", () => {
    const result = parseEvent(sampleOf("referral.received"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.contract).toBe(referralReceived);
    expect(result.event.type).toBe("referral.received");
  });

  it("reads an SQS body as it comes, a JSON string", () => {
    const result = parseEvent(JSON.stringify(sampleOf("hotline.call.routed")));
    expect(result.ok).toBe(true);
  });

  it("refuses text that is not JSON without quoting it", () => {
    const result = parseEvent("19121212-1212 is not json");
    expect(result).toEqual({ ok: false, reason: "envelope", issues: [{ path: "", message: "not JSON" }] });
  });

  it("refuses a bad envelope, naming each bad field", () => {
    const event = sampleOf("referral.received");
    event.id = "not-a-ulid";
    delete event.municipality;
    const result = parseEvent(event);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("envelope");
    expect(result.issues.map((i) => i.path).sort()).toEqual(["id", "municipality"]);
    expect(result.envelope).toBeUndefined();
  });

  it("refuses an unknown type, and an unknown version of a known type, as unknown-type", () => {
    const unknownType = { ...sampleOf("referral.received"), type: "referral.teleported" };
    const unknownVersion = { ...sampleOf("referral.received"), version: 2 };
    const a = parseEvent(unknownType);
    const b = parseEvent(unknownVersion);
    expect(a).toMatchObject({ ok: false, reason: "unknown-type", issues: [{ path: "type" }] });
    expect(b).toMatchObject({ ok: false, reason: "unknown-type", issues: [{ path: "version" }] });
    // What a consumer logs or dead-letters by, without the data.
    expect(b.ok ? undefined : b.envelope).toMatchObject({ type: "referral.received", version: 2 });
    expect(b.ok ? undefined : b.envelope).not.toHaveProperty("data");
  });

  it("refuses bad data with paths into it and no value from it", () => {
    const event = sampleOf("referral.received");
    const data = dataOf(event);
    data.ageGroup = "19121212-1212";
    data.kind = "+46701234567";
    (data.deadlines as Record<string, unknown>[])[1] = { type: "pre-assessment", dueAt: "Tolvan Tolvansson" };
    const result = parseEvent(event);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("data");
    expect(result.issues.map((i) => i.path).sort()).toEqual([
      "data.ageGroup",
      "data.deadlines.1.dueAt",
      "data.kind",
    ]);
    const logged = JSON.stringify(result.issues);
    for (const value of ["19121212", "+4670", "Tolvan"]) expect(logged).not.toContain(value);
  });

  it("does not echo an identity number put where an object belongs", () => {
    const triage = sampleOf("hotline.triage.completed");
    dataOf(triage).subject = "198112189876";
    const result = parseEvent(triage);
    expect(result).toMatchObject({ ok: false, reason: "data", issues: [{ path: "data.subject" }] });
    expect(JSON.stringify(result)).not.toContain("198112189876");
  });

  it("checks the rules a JSON Schema cannot hold: a financial-assistance referral carries the sealed subject", () => {
    const event = sampleOf("hotline.triage.completed");
    delete dataOf(event).subject;
    expect(parseEvent(event)).toMatchObject({
      ok: false,
      reason: "data",
      issues: [
        { path: "data.subject", message: "a financial-assistance referral must carry the sealed subject" },
      ],
    });
  });

  it("reads each variant of a union by its discriminator", () => {
    const event = sampleOf("referral.assessed", 1);
    delete dataOf(event).openInvestigation;
    expect(parseEvent(event)).toMatchObject({
      ok: false,
      reason: "data",
      issues: [{ path: "data.openInvestigation" }],
    });
  });

  it("never lets an identity in clear through where a sealed one belongs", () => {
    const event = sampleOf("release-notice.received");
    dataOf(event).subjectSealed = "19121212-1212";
    const result = parseEvent(event);
    expect(result).toMatchObject({ ok: false, reason: "data", issues: [{ path: "data.subjectSealed" }] });
    expect(JSON.stringify(result)).not.toContain("1212");
  });
});

describe("contractFor", () => {
  it("finds a contract by exact type and version only", () => {
    expect(contractFor("referral.received", 1)).toBe(referralReceived);
    expect(contractFor("referral.received", 2)).toBeUndefined();
    expect(contractFor("nothing", 1)).toBeUndefined();
  });
});

describe("isEvent", () => {
  it("narrows a parsed event to one contract's data", () => {
    const result = parseEvent(sampleOf("referral.assessed"));
    if (!result.ok) throw new Error("sample should parse");
    const { event } = result;
    expect(isEvent(event, releaseNoticeReceived)).toBe(false);
    expect(isEvent(event, { ...referralAssessed, version: 2 })).toBe(false);
    if (!isEvent(event, referralAssessed)) throw new Error("should be referral.assessed");
    expectTypeOf(event).toExtend<EventOf<typeof referralAssessed>>();
    expect(event.data.assessment).toBe("protection-assessment");
    if (event.data.assessment === "protection-assessment")
      expect(event.data.immediateProtectionNeeded).toBe(false);
  });

  it("narrows by type on the parsed union as well", () => {
    const result = parseEvent(sampleOf("hotline.triage.completed"));
    if (!result.ok) throw new Error("sample should parse");
    if (result.event.type === "hotline.triage.completed") {
      expectTypeOf(result.event.data).toEqualTypeOf<EventOf<typeof hotlineTriageCompleted>["data"]>();
      expect(result.event.data.steps["financial-assistance"]).toBe("done");
    } else {
      expect.fail("wrong type");
    }
  });
});
