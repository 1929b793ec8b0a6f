/**
 * The settings routes' contract (intake serves the municipality's administration of its social
 * services): the schemas themselves live in shared/settings, where every service reads them.
 */
import * as z from "zod/mini";
import { kommunkodSchema } from "../../shared/events/envelope";
import { settingsSchemas } from "../../shared/settings";
import { SCOPES } from "./scopes";

export const SETTINGS_SCOPE = SCOPES.settings;

// Only the settings routes' functions load this module; they use the schemas on every request.
const { isoDate, chosen: chosenSettingsSchema, settings: settingsSchema } = settingsSchemas();

export const settingsParamsSchema = z.object({ code: kommunkodSchema });

/** A PUT: from `effectiveFrom` (a Swedish date, today or later) on, these settings; the rest keep their defaults. */
export const putSettingsBodySchema = z.extend(chosenSettingsSchema, { effectiveFrom: isoDate });
export type PutSettingsBody = z.infer<typeof putSettingsBodySchema>;

/**
 * The answers document the routes and check answers in tests; no function checks its own, so they
 * are built on first use (z.lazy), not as the functions load.
 */
const changeViewSchema = z.lazy(() =>
  z.object({
    effectiveFrom: isoDate,
    /** What was chosen: fields left out keep their defaults. */
    chosen: chosenSettingsSchema,
    /** The settings that follow from it, defaults filled in. */
    settings: settingsSchema,
    changedBy: z.string(),
    changedAt: z.iso.datetime({ offset: true }),
  }),
);
export type SettingsChangeView = z.infer<typeof changeViewSchema>;

export const settingsViewSchema = z.lazy(() =>
  z.object({
    municipality: kommunkodSchema,
    /** The Swedish date the answer is for. */
    today: isoDate,
    /** In force today; `since` is null while the defaults apply. */
    inForce: z.object({ since: z.nullable(isoDate), settings: settingsSchema }),
    /** Changes still to take effect, in the order they will. */
    scheduled: z.array(changeViewSchema),
  }),
);
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** Every change ever made, oldest first, also those a later change replaced before they took effect. */
export const settingsHistorySchema = z.lazy(() =>
  z.object({ municipality: kommunkodSchema, items: z.array(changeViewSchema) }),
);
export type SettingsHistoryView = z.infer<typeof settingsHistorySchema>;
