import { describe, expect, it } from "vitest";
import { newCall, triageOfCall } from "../../../services/hotline/domain/call";
import { changed, type Triage } from "../../../services/hotline/domain/triage-state";
import {
  acknowledge,
  checkStep,
  complete,
  type TriageChange,
  visibleTriage,
  withStep,
} from "../../../services/hotline/domain/triage-work";
import type { DomainError } from "../../../shared/domain/errors";
import { PERSON } from "../../support/identities";

const RECEIVED = new Date("2026-03-28T22:00:00Z");
const DUE = "2026-03-29T22:00:00.000Z";

/** A triage as an answered call leaves it: open, every step pending, due 24 hours after the call. */
const open = (): Triage =>
  changed(
    triageOfCall(
      newCall({ callId: "c1", municipality: "0880", triageId: "T1", schedule: undefined, now: RECEIVED }),
    ),
    { status: "open", origin: "answered", openedAt: RECEIVED.toISOString() },
  );

const settled = (): Triage =>
  changed(open(), {
    steps: {
      "threat-assessment": { status: "done" },
      "protective-placement": { status: "not-needed", reasonSealed: "v1.k.iv.reason" },
      decision: { status: "done" },
      "financial-assistance": { status: "done" },
    },
    subjectRef: "a".repeat(64),
    subjectSealed: "v1.k.iv.subject",
  });

const error = (decision: { ok: boolean; error?: DomainError }): DomainError => {
  if (decision.ok || !decision.error) throw new Error("expected a refusal");
  return decision.error;
};

const changedTo = (decision: { ok: true; value: TriageChange } | { ok: false }) => {
  if (!decision.ok || decision.value.kind !== "changed") throw new Error("expected a change");
  return decision.value;
};

describe("who sees a triage", () => {
  it("only the staff of its municipality; to anyone else it does not exist", () => {
    expect(visibleTriage(open(), "0880")).toEqual({ ok: true, value: open() });
    expect(error(visibleTriage(open(), "0180"))).toMatchObject({ kind: "not-found" });
    expect(error(visibleTriage(undefined, "0880"))).toMatchObject({ kind: "not-found" });
  });
});

describe("a step", () => {
  const at = new Date("2026-03-29T08:00:00Z");

  it("is done, or not needed with a reason, and names who recorded it when", () => {
    expect(checkStep(open(), "decision", { status: "done" }, at)).toEqual({
      ok: true,
      value: { identity: undefined },
    });
    const next = withStep(
      open(),
      "protective-placement",
      { status: "not-needed", reasonSealed: "v1.r" },
      "bo",
      at,
    );
    expect(next.steps["protective-placement"]).toEqual({
      status: "not-needed",
      reasonSealed: "v1.r",
      at: at.toISOString(),
      by: "bo",
    });
    expect(next.version).toBe(open().version + 1);
  });

  it("not needed without a reason, or a reason for a step that is needed, is refused naming the field", () => {
    expect(error(checkStep(open(), "decision", { status: "not-needed" }, at))).toMatchObject({
      kind: "invalid",
      fields: [{ path: "reason", message: "is required when the step is not needed" }],
    });
    expect(error(checkStep(open(), "decision", { status: "done", reason: "x" }, at)).fields).toEqual([
      { path: "reason", message: "is given only when the step is not needed" },
    ]);
  });

  it("financial assistance done names the person; nothing else may", () => {
    const fa = checkStep(
      open(),
      "financial-assistance",
      { status: "done", personalIdentityNumber: PERSON.ten },
      at,
    );
    expect(fa.ok && fa.value.identity?.canonical).toBe(PERSON.canonical);
    expect(error(checkStep(open(), "financial-assistance", { status: "done" }, at)).fields?.[0]?.path).toBe(
      "personalIdentityNumber",
    );
    expect(
      error(checkStep(open(), "decision", { status: "done", personalIdentityNumber: PERSON.ten }, at)).fields,
    ).toEqual([
      { path: "personalIdentityNumber", message: "is recorded only with the financial-assistance step done" },
    ]);
    const bad = error(
      checkStep(
        open(),
        "financial-assistance",
        { status: "done", personalIdentityNumber: "19900101-0018" },
        at,
      ),
    );
    expect(bad.fields?.[0]?.message).toBe("is not a valid personnummer or samordningsnummer");
    expect(JSON.stringify(bad)).not.toContain("0018");
  });

  it("records the sealed subject with the step, and replaces a note written in clear", () => {
    const legacy = changed(open(), {
      steps: { ...open().steps, decision: { status: "done", note: "i klartext" } },
    });
    const next = withStep(
      legacy,
      "decision",
      { status: "done", noteSealed: "v1.n", subject: { subjectRef: "r", subjectSealed: "v1.s" } },
      "bo",
      at,
    );
    expect(next).toMatchObject({ subjectRef: "r", subjectSealed: "v1.s" });
    expect(next.steps.decision).toEqual({
      status: "done",
      noteSealed: "v1.n",
      at: at.toISOString(),
      by: "bo",
    });
  });

  it("is refused on a ringing or completed triage", () => {
    const ringing = changed(open(), { status: "ringing" });
    expect(error(checkStep(ringing, "decision", { status: "done" }, at))).toMatchObject({
      kind: "conflict",
      code: "call-ringing",
    });
    const done = changed(open(), { status: "completed" });
    expect(error(checkStep(done, "decision", { status: "done" }, at)).code).toBe("triage-completed");
  });
});

describe("acknowledging", () => {
  const at = new Date("2026-03-28T22:10:00Z");

  it("takes the triage once; again is no change", () => {
    const taken = changedTo(acknowledge(open(), "bo", at));
    expect(taken.triage.acknowledged).toEqual({ at: at.toISOString(), by: "bo" });
    expect(acknowledge(taken.triage, "cilla", at)).toEqual({ ok: true, value: { kind: "unchanged" } });
    expect(error(acknowledge(changed(open(), { status: "completed" }), "bo", at)).code).toBe(
      "triage-completed",
    );
  });
});

describe("completing", () => {
  it("is refused while a step is pending, naming each pending step", () => {
    expect(error(complete(open(), new Date(DUE)))).toMatchObject({
      kind: "conflict",
      code: "steps-pending",
      fields: [
        { path: "steps.threat-assessment", message: "is pending" },
        { path: "steps.protective-placement", message: "is pending" },
        { path: "steps.decision", message: "is pending" },
        { path: "steps.financial-assistance", message: "is pending" },
      ],
    });
  });

  it("at the 24th hour exactly is within the deadline: met, and intake gets the sealed subject", () => {
    const done = changedTo(complete(settled(), new Date(DUE)));
    expect(done.triage).toMatchObject({ status: "completed", completedAt: DUE, deadline: { state: "met" } });
    expect(done.events.map((e) => e.contract.type)).toEqual(["hotline.triage.completed"]);
    expect(done.events[0]?.data).toMatchObject({
      triageId: "T1",
      origin: "answered",
      withinDeadline: true,
      hoursToComplete: 24,
      steps: { "protective-placement": "not-needed", "financial-assistance": "done" },
      subject: { subjectRef: "a".repeat(64), subjectSealed: "v1.k.iv.subject" },
    });
  });

  it("a millisecond later is breached, and says so once if the sweep had not", () => {
    const late = new Date(Date.parse(DUE) + 1);
    const done = changedTo(complete(settled(), late));
    expect(done.triage.deadline.state).toBe("breached");
    expect(done.events.map((e) => e.contract.type)).toEqual([
      "deadline.breached",
      "hotline.triage.completed",
    ]);
    expect(done.events[1]?.data).toMatchObject({ withinDeadline: false });
    const marked = changed(settled(), { deadline: { dueAt: DUE, state: "breached" } });
    expect(changedTo(complete(marked, late)).events.map((e) => e.contract.type)).toEqual([
      "hotline.triage.completed",
    ]);
  });

  it("twice is completing once; a ringing call cannot be completed", () => {
    const done = changedTo(complete(settled(), new Date(DUE))).triage;
    expect(complete(done, new Date(DUE))).toEqual({ ok: true, value: { kind: "unchanged" } });
    expect(error(complete(changed(settled(), { status: "ringing" }), new Date(DUE))).code).toBe(
      "call-ringing",
    );
  });

  it("tells a callback task's origin to the figures", () => {
    const callback = changed(settled(), { status: "callback-needed", origin: "callback" });
    expect(changedTo(complete(callback, new Date(DUE))).events[0]?.data).toMatchObject({
      origin: "callback",
    });
  });
});
