import type { HttpRoute } from "../../../shared/service";
import {
  putSettingsBodySchema,
  SETTINGS_SCOPE,
  settingsHistorySchema,
  settingsParamsSchema,
  settingsViewSchema,
} from "../contract-settings";
import { problems, tags } from "./common";

/**
 * A municipality's own settings and their history.
 * Each route is a const of its own, which its handler imports; the table at the end is the area's
 * part of the service's route table (service.ts). The area's routes share most of their schemas, so
 * they share a module (a referral or an intervention route has one of its own).
 */
export const getSettingsRoute = {
  method: "GET",
  path: "/v1/municipalities/{code}/settings",
  auth: { type: "jwt", scopes: [SETTINGS_SCOPE] },
  summary: "The municipality's settings in force today, and the changes scheduled",
  description:
    "The rules each municipality sets for itself: routing overrides, the first-offence conversation (`null`: not offered), the release-notice lead agreed with Kriminalvården, an adult investigation target (a target, never a legal deadline), the hotline's escalation times and the disclosure threshold of its own reports. Fields never set show their defaults. The municipality's own administrator only.",
  tags,
  request: { params: settingsParamsSchema },
  responses: {
    200: { description: "In force today, and scheduled", schema: settingsViewSchema },
    ...problems(400, 401, 403),
  },
} as const satisfies HttpRoute;

export const putSettingsRoute = {
  method: "PUT",
  path: "/v1/municipalities/{code}/settings",
  auth: { type: "jwt", scopes: [SETTINGS_SCOPE] },
  summary: "Replace the settings from a date on",
  description:
    "From `effectiveFrom` (a Swedish date, today or later; 422 otherwise) on, these settings replace whatever was in force or scheduled from then; fields left out keep their defaults. `suppressionThreshold` is never below the national threshold (400). Every rule reads the settings in force on the day it applies to; a running function sees a change within a minute. Kept in the history and audited; the same change again adds nothing.",
  tags,
  request: { params: settingsParamsSchema, body: putSettingsBodySchema },
  responses: {
    200: { description: "The settings as they now stand", schema: settingsViewSchema },
    ...problems(400, 401, 403, 413, 415, 422),
  },
} as const satisfies HttpRoute;

export const settingsHistoryRoute = {
  method: "GET",
  path: "/v1/municipalities/{code}/settings/history",
  auth: { type: "jwt", scopes: [SETTINGS_SCOPE] },
  summary: "Every change of the municipality's settings: what, from when, by whom",
  tags,
  request: { params: settingsParamsSchema },
  responses: {
    200: { description: "The changes, oldest first", schema: settingsHistorySchema },
    ...problems(400, 401, 403),
  },
} as const satisfies HttpRoute;

export const settingsRoutes = {
  getSettings: getSettingsRoute,
  putSettings: putSettingsRoute,
  settingsHistory: settingsHistoryRoute,
} as const satisfies Record<string, HttpRoute>;
