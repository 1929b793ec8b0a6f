/** Tasks and their mail as pure rules: who a task is for, once per source, done once, and a mail with no personal data. */
import { describe, expect, it } from "vitest";
import { RETENTION, taskAuditExpiry, taskExpiry } from "../../../services/intake/domain/retention";
import { composeTaskMail, recipientOf, tasksLink } from "../../../services/intake/domain/task-mail";
import {
  markTaskDone,
  mayCompleteTask,
  mayListTasks,
  openTask,
  type Task,
  type TaskSource,
  taskSourceKey,
  taskVisibleTo,
} from "../../../services/intake/domain/tasks";
import { at, referral } from "./referral-fixture";

const NOW = at("2026-12-01T07:00:00Z");
const release = referral({
  id: "01KREFERRAL0000000000000009",
  kind: "release",
  unit: "mottag-vuxen",
  ageGroup: "31+",
  assignee: "cw-2001",
});
const reminder: TaskSource = {
  kind: "reminder",
  noticeId: "KV-2026-000901",
  daysBeforeRelease: 60,
  planDueDate: "2027-01-30",
};
const breach = (over: Partial<Extract<TaskSource, { kind: "breach" }>> = {}): TaskSource => ({
  kind: "breach",
  service: "intake",
  subject: { type: "referral", id: release.id },
  deadline: "release-plan",
  dueAt: "2027-01-29T23:00:00.000Z",
  ...over,
});
const opened = (source: TaskSource, owner: Parameters<typeof openTask>[0]["owner"]) =>
  openTask({ id: "01KTASK00000000000000000001", municipality: "0880", source, owner }, NOW);

describe("opening a task", () => {
  it("gives a reminder to the referral's caseworker, due when the release day begins in Sweden", () => {
    const result = opened(reminder, { kind: "referral", referral: release });
    expect(result?.task).toMatchObject({
      type: "release-plan-reminder",
      unit: "mottag-vuxen",
      assignee: "cw-2001",
      referralId: release.id,
      noticeId: "KV-2026-000901",
      dueAt: "2027-01-29T23:00:00.000Z",
      createdAt: NOW.toISOString(),
      status: "open",
    });
    // The event that has it mailed names the task, the unit and the case's ids, not who it is for.
    expect(result?.events.map((e) => e.contract.type)).toEqual(["task.opened"]);
    expect(result?.events[0]?.data).not.toHaveProperty("assignee");
  });

  it("gives it to the unit's inbox when nobody is assigned, and a triage's breach to the hotline's inbox", () => {
    const { assignee: _a, ...unassigned } = release;
    expect(opened(breach(), { kind: "referral", referral: unassigned })?.task).toMatchObject({
      type: "deadline-breached",
      unit: "mottag-vuxen",
      deadline: "release-plan",
    });
    expect(opened(breach(), { kind: "referral", referral: unassigned })?.task).not.toHaveProperty("assignee");
    const triage = breach({
      service: "hotline",
      subject: { type: "triage", id: "01KTRIAGE0000000000000001" },
      deadline: "triage-24h",
    });
    expect(opened(triage, { kind: "hotline" })?.task).toMatchObject({
      unit: "avhoppartelefonen",
      triageId: "01KTRIAGE0000000000000001",
    });
  });

  it("opens nothing for a closed referral or a withdrawn notice", () => {
    expect(
      opened(reminder, { kind: "referral", referral: { ...release, status: "closed" } }),
    ).toBeUndefined();
    expect(opened(reminder, { kind: "none" })).toBeUndefined();
  });

  it("keys a source once: the plan breach reported on the notice and on its referral is one task", () => {
    const owner = { kind: "referral", referral: release } as const;
    const onNotice = breach({
      service: "release-notices",
      subject: { type: "release-notice", id: "KV-2026-000901" },
      dueAt: "2027-01-30T00:00:00+01:00",
    });
    expect(taskSourceKey(onNotice, owner)).toBe(taskSourceKey(breach(), owner));
    // Another due time (the deadline moved) or another reminder day is another task.
    expect(taskSourceKey(breach({ dueAt: "2027-02-27T23:00:00.000Z" }), owner)).not.toBe(
      taskSourceKey(breach(), owner),
    );
    expect(taskSourceKey({ ...reminder, daysBeforeRelease: 30 }, owner)).not.toBe(
      taskSourceKey(reminder, owner),
    );
  });
});

describe("marking a task done", () => {
  const task = opened(reminder, { kind: "referral", referral: release })?.task as Task;

  it("records who and when, once, with its audit fact; a second time is a conflict", () => {
    const done = markTaskDone(task, "cw-2001", at("2026-12-02T08:00:00Z"));
    expect(done).toEqual({
      ok: true,
      value: {
        task: { ...task, status: "done", doneAt: "2026-12-02T08:00:00.000Z", doneBy: "cw-2001" },
        audit: { taskId: task.id, action: "task-done", actor: "cw-2001", at: at("2026-12-02T08:00:00Z") },
      },
    });
    const again = done.ok ? markTaskDone(done.value.task, "chef-1", NOW) : done;
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error.kind).toBe("conflict");
  });

  it("is kept a year after it was done (local default), and its audit row two years beyond; an open one has no expiry", () => {
    expect(taskExpiry(task)).toBeUndefined();
    const done = markTaskDone(task, "cw-2001", at("2026-12-02T08:00:00Z"));
    if (!done.ok) throw new Error("expected done");
    // Done 2 December 2026 (Swedish date): deletable from 3 December 2027, 00:00 in Sweden.
    expect(taskExpiry(done.value.task)).toEqual(at("2027-12-02T23:00:00Z"));
    // Its audit row: two years after that day, from the start of the day after.
    expect(taskAuditExpiry(done.value.task)).toEqual(at("2029-12-03T23:00:00Z"));
    expect(RETENTION.doneTask.source.kind).toBe("local");
  });

  it("shows another municipality's task to nobody", () => {
    expect(taskVisibleTo(task, "0880").ok).toBe(true);
    const hidden = taskVisibleTo(task, "1490");
    expect(!hidden.ok && hidden.error.kind).toBe("not-found");
  });
});

describe("who may list and complete tasks", () => {
  const task = opened(reminder, { kind: "referral", referral: release })?.task as Task;
  const triage = breach({
    service: "hotline",
    subject: { type: "triage", id: "01KTRIAGE000000000000000001" },
  });
  const hotlineTask = opened(triage, { kind: "hotline" })?.task as Task;
  const onCall = { readsReferrals: false, managesReferrals: false, handlesHotline: true };
  const reader = { readsReferrals: true, managesReferrals: false, handlesHotline: false };
  const kind = (decision: { ok: boolean; error?: { kind: string } }) => decision.error?.kind ?? "ok";

  it("lets the on-call staff list the hotline's inbox and nothing else", () => {
    expect(kind(mayListTasks(onCall, "avhoppartelefonen"))).toBe("ok");
    expect(kind(mayListTasks(onCall, "mottag-barn"))).toBe("forbidden");
    expect(kind(mayListTasks(onCall, undefined))).toBe("forbidden");
    expect(kind(mayListTasks({ ...onCall, handlesHotline: false }, "avhoppartelefonen"))).toBe("forbidden");
    for (const unit of ["mottag-barn", "avhoppartelefonen", undefined] as const)
      expect(kind(mayListTasks(reader, unit))).toBe("ok");
  });

  it("lets the on-call staff mark done a hotline task only; intake's managing staff any", () => {
    expect(hotlineTask.unit).toBe("avhoppartelefonen");
    expect(kind(mayCompleteTask(onCall, hotlineTask))).toBe("ok");
    expect(kind(mayCompleteTask(onCall, task))).toBe("forbidden");
    expect(kind(mayCompleteTask(reader, hotlineTask))).toBe("forbidden");
    const manager = { ...reader, managesReferrals: true };
    expect(kind(mayCompleteTask(manager, task))).toBe("ok");
    expect(kind(mayCompleteTask(manager, hotlineTask))).toBe("ok");
  });
});

describe("the task's mail", () => {
  const task = opened(reminder, { kind: "referral", referral: release })?.task as Task;
  const { assignee: _x, ...unassigned } = task;

  it("goes to the caseworker's own address when the municipality makes one, else to the unit's inbox", () => {
    const directory = { "0880": { inbox: "{unit}@kalmar.se", caseworker: "{id}@kalmar.se" } };
    expect(recipientOf(directory, task)).toBe("cw-2001@kalmar.se");
    expect(recipientOf(directory, unassigned)).toBe("mottag-vuxen@kalmar.se");
    expect(
      recipientOf(
        { "0880": { inbox: "{unit}@kalmar.se", units: { "mottag-vuxen": "vuxen@kalmar.se" } } },
        task,
      ),
    ).toBe("vuxen@kalmar.se");
    expect(recipientOf({ "*": { inbox: "{unit}.{municipality}@kommun.invalid" } }, task)).toBe(
      "mottag-vuxen.0880@kommun.invalid",
    );
  });

  it("has no address when the municipality configured none, or the template makes no address", () => {
    expect(recipientOf({ "1490": { inbox: "{unit}@boras.se" } }, task)).toBeUndefined();
    expect(recipientOf({ "0880": { inbox: "{unit} at kalmar" } }, unassigned)).toBeUndefined();
  });

  it("says what kind of task, which unit and where to look, in Swedish, and nothing about the case", () => {
    const mail = composeTaskMail(task, "cw-2001@kalmar.se", "https://konsol.kalmar.se/");
    expect(mail.subject).toBe("Ny uppgift: Påminnelse: planering inför frigivning (Mottag vuxen)");
    expect(mail.text).toContain("Ska vara klar före: 2027-01-30");
    expect(mail.text).toContain("https://konsol.kalmar.se/#/uppgifter");
    for (const id of [release.id, "KV-2026-000901", "cw-2001", release.subjectRef])
      expect(mail.text).not.toContain(id);
    expect(tasksLink("https://konsol.kalmar.se", unassigned)).toBe(
      "https://konsol.kalmar.se/#/uppgifter?unit=mottag-vuxen",
    );
  });
});
