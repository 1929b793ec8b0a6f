/** Names for the settings' types: the generated API types of its routes, and the schema's own. */
import type { Settings } from "../../../shared/settings/schema";
import type { paths } from "../api/schema";

export type { Settings };
export type RoutingOverride = Settings["routing"][number];
export type Unit = RoutingOverride["unit"];
export type ReferralKind = NonNullable<RoutingOverride["kinds"]>[number];

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;

type SettingsRoute = paths["/v1/municipalities/{code}/settings"];

export type SettingsView = Json<SettingsRoute["get"]["responses"][200]>;
export type SettingsHistoryView = Json<
  paths["/v1/municipalities/{code}/settings/history"]["get"]["responses"][200]
>;
export type ChangeView = SettingsHistoryView["items"][number];
export type PutBody = NonNullable<SettingsRoute["put"]["requestBody"]>["content"]["application/json"];
