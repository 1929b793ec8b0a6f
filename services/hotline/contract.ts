import * as z from "zod/mini";
import { DEADLINE_STATES } from "../../shared/domain/deadline";
import { HOTLINE_HANDLE_SCOPE } from "../../shared/domain/scopes";
import { chainRoleSchema, triageStepSchema } from "../../shared/events/catalogue/hotline";
import { entityIdSchema, kommunkodSchema } from "../../shared/events/envelope";
import { STEP_STATUSES, TRIAGE_STATUSES } from "./domain/triage-state";

// The webhooks' schemas live apart, so that the telephony functions load only those.
export { municipalityParamsSchema } from "./contract-municipality";
export { callActionSchema } from "./contract-telephony";
export { hangupQuerySchema, nextQuerySchema } from "./contract-webhook-urls";

export const SCOPES = {
  /** On-call staff and their managers: triages, the caller's number, who is on call. */
  handle: HOTLINE_HANDLE_SCOPE,
  /** Whoever keeps the municipality's on-call schedule. */
  admin: "hotline:admin",
} as const;

/** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
export const e164Schema = z
  .string()
  .check(z.regex(/^\+[1-9]\d{6,14}$/, "must be a phone number in E.164 (+46701234567)"));

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const isoDateTime = z.iso.datetime({ offset: true });
const memberIdSchema = entityIdSchema;
/** A fresh schema per use, as the chained form built one per field. */
const personName = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

const memberSchema = z.strictObject({
  id: memberIdSchema,
  name: personName(),
  /** Optional so that a member can be listed before their phone is known; the gaps report names them. */
  phone: z.optional(e164Schema),
});

const managerSchema = z.strictObject({
  id: memberIdSchema,
  name: personName(),
  phone: e164Schema,
});

export const scheduleBodySchema = z
  .strictObject({
    /** The municipality's hotline number: a call the provider reports to another number rings nobody. */
    hotlineNumber: e164Schema,
    timeZone: z
      .string()
      .check(
        z.maxLength(64),
        z.refine(isTimeZone, "must be an IANA time zone such as Europe/Stockholm"),
        z.meta({ description: "An IANA time zone name (tz database)", examples: ["Europe/Stockholm"] }),
      ),
    handoffTime: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM")),
    rotation: z.strictObject({
      startDate: z.iso.date(),
      shiftDays: z.number().check(z.int(), z.minimum(1), z.maximum(28)),
      members: z.array(memberSchema).check(
        z.minLength(1),
        z.maxLength(50),
        z.refine((ms) => new Set(ms.map((m) => m.id)).size === ms.length, "must not repeat a member id"),
      ),
    }),
    overrides: z._default(
      z
        .array(z.strictObject({ start: isoDateTime, end: isoDateTime, memberId: memberIdSchema }))
        .check(z.maxLength(200)),
      [],
    ),
    manager: managerSchema,
    ringSeconds: z.number().check(z.int(), z.minimum(5), z.maximum(120)),
    /** An https URL of the recorded message played when nobody answers. */
    fallbackMessage: z.optional(
      z.url({ protocol: /^https$/ }).check(
        z.maxLength(1000),
        // The protocol rule is not JSON Schema's `uri` format: say it as a pattern too.
        z.meta({ pattern: "^https://", description: "An https URL of the recorded message" }),
      ),
    ),
  })
  .check(
    z.superRefine((body, ctx) => {
      const ids = new Set([...body.rotation.members.map((m) => m.id), body.manager.id]);
      body.overrides.forEach((o, i) => {
        if (!ids.has(o.memberId)) {
          ctx.addIssue({
            code: "custom",
            path: ["overrides", i, "memberId"],
            message: "must be a member of the rotation or the manager",
          });
        }
        if (Date.parse(o.end) <= Date.parse(o.start)) {
          ctx.addIssue({ code: "custom", path: ["overrides", i, "end"], message: "must be after start" });
        }
      });
    }),
  );
export type ScheduleBody = z.output<typeof scheduleBodySchema>;

export const scheduleViewSchema = z.object({
  municipality: kommunkodSchema,
  /** Absent only on a schedule saved before it was asked for. */
  hotlineNumber: z.optional(z.string()),
  timeZone: z.string(),
  handoffTime: z.string(),
  rotation: z.object({
    startDate: z.iso.date(),
    shiftDays: z.number().check(z.int()),
    members: z.array(z.object({ id: z.string(), name: z.string(), phone: z.optional(z.string()) })),
  }),
  overrides: z.array(z.object({ start: isoDateTime, end: isoDateTime, memberId: z.string() })),
  manager: z.object({ id: z.string(), name: z.string(), phone: z.string() }),
  ringSeconds: z.number().check(z.int()),
  fallbackMessage: z.optional(z.string()),
  updatedAt: isoDateTime,
  updatedBy: z.string(),
});

export const onCallQuerySchema = z.object({
  municipality: kommunkodSchema,
  at: z.optional(isoDateTime),
});

export const onCallViewSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  from: isoDateTime,
  until: isoDateTime,
  /** Whether an override put this member on call rather than the rotation. */
  override: z.boolean(),
});

export const gapsQuerySchema = z.object({
  days: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(60)), 7),
});

export const GAP_KINDS = ["nobody-on-call", "no-phone"] as const;
export const gapsViewSchema = z.object({
  municipality: kommunkodSchema,
  from: isoDateTime,
  until: isoDateTime,
  gaps: z.array(
    z.object({
      kind: z.enum(GAP_KINDS),
      start: isoDateTime,
      end: isoDateTime,
      memberId: z.optional(z.string()),
    }),
  ),
  /** Nothing recorded to play when nobody answers: callers hear a tone instead of a message. */
  fallbackMessageMissing: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Triage

export const triageStatusSchema = z.enum(TRIAGE_STATUSES);

export const triageParamsSchema = z.object({ id: entityIdSchema });
export const stepParamsSchema = z.object({ id: entityIdSchema, step: triageStepSchema });

/** Format only; the check digit and date are checked by the domain against the clock. */
const identityNumberInputSchema = z
  .string()
  .check(z.trim(), z.regex(/^(\d{2})?\d{6}[-+]?\d{4}$/, "must be a personnummer or samordningsnummer"));

export const stepBodySchema = z
  .strictObject({
    status: z.enum(STEP_STATUSES),
    note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    /** Required when the step is not needed: why not. */
    reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
    /** The person's identity number: required when the financial-assistance step is done. */
    personalIdentityNumber: z.optional(identityNumberInputSchema),
  })
  .check(
    z.superRefine((body, ctx) => {
      if (body.status === "not-needed" && !body.reason) {
        ctx.addIssue({
          code: "custom",
          path: ["reason"],
          message: "is required when the step is not needed",
        });
      }
    }),
  );
export type StepBody = z.output<typeof stepBodySchema>;

export const listTriagesQuerySchema = z
  .object({
    status: triageStatusSchema,
    /** `received` (the default): oldest call first. `due`: the soonest due first, for triages still to do. */
    sort: z.optional(z.enum(["received", "due"])),
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
    cursor: z.optional(z.string().check(z.maxLength(512))),
  })
  .check(
    z.refine((q) => !(q.sort === "due" && q.status === "completed"), {
      message: "sort=due lists triages still to do: a completed triage has no due time left",
      path: ["sort"],
    }),
  );

const stepViewSchema = z.object({
  status: z.enum(STEP_STATUSES),
  note: z.optional(z.string()),
  reason: z.optional(z.string()),
  at: z.optional(isoDateTime),
  by: z.optional(z.string()),
});

export const triageSummarySchema = z.object({
  id: z.string(),
  callId: z.string(),
  municipality: kommunkodSchema,
  status: triageStatusSchema,
  receivedAt: isoDateTime,
  answeredBy: z.nullable(z.string()),
  answeredRole: z.nullable(chainRoleSchema),
  deadline: z.object({
    dueAt: isoDateTime,
    state: z.enum(DEADLINE_STATES),
    /** Whole minutes left of the 24 hours; negative once passed. */
    minutesLeft: z.number().check(z.int()),
  }),
  steps: z.object({
    "threat-assessment": stepViewSchema,
    "protective-placement": stepViewSchema,
    decision: stepViewSchema,
    "financial-assistance": stepViewSchema,
  }),
  acknowledged: z.nullable(z.object({ at: isoDateTime, by: z.string() })),
  /** `notifiedAt`: when the manager's SMS was accepted by the provider; null until then. */
  escalated: z.nullable(z.object({ at: isoDateTime, to: z.string(), notifiedAt: z.nullable(isoDateTime) })),
  completedAt: z.nullable(isoDateTime),
});

/** The full triage, for the municipality's on-call staff only; every view is audited. */
export const triageViewSchema = z.extend(triageSummarySchema, {
  caller: z.object({ phone: z.nullable(z.string()) }),
  person: z.nullable(z.object({ personalIdentityNumber: z.string() })),
});
export type TriageView = z.infer<typeof triageViewSchema>;

export const triageListSchema = z.object({
  items: z.array(triageSummarySchema),
  cursor: z.optional(z.string()),
});
