/**
 * A task's e-mail: who receives it and what it says. It names the kind of task and the unit and
 * links to the console; never the person, the referral's contents or anything sealed, because mail
 * leaves the system and is kept in mailboxes we do not control.
 */
import { stockholmDate } from "../../../shared/time";
import type { Task, TaskType, TaskUnit } from "./tasks";

/**
 * Where a municipality's task mail goes (configuration, see services/intake/README.md): each unit's
 * shared inbox, and a caseworker's own address made from their id in the unit (e.g. `{id}@kalmar.se`
 * when the ids are the staff's mail names). `{unit}` and `{municipality}` fill an inbox template.
 */
export interface MunicipalityMail {
  /** A template for every unit's inbox, e.g. `{unit}@kalmar.se`. */
  readonly inbox?: string;
  /** A unit's inbox named outright, taking precedence over the template. */
  readonly units?: Readonly<Partial<Record<TaskUnit, string>>>;
  /** A template for a caseworker's address with `{id}`; absent: tasks go to the unit's inbox. */
  readonly caseworker?: string;
}

/** By kommunkod; `*` applies to a municipality not named. */
export type MailDirectory = Readonly<Record<string, MunicipalityMail>>;

export interface TaskMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

// Deliberately plain: an address is a local part without spaces or angle brackets, an @, and a domain with a dot.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
export const isMailAddress = (value: string): boolean => value.length <= 254 && ADDRESS.test(value);

const fill = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/**
 * The caseworker's own address when the task is theirs and the municipality says how to make one,
 * else the unit's inbox; undefined when the municipality has configured neither.
 */
export const recipientOf = (directory: MailDirectory, task: Task): string | undefined => {
  const config = directory[task.municipality] ?? directory["*"];
  if (!config) return undefined;
  const values = { unit: task.unit, municipality: task.municipality };
  const personal =
    task.assignee && config.caseworker
      ? fill(config.caseworker, { ...values, id: task.assignee })
      : undefined;
  if (personal && isMailAddress(personal)) return personal;
  const inbox = config.units?.[task.unit] ?? (config.inbox ? fill(config.inbox, values) : undefined);
  return inbox && isMailAddress(inbox) ? inbox : undefined;
};

export const TASK_TYPE_LABELS: Readonly<Record<TaskType, string>> = {
  "release-plan-reminder": "Påminnelse: planering inför frigivning",
  "deadline-breached": "En tidsfrist har passerats",
};

export const TASK_UNIT_LABELS: Readonly<Record<TaskUnit, string>> = {
  "mottag-barn": "Mottag barn",
  "mottag-vuxen": "Mottag vuxen",
  "utredning-unga-vuxna": "Utredning unga vuxna",
  "ekonomiskt-bistand": "Ekonomiskt bistånd",
  avhoppartelefonen: "Avhoppartelefonen",
};

/** The console's tasks page (its routes live in the fragment, console/src/router.ts). */
export const tasksLink = (consoleUrl: string, task: Pick<Task, "unit" | "assignee">): string =>
  `${consoleUrl.replace(/\/+$/, "")}/#/uppgifter${task.assignee ? "" : `?unit=${encodeURIComponent(task.unit)}`}`;

/** Swedish, short, and free of personal data: the kind of task, the unit, when, and where to look. */
export const composeTaskMail = (task: Task, to: string, consoleUrl: string): TaskMail => {
  const kind = TASK_TYPE_LABELS[task.type];
  const unit = TASK_UNIT_LABELS[task.unit];
  const due = task.dueAt ? stockholmDate(new Date(task.dueAt)) : undefined;
  const lines = [
    `Du har en ny uppgift i Ny riktning för ${unit}${task.assignee ? "" : " (enhetens gemensamma inkorg)"}.`,
    "",
    `Uppgift: ${kind}`,
    ...(due
      ? [`${task.type === "deadline-breached" ? "Fristen gick ut" : "Ska vara klar före"}: ${due}`]
      : []),
    "",
    `Öppna uppgiften i konsolen: ${tasksLink(consoleUrl, task)}`,
    "",
    "Meddelandet innehåller inga personuppgifter. Svara inte på det.",
  ];
  return { to, subject: `Ny uppgift: ${kind} (${unit})`, text: lines.join("\n") };
};
