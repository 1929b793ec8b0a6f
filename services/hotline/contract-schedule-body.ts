import * as z from "zod/mini";
import { entityIdSchema } from "../../shared/events/envelope";
import { STOCKHOLM } from "../../shared/stockholm-clock";

/**
 * The on-call schedule as it is saved: only the function that saves one builds these
 * (routes/put-schedule.ts); the view is contract-schedule.ts.
 */

/** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
export const e164Schema = z
  .string()
  .check(z.regex(/^\+[1-9]\d{6,14}$/, "must be a phone number in E.164 (+46701234567)"));

/**
 * Stockholm, every Swedish municipality's zone, is taken as it is: the first Intl.DateTimeFormat of
 * a process loads ICU's zone data, some 20 ms of the cold start that saves a schedule, and the
 * rota's clock knows Stockholm without Intl (shared/stockholm-clock.ts).
 */
const isTimeZone = (zone: string): boolean => {
  if (zone === STOCKHOLM) return true;
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
