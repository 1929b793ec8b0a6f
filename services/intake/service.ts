import * as z from "zod";
import { problemResponses } from "../../shared/http/problem";
import type { FunctionDefinition, HttpRoute, ServiceDefinition } from "../../shared/service";
import {
  assignBodySchema,
  auditListSchema,
  auditQuerySchema,
  caseworkerListSchema,
  caseworkerParamsSchema,
  caseworkerViewSchema,
  closeBodySchema,
  conversationBodySchema,
  createReferralBodySchema,
  decisionBodySchema,
  extendBodySchema,
  extendParamsSchema,
  groupReceiptSchema,
  idempotencyKeySchema,
  identifyBodySchema,
  listQuerySchema,
  protectionAssessmentBodySchema,
  putCaseworkerBodySchema,
  receiptSchema,
  referralDetailSchema,
  referralListSchema,
  referralParamsSchema,
  referralViewSchema,
  SCOPES,
  unitParamsSchema,
  violenceConcernBodySchema,
} from "./contract";
import {
  interventionListSchema,
  interventionParamsSchema,
  interventionViewSchema,
  patchInterventionBodySchema,
  postInterventionBodySchema,
} from "./contract-interventions";
import {
  putSettingsBodySchema,
  SETTINGS_SCOPE,
  settingsHistorySchema,
  settingsParamsSchema,
  settingsViewSchema,
} from "./contract-settings";
import {
  HOTLINE_HANDLE_SCOPE,
  taskListQuerySchema,
  taskListSchema,
  taskParamsSchema,
  taskViewSchema,
} from "./contract-tasks";

const problems = problemResponses;

const tags = ["intake"];
const dir = "services/intake/handlers";
const staffRead = { type: "jwt", scopes: [SCOPES.read] } as const;
const staffManage = { type: "jwt", scopes: [SCOPES.manage] } as const;
const view = (description: string) => ({ 200: { description, schema: referralViewSchema } });
/**
 * Staff who may read the municipality's referrals get the referral; a write-only caller (an
 * e-service) gets `{ id, receivedAt }`; a report about several children gets the group.
 */
const posted = z.union([referralViewSchema, receiptSchema, groupReceiptSchema]);

export const routes = {
  create: {
    method: "POST",
    path: "/v1/referrals",
    auth: { type: "jwt", scopes: [SCOPES.write] },
    summary: "Post a referral: a concern report, an application, a self-referral or a police referral",
    description:
      "Routed to a unit by kind and (approximate) age on the day received, with its legal deadlines; `subjects` makes one referral per child, sharing a `groupId`. A person without an identity number is given by name and birth date or approximate age (`identity: unknown`). An `Idempotency-Key` header makes a retry safe for 30 days: the same key and body again answers the same (200); the same key with another body is a conflict (409). A write-only caller learns only `{ id, receivedAt }`. A `receivedAt` more than 15 minutes back needs `backdatedReason` and may be at most 30 days back (422).",
    tags,
    request: {
      body: createReferralBodySchema,
      // Checked by the handler (handlers/create.ts); declared here so that the document shows it.
      headers: z.object({ "idempotency-key": idempotencyKeySchema.optional() }),
    },
    responses: {
      201: { description: "Received", schema: posted },
      200: { description: "The same request was already received: the same answer", schema: posted },
      ...problems(400, 401, 403, 409, 413, 415, 422),
    },
  },
  list: {
    method: "GET",
    path: "/v1/referrals",
    auth: staffRead,
    summary: "List the municipality's referrals, newest first",
    tags,
    request: { query: listQuerySchema },
    responses: {
      200: { description: "A page of referrals", schema: referralListSchema },
      ...problems(400, 401, 403),
    },
  },
  get: {
    method: "GET",
    path: "/v1/referrals/{id}",
    auth: staffRead,
    summary: "Read a referral, with the person and the notes (audited)",
    tags,
    request: { params: referralParamsSchema },
    responses: {
      200: { description: "The referral", schema: referralDetailSchema },
      ...problems(400, 401, 403, 404),
    },
  },
  protectionAssessment: {
    method: "POST",
    path: "/v1/referrals/{id}/protection-assessment",
    auth: staffManage,
    summary: "Record the protection assessment (skyddsbedömning)",
    tags,
    request: { params: referralParamsSchema, body: protectionAssessmentBodySchema },
    responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409) },
  },
  decision: {
    method: "POST",
    path: "/v1/referrals/{id}/decision",
    auth: staffManage,
    summary: "Record the decision whether to open an investigation (förhandsbedömning)",
    tags,
    request: { params: referralParamsSchema, body: decisionBodySchema },
    responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409) },
  },
  conversation: {
    method: "POST",
    path: "/v1/referrals/{id}/first-offence-conversation",
    auth: staffManage,
    summary: "Record the conversation with a youth after a first offence",
    tags,
    request: { params: referralParamsSchema, body: conversationBodySchema },
    responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409) },
  },
  extend: {
    method: "POST",
    path: "/v1/referrals/{id}/deadlines/{type}/extend",
    auth: staffManage,
    summary: "Extend the förhandsbedömning (synnerliga skäl) or a child's investigation (särskilda skäl)",
    description:
      "Before the deadline runs out: it becomes `extended`, due when `until` ends; a breach counts against that. The reason is sealed; the extension is audited and emits `deadline.extended`.",
    tags,
    request: { params: extendParamsSchema, body: extendBodySchema },
    responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409, 422) },
  },
  identify: {
    method: "POST",
    path: "/v1/referrals/{id}/identify",
    auth: staffManage,
    summary: "Identify the person a report named without an identity number",
    description:
      "Computes the linking hash and links the referral to the person's open referral in its unit, or makes it that referral; audited.",
    tags,
    request: { params: referralParamsSchema, body: identifyBodySchema },
    responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409) },
  },
  violenceConcern: {
    method: "POST",
    path: "/v1/referrals/{id}/violence-concern",
    auth: staffManage,
    summary: "Mark or clear suspected violence against the child by someone close",
    description:
      "Marked, the referral shows first in the worklist, its protection assessment is due by the end of today, and its decision must open an investigation.",
    tags,
    request: { params: referralParamsSchema, body: violenceConcernBodySchema },
    responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409) },
  },
  assign: {
    method: "POST",
    path: "/v1/referrals/{id}/assign",
    auth: staffManage,
    summary:
      "Assign a caseworker; without one, the unit's caseworker with the lowest caseload relative to capacity",
    tags,
    request: { params: referralParamsSchema, body: assignBodySchema },
    responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409, 422) },
  },
  close: {
    method: "POST",
    path: "/v1/referrals/{id}/close",
    auth: staffManage,
    summary: "Close a referral",
    tags,
    request: { params: referralParamsSchema, body: closeBodySchema },
    responses: { ...view("The referral"), ...problems(400, 401, 403, 404, 409) },
  },
  putCaseworker: {
    method: "PUT",
    path: "/v1/units/{unit}/caseworkers/{caseworkerId}",
    auth: staffManage,
    summary: "Register a caseworker in a unit, or change their name or capacity",
    tags,
    request: { params: caseworkerParamsSchema, body: putCaseworkerBodySchema },
    responses: {
      200: { description: "The caseworker", schema: caseworkerViewSchema },
      ...problems(400, 401, 403),
    },
  },
  listCaseworkers: {
    method: "GET",
    path: "/v1/units/{unit}/caseworkers",
    auth: staffRead,
    summary: "The unit's caseworkers with their caseloads",
    tags,
    request: { params: unitParamsSchema },
    responses: {
      200: { description: "The caseworkers", schema: caseworkerListSchema },
      ...problems(400, 401, 403),
    },
  },
  audit: {
    method: "GET",
    path: "/v1/audit",
    auth: { type: "jwt", scopes: [SCOPES.audit] },
    summary: "Who read or changed a referral, and when",
    tags,
    request: { query: auditQuerySchema },
    responses: {
      200: { description: "The referral's audit trail, oldest first", schema: auditListSchema },
      ...problems(400, 401, 403, 404),
    },
  },
  listTasks: {
    method: "GET",
    path: "/v1/tasks",
    auth: { type: "jwt", scopes: [SCOPES.read, HOTLINE_HANDLE_SCOPE] },
    summary: "Tasks: reminders and breached deadlines for a caseworker or a unit's inbox",
    description:
      "`assignee=me`: the caller's own tasks; `unit`: a unit's (including those given to its caseworkers). Open tasks first, the soonest due first, then done ones, the newest done first (`status` for one of the two). Each task names a referral or a notice by id, never the person. The hotline's on-call staff (`hotline:handle` without `referrals:read`) may list only their inbox, `unit=avhoppartelefonen` (403 otherwise).",
    tags,
    request: { query: taskListQuerySchema },
    responses: {
      200: { description: "A page of tasks", schema: taskListSchema },
      ...problems(400, 401, 403),
    },
  },
  completeTask: {
    method: "POST",
    path: "/v1/tasks/{id}/done",
    auth: { type: "jwt", scopes: [SCOPES.manage, HOTLINE_HANDLE_SCOPE] },
    summary: "Mark a task done",
    description:
      "Audited. A task already done is a conflict (409): someone else got there first. The hotline's on-call staff (`hotline:handle` without `referrals:manage`) may mark done only a task in the `avhoppartelefonen` inbox (403 otherwise).",
    tags,
    request: { params: taskParamsSchema },
    responses: {
      200: { description: "The task, done", schema: taskViewSchema },
      ...problems(400, 401, 403, 404, 409),
    },
  },
  getSettings: {
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
  },
  putSettings: {
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
  },
  settingsHistory: {
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
  },
  decideIntervention: {
    method: "POST",
    path: "/v1/referrals/{id}/interventions",
    auth: staffManage,
    summary: "Record an intervention decided for the referral's person (SIG, FFT, SIP with BUP, …)",
    description:
      "`type` from the catalogue (shared/interventions); `other` needs a `description`. Dates are Swedish calendar dates: `decidedAt` not before the referral was received, `startedAt` not before it, neither in the future (422). The note and description are sealed; the step is audited and emits `intervention.decided` (and `intervention.started` with a start).",
    tags,
    request: { params: referralParamsSchema, body: postInterventionBodySchema },
    responses: {
      201: { description: "Recorded", schema: interventionViewSchema },
      ...problems(400, 401, 403, 404, 409, 422),
    },
  },
  changeIntervention: {
    method: "PATCH",
    path: "/v1/referrals/{id}/interventions/{interventionId}",
    auth: staffManage,
    summary: "Record an intervention's start, or its end with the outcome",
    description:
      "`startedAt` not before the decision; `endedAt` with `outcome` (`completed`, `ended-early`, `declined`, `moved`), not before the start; `completed` and `ended-early` need a start. The same step sent again changes nothing; another date for a recorded step is a conflict (409). Audited; emits `intervention.started` or `intervention.ended`.",
    tags,
    request: { params: interventionParamsSchema, body: patchInterventionBodySchema },
    responses: {
      200: { description: "The intervention", schema: interventionViewSchema },
      ...problems(400, 401, 403, 404, 409, 422),
    },
  },
  listInterventions: {
    method: "GET",
    path: "/v1/referrals/{id}/interventions",
    auth: staffRead,
    summary: "The referral's interventions, oldest first, with their notes (audited)",
    tags,
    request: { params: referralParamsSchema },
    responses: {
      200: { description: "The interventions", schema: interventionListSchema },
      ...problems(400, 401, 403, 404),
    },
  },
  getIntervention: {
    method: "GET",
    path: "/v1/referrals/{id}/interventions/{interventionId}",
    auth: staffRead,
    summary: "Read one intervention, with its note (audited)",
    tags,
    request: { params: interventionParamsSchema },
    responses: {
      200: { description: "The intervention", schema: interventionViewSchema },
      ...problems(400, 401, 403, 404),
    },
  },
} as const satisfies Record<string, HttpRoute>;

const http = (id: string, file: string, route: HttpRoute, usesIdentityKeys = false): FunctionDefinition => ({
  kind: "http",
  id: `intake-${id}`,
  entry: `${dir}/${file}.ts`,
  route,
  ...(usesIdentityKeys ? { usesIdentityKeys } : {}),
});

const functions: FunctionDefinition[] = [
  http("create", "create", routes.create, true),
  http("list", "list", routes.list, true),
  http("get", "get", routes.get, true),
  http("protection-assessment", "protection-assessment", routes.protectionAssessment, true),
  http("decision", "decision", routes.decision, true),
  http("conversation", "conversation", routes.conversation, true),
  http("extend", "extend", routes.extend, true),
  http("identify", "identify", routes.identify, true),
  http("violence-concern", "violence-concern", routes.violenceConcern, true),
  http("assign", "assign", routes.assign),
  http("close", "close", routes.close, true),
  http("put-caseworker", "put-caseworker", routes.putCaseworker),
  http("list-caseworkers", "list-caseworkers", routes.listCaseworkers),
  http("audit", "audit", routes.audit, true),
  http("list-tasks", "list-tasks", routes.listTasks),
  http("complete-task", "complete-task", routes.completeTask),
  http("decide-intervention", "intervention-decide", routes.decideIntervention, true),
  http("change-intervention", "intervention-change", routes.changeIntervention, true),
  http("list-interventions", "intervention-list", routes.listInterventions, true),
  http("get-intervention", "intervention-get", routes.getIntervention, true),
  {
    kind: "queue",
    id: "intake-consumer",
    entry: `${dir}/consumer.ts`,
    queue: "intake",
    usesIdentityKeys: true,
    // task.opened: the task's e-mail goes out from the queue, so a failed send is retried.
    sendsMail: true,
  },
  { kind: "schedule", id: "intake-deadline-sweep", entry: `${dir}/deadline-sweep.ts`, everyMinutes: 5 },
  { kind: "schedule", id: "intake-outbox-sweep", entry: `${dir}/outbox-sweep.ts`, everyMinutes: 1 },
  http("get-settings", "get-settings", routes.getSettings),
  { ...http("put-settings", "put-settings", routes.putSettings), writesSettings: true },
  http("settings-history", "settings-history", routes.settingsHistory),
];

export const intakeService: ServiceDefinition = {
  name: "intake",
  depsEntry: "services/intake/deps.ts",
  functions,
  publishes: [
    "referral.received",
    "referral.assessed",
    "referral.assigned",
    "referral.closed",
    "deadline.breached",
    "deadline.extended",
    "task.opened",
    "intervention.decided",
    "intervention.started",
    "intervention.ended",
  ],
};
