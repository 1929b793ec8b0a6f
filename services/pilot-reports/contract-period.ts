/** Which municipalities and months a report or a submissions list covers. */
import * as z from "zod/mini";
import { isKommunkod, PILOT_MUNICIPALITIES } from "../../shared/municipalities";
import { monthSchema } from "./contract-fields";
import { monthSpan } from "./domain/months";

/** The longest period one request may cover. */
export const MAX_MONTHS = 36;
/** A comma list longer than this is refused, so one request's cost stays bounded. */
export const MAX_MUNICIPALITIES = 50;
export const PILOT = "pilot";

/** `pilot`, a kommunkod, or a comma list of both; duplicates collapse, order is kept. */
const SELECTION_RULE = "must be kommunkoder of Swedish municipalities, comma-separated, or pilot";
/** The form, for the document (and a first check); that each code names a municipality is checked below. */
const SELECTION_FORM = /^\s*(pilot|\d{4})\s*(,\s*(pilot|\d{4})\s*)*$/;
/** zod/mini's transform has no `addIssue`: the issue goes on the payload as classic zod's would. */
const refuse = (ctx: z.core.ParsePayload, message: string): never => {
  ctx.issues.push({ code: "custom", message, input: ctx.value });
  return z.NEVER;
};
export const municipalitySelectionSchema = z.pipe(
  z.string().check(z.regex(SELECTION_FORM, SELECTION_RULE)),
  z.transform((raw: string, ctx): string[] => {
    const codes: string[] = [];
    for (const part of raw.split(",").map((p) => p.trim())) {
      if (part === PILOT) codes.push(...PILOT_MUNICIPALITIES);
      else if (isKommunkod(part)) codes.push(part);
      else {
        // The code is not echoed: the caller knows what it sent, and a log of problems stays clean.
        return refuse(ctx, SELECTION_RULE);
      }
    }
    const unique = [...new Set(codes)];
    if (unique.length > MAX_MUNICIPALITIES) {
      return refuse(ctx, `must name at most ${MAX_MUNICIPALITIES} municipalities`);
    }
    return unique;
  }),
);

type Period = { readonly from: string; readonly to: string };

/** A period of at most MAX_MONTHS months, `from` not after `to`. */
export const checkPeriod = (query: Period, ctx: z.core.$RefinementCtx<Period>): void => {
  // Zod runs this even when a month failed its format; that failure is already reported.
  if (!monthSchema.safeParse(query.from).success || !monthSchema.safeParse(query.to).success) return;
  const span = monthSpan(query.from, query.to);
  if (span < 1) ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after to" });
  else if (span > MAX_MONTHS) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `must be at most ${MAX_MONTHS} months from from`,
    });
  }
};
