/**
 * Tasks in the intake table. An open task sits on gsi3 (the worklists' index) in its
 * municipality's partition by due time, so listing open tasks costs what is open, not every task
 * ever made; a done task leaves gsi3 for gsi2, newest done first, and is read only after the open
 * ones. A source row (`TASKSRC#…`) in the same transaction makes one task per source.
 */
import * as z from "zod/mini";
import { auditKey, auditPut } from "../../../shared/audit-trail";
import { queryPage, type TransactItem } from "../../../shared/dynamo";
import { taskTypeSchema, taskUnitSchema } from "../../../shared/events/catalogue/tasks";
import { newMonotonicId } from "../../../shared/ids";
import { parseStored } from "../../../shared/stored-item";
import { taskAuditExpiry, taskExpiry } from "../domain/retention";
import type { Task, TaskAuditFact, TaskUnit } from "../domain/tasks";
import { taskAuditSubject, taskKey } from "./keys";
import { optionalExpiry } from "./parse";
import { type IntakeTable, readItem } from "./table";

// Their home is keys.ts, where the audit trail's reading finds them without this module's schemas.
export { taskAuditSubject, taskKey };

export const taskSourceRowKey = (source: string) => ({ pk: `TASKSRC#${source}`, sk: "TASKSRC" as const });

/** gsi3: a municipality's open tasks, the soonest due first (one without a due time last). */
export const openTasksIndex = {
  name: "gsi3",
  partition: (municipality: string) => `TASKS#${municipality}`,
  sort: (dueAt: string | undefined, id: string) => `${dueAt ?? "~"}#${id}`,
} as const;

/** gsi2: a municipality's done tasks, read newest done first. */
export const doneTasksIndex = {
  name: "gsi2",
  partition: (municipality: string) => `TASKS-DONE#${municipality}`,
  sort: (doneAt: string, id: string) => `${doneAt}#${id}`,
} as const;

/** One instance per field type, shared by the fields of that type: fewer schemas to build as the module loads. */
const text = z.string();
const optionalText = z.optional(text);
const isoDateTime = z.iso.datetime({ offset: true });
const optionalDateTime = z.optional(isoDateTime);
const taskStatus = z.enum(["open", "done"]);

const taskRecordSchema = z.object({
  pk: text,
  sk: z.literal("TASK"),
  id: text,
  municipality: text,
  type: taskTypeSchema,
  unit: taskUnitSchema,
  assignee: optionalText,
  referralId: optionalText,
  noticeId: optionalText,
  triageId: optionalText,
  deadline: optionalText,
  dueAt: optionalDateTime,
  createdAt: isoDateTime,
  status: taskStatus,
  doneAt: optionalDateTime,
  doneBy: optionalText,
  mailedAt: optionalDateTime,
  source: text,
  /** TTL (gallring), epoch seconds: a done task's (domain/retention.ts); an open task has none. */
  expiresAt: z.optional(z.number().check(z.int())),
});

const sourceRowSchema = z.object({ taskId: text });

export const parseTask = (item: Record<string, unknown> | undefined): Task | undefined => {
  const record = parseStored(taskRecordSchema, item, "task");
  if (!record) return undefined;
  const { pk: _pk, sk: _sk, expiresAt: _e, ...task } = record;
  return task;
};

/** The item: on gsi3 while open, on gsi2 once done, and then with its TTL. */
const taskItem = (task: Task): Record<string, unknown> => ({
  ...taskKey(task.id),
  ...task,
  ...optionalExpiry(taskExpiry(task)),
  ...(task.status === "open"
    ? {
        gsi3pk: openTasksIndex.partition(task.municipality),
        gsi3sk: openTasksIndex.sort(task.dueAt, task.id),
      }
    : {
        gsi2pk: doneTasksIndex.partition(task.municipality),
        gsi2sk: doneTasksIndex.sort(task.doneAt ?? task.createdAt, task.id),
      }),
});

/** A new task and its source row; either existing already cancels both. */
export const newTaskWrites = (tableName: string, task: Task): TransactItem[] => [
  {
    Put: {
      TableName: tableName,
      Item: { ...taskSourceRowKey(task.source), taskId: task.id },
      ConditionExpression: "attribute_not_exists(pk)",
    },
  },
  { Put: { TableName: tableName, Item: taskItem(task), ConditionExpression: "attribute_not_exists(pk)" } },
];

/** The task changed, on the condition that it is as it was read (still open). First in its transaction. */
const taskUpdateWrite = (tableName: string, task: Task): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: taskItem(task),
    ConditionExpression: "#status = :open",
    ExpressionAttributeNames: { "#status": "status" },
    ExpressionAttributeValues: { ":open": "open" },
  },
});

/**
 * A task marked done: the task (first, conditioned on being open), its source row given the
 * task's TTL (it says only that the source made this task; a source redelivered after a year is
 * long gone from the queues), and the audit row of who did it, kept beyond the task.
 */
export const taskDoneWrites = (
  target: { readonly tableName: string; readonly auditTableName: string },
  task: Task,
  audit: TaskAuditFact,
  correlationId: string,
): TransactItem[] => [
  taskUpdateWrite(target.tableName, task),
  {
    Put: {
      TableName: target.tableName,
      Item: { ...taskSourceRowKey(task.source), taskId: task.id, ...optionalExpiry(taskExpiry(task)) },
    },
  },
  auditPut(target.auditTableName, {
    key: auditKey("intake", taskAuditSubject(task.id), audit.at, newMonotonicId()),
    municipality: task.municipality,
    attributes: {
      taskId: task.id,
      unit: task.unit,
      ...(task.referralId ? { referralId: task.referralId } : {}),
      action: audit.action,
      actor: audit.actor,
      at: audit.at.toISOString(),
      correlationId,
    },
    expiresAt: taskAuditExpiry(task),
  }),
];

/** The task's mail went out at `at`: committed with the event's dedupe mark. */
export const taskMailedWrite = (tableName: string, id: string, at: Date): TransactItem => ({
  Update: {
    TableName: tableName,
    Key: taskKey(id),
    UpdateExpression: "SET mailedAt = :at",
    ConditionExpression: "attribute_exists(pk)",
    ExpressionAttributeValues: { ":at": at.toISOString() },
  },
});

export const readTask = async (table: IntakeTable, id: string): Promise<Task | undefined> =>
  parseTask(await readItem(table, taskKey(id)));

/** The task a source already opened, if any. */
export const readTaskBySource = async (table: IntakeTable, source: string): Promise<string | undefined> =>
  parseStored(sourceRowSchema, await readItem(table, taskSourceRowKey(source)), "task source")?.taskId;

export interface TaskFilter {
  readonly unit?: TaskUnit;
  readonly assignee?: string;
  /** Absent: open tasks, then done ones. */
  readonly status?: "open" | "done";
}

/** Where a page resumes: which phase, and after which sort key in it. */
const cursorSchema = z.strictObject({
  tasks: taskStatus,
  after: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
});
type Position = z.infer<typeof cursorSchema>;

const decodePosition = (cursor: string | undefined): Position | "invalid" | undefined => {
  if (cursor === undefined) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : "invalid";
  } catch {
    return "invalid";
  }
};
const encodePosition = (position: Position): string =>
  Buffer.from(JSON.stringify(position), "utf8").toString("base64url");

const idOfSort = (sort: string) => sort.slice(sort.lastIndexOf("#") + 1);

const readPhase = async (
  table: IntakeTable,
  municipality: string,
  phase: "open" | "done",
  filter: TaskFilter,
  after: string | undefined,
  limit: number,
): Promise<{ items: Task[]; last?: string; more: boolean }> => {
  const index = phase === "open" ? openTasksIndex : doneTasksIndex;
  const [pkName, skName] = phase === "open" ? ["gsi3pk", "gsi3sk"] : ["gsi2pk", "gsi2sk"];
  const partition = index.partition(municipality);
  const values: Record<string, unknown> = { ":p": partition };
  const names: Record<string, string> = {};
  const filters: string[] = [];
  for (const attribute of ["unit", "assignee"] as const) {
    const value = filter[attribute];
    if (value === undefined) continue;
    filters.push(`#${attribute} = :${attribute}`);
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
  }
  const startKey = after ? { ...taskKey(idOfSort(after)), [pkName]: partition, [skName]: after } : undefined;
  const { items, lastKey } = await queryPage(
    table.doc,
    {
      TableName: table.tableName,
      IndexName: index.name,
      KeyConditionExpression: `${pkName} = :p`,
      ExpressionAttributeValues: values,
      ScanIndexForward: phase === "open",
      ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    },
    { limit, startKey },
  );
  const last = items.at(-1)?.[skName];
  return {
    items: items.flatMap((item) => parseTask(item) ?? []),
    ...(typeof last === "string" ? { last } : {}),
    more: lastKey !== undefined,
  };
};

/** A page of the municipality's tasks: open ones soonest due first, then (unless asked otherwise) done ones. */
export const listTasks = async (
  table: IntakeTable,
  municipality: string,
  filter: TaskFilter,
  request: { readonly limit: number; readonly cursor?: string | undefined },
): Promise<{ ok: true; items: Task[]; cursor?: string } | { ok: false }> => {
  const position = decodePosition(request.cursor);
  if (position === "invalid") return { ok: false };
  const phases: ("open" | "done")[] = filter.status ? [filter.status] : ["open", "done"];
  const start = position?.tasks ?? phases[0];
  if (!start || !phases.includes(start)) return { ok: false };
  const items: Task[] = [];
  let after = position?.after;
  for (const phase of phases.slice(phases.indexOf(start))) {
    const read = await readPhase(table, municipality, phase, filter, after, request.limit - items.length);
    items.push(...read.items);
    if (read.more && read.last)
      return { ok: true, items, cursor: encodePosition({ tasks: phase, after: read.last }) };
    after = undefined;
    if (items.length >= request.limit) {
      const next = phases[phases.indexOf(phase) + 1];
      return { ok: true, items, ...(next ? { cursor: encodePosition({ tasks: next }) } : {}) };
    }
  }
  return { ok: true, items };
};
