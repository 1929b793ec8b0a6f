import { problemResponses } from "../../shared/http/problem";
import type { FunctionDefinition, HttpRoute, RouteThrottle, ServiceDefinition } from "../../shared/service";
import {
  gapsQuerySchema,
  gapsViewSchema,
  listTriagesQuerySchema,
  municipalityParamsSchema,
  onCallQuerySchema,
  onCallViewSchema,
  SCOPES,
  scheduleBodySchema,
  scheduleViewSchema,
  stepBodySchema,
  stepParamsSchema,
  triageListSchema,
  triageParamsSchema,
  triageViewSchema,
} from "./contract";
import { auditRoutes } from "./routes/audit";
import { TELEPHONY_THROTTLE, telephonyRoutes } from "./routes/telephony";

const problems = problemResponses;

const tags = ["hotline"];
const dir = "services/hotline/handlers";

/**
 * Per-route throttles, sized for the traffic each route has (API Gateway answers 429 above them).
 * A call makes one `incoming`, a `next` per person rung (at most four) and one `hangup` within a
 * few minutes, and the whole country's avhoppartelefon takes tens of calls a day: the webhook
 * limits (routes/telephony.ts) are hundreds of times the busiest hour and still small enough that the reserved
 * concurrency below covers every request the gateway lets through. Staff are a few per
 * municipality; a schedule is saved by hand.
 */
const THROTTLE = {
  ...TELEPHONY_THROTTLE,
  staffRead: { rateLimit: 10, burstLimit: 20 },
  staffWrite: { rateLimit: 5, burstLimit: 10 },
  scheduleRead: { rateLimit: 5, burstLimit: 10 },
  scheduleWrite: { rateLimit: 1, burstLimit: 5 },
} as const satisfies Record<string, RouteThrottle>;

export const routes = {
  ...telephonyRoutes,
  putSchedule: {
    method: "PUT",
    path: "/v1/hotline/schedules/{municipality}",
    auth: { type: "jwt", scopes: [SCOPES.admin] },
    summary: "Set the municipality's on-call schedule",
    description:
      "Replaces the schedule: a rotation with a handoff time in the schedule's time zone, overrides (a later override wins where two overlap), the manager, the ring timeout and the recorded message.",
    tags,
    request: { params: municipalityParamsSchema, body: scheduleBodySchema },
    responses: {
      200: { description: "The schedule, replaced", schema: scheduleViewSchema },
      201: { description: "The schedule, created", schema: scheduleViewSchema },
      ...problems(400, 401, 403, 404, 409, 413, 415),
    },
    throttle: THROTTLE.scheduleWrite,
  },
  getSchedule: {
    method: "GET",
    path: "/v1/hotline/schedules/{municipality}",
    auth: { type: "jwt", scopes: [SCOPES.admin, SCOPES.handle] },
    summary: "Read the municipality's on-call schedule",
    tags,
    request: { params: municipalityParamsSchema },
    responses: {
      200: { description: "The schedule", schema: scheduleViewSchema },
      ...problems(400, 401, 403, 404),
    },
    throttle: THROTTLE.scheduleRead,
  },
  onCall: {
    method: "GET",
    path: "/v1/hotline/on-call",
    auth: { type: "jwt", scopes: [SCOPES.handle, SCOPES.admin] },
    summary: "Who is on call (now, or `at` an instant)",
    tags,
    request: { query: onCallQuerySchema },
    responses: {
      200: { description: "The member on call and the stretch they cover", schema: onCallViewSchema },
      ...problems(400, 401, 403, 404),
    },
    throttle: THROTTLE.scheduleRead,
  },
  gaps: {
    method: "GET",
    path: "/v1/hotline/schedules/{municipality}/gaps",
    auth: { type: "jwt", scopes: [SCOPES.admin, SCOPES.handle] },
    summary: "Stretches in the coming days with nobody on call, or someone on call without a phone",
    tags,
    request: { params: municipalityParamsSchema, query: gapsQuerySchema },
    responses: {
      200: { description: "The gaps", schema: gapsViewSchema },
      ...problems(400, 401, 403, 404),
    },
    throttle: THROTTLE.scheduleRead,
  },
  listTriages: {
    method: "GET",
    path: "/v1/hotline/triages",
    auth: { type: "jwt", scopes: [SCOPES.handle] },
    summary: "The municipality's triages in one status, oldest call first",
    tags,
    request: { query: listTriagesQuerySchema },
    responses: {
      200: { description: "A page of triages (no caller data)", schema: triageListSchema },
      ...problems(400, 401, 403),
    },
    throttle: THROTTLE.staffRead,
  },
  getTriage: {
    method: "GET",
    path: "/v1/hotline/triages/{id}",
    auth: { type: "jwt", scopes: [SCOPES.handle] },
    summary: "One triage, with the caller's number (audited)",
    tags,
    request: { params: triageParamsSchema },
    responses: {
      200: { description: "The triage", schema: triageViewSchema },
      ...problems(400, 401, 403, 404),
    },
    throttle: THROTTLE.staffRead,
  },
  step: {
    method: "PUT",
    path: "/v1/hotline/triages/{id}/steps/{step}",
    auth: { type: "jwt", scopes: [SCOPES.handle] },
    summary: "Record a step: done, or not needed with a reason",
    description:
      "The financial-assistance step, when done, carries the person's `personalIdentityNumber`; it is stored sealed and travels sealed to intake when the triage is completed.",
    tags,
    request: { params: stepParamsSchema, body: stepBodySchema },
    responses: {
      200: { description: "The triage", schema: triageViewSchema },
      ...problems(400, 401, 403, 404, 409, 413, 415),
    },
    throttle: THROTTLE.staffWrite,
  },
  acknowledge: {
    method: "POST",
    path: "/v1/hotline/triages/{id}/acknowledge",
    auth: { type: "jwt", scopes: [SCOPES.handle] },
    summary: "Take the triage: it is no longer escalated to the manager",
    tags,
    request: { params: triageParamsSchema },
    responses: {
      200: { description: "The triage", schema: triageViewSchema },
      ...problems(400, 401, 403, 404, 409),
    },
    throttle: THROTTLE.staffWrite,
  },
  complete: {
    method: "POST",
    path: "/v1/hotline/triages/{id}/complete",
    auth: { type: "jwt", scopes: [SCOPES.handle] },
    summary: "Complete the triage once no step is pending",
    tags,
    request: { params: triageParamsSchema },
    responses: {
      200: { description: "The triage", schema: triageViewSchema },
      ...problems(400, 401, 403, 404, 409),
    },
    throttle: THROTTLE.staffWrite,
  },
  ...auditRoutes,
} as const satisfies Record<string, HttpRoute>;

const functions: FunctionDefinition[] = [
  // The caller hears nothing until this answers: more memory is more CPU, and a shorter cold start.
  {
    kind: "http",
    id: "hotline-incoming",
    entry: `${dir}/incoming.ts`,
    route: routes.incoming,
    memoryMb: 1024,
    usesIdentityKeys: true,
    // Always there for a caller, whatever else runs in the account (at least the route's burst).
    reservedConcurrency: THROTTLE.incoming.burstLimit,
  },
  {
    kind: "http",
    id: "hotline-next",
    entry: `${dir}/next.ts`,
    route: routes.next,
    memoryMb: 1024,
    usesIdentityKeys: true,
    reservedConcurrency: THROTTLE.next.burstLimit,
  },
  {
    kind: "http",
    id: "hotline-hangup",
    entry: `${dir}/hangup.ts`,
    route: routes.hangup,
    usesIdentityKeys: true,
  },
  { kind: "http", id: "hotline-put-schedule", entry: `${dir}/put-schedule.ts`, route: routes.putSchedule },
  { kind: "http", id: "hotline-get-schedule", entry: `${dir}/get-schedule.ts`, route: routes.getSchedule },
  { kind: "http", id: "hotline-on-call", entry: `${dir}/on-call.ts`, route: routes.onCall },
  { kind: "http", id: "hotline-gaps", entry: `${dir}/gaps.ts`, route: routes.gaps },
  {
    kind: "http",
    id: "hotline-list-triages",
    entry: `${dir}/list-triages.ts`,
    route: routes.listTriages,
    usesIdentityKeys: true,
  },
  {
    kind: "http",
    id: "hotline-get-triage",
    entry: `${dir}/get-triage.ts`,
    route: routes.getTriage,
    usesIdentityKeys: true,
  },
  { kind: "http", id: "hotline-step", entry: `${dir}/step.ts`, route: routes.step, usesIdentityKeys: true },
  {
    kind: "http",
    id: "hotline-acknowledge",
    entry: `${dir}/acknowledge.ts`,
    route: routes.acknowledge,
    usesIdentityKeys: true,
  },
  {
    kind: "http",
    id: "hotline-complete",
    entry: `${dir}/complete.ts`,
    route: routes.complete,
    usesIdentityKeys: true,
  },
  {
    kind: "schedule",
    id: "hotline-triage-sweep",
    entry: `${dir}/triage-sweep.ts`,
    everyMinutes: 1,
    // Escalation SMS go out from the sweep, each allowed 10 s; the sweep stops starting sends
    // after SMS_SEND_BUDGET_MS, well inside this.
    timeoutSeconds: 60,
    usesTelephonyProvider: true,
    usesIdentityKeys: true,
  },
  { kind: "schedule", id: "hotline-outbox-sweep", entry: `${dir}/outbox-sweep.ts`, everyMinutes: 1 },
  { kind: "http", id: "hotline-audit", entry: `${dir}/audit.ts`, route: routes.audit },
];

export const hotlineService: ServiceDefinition = {
  name: "hotline",
  depsEntry: "services/hotline/deps.ts",
  functions,
  publishes: [
    "hotline.call.received",
    "hotline.call.routed",
    "hotline.call.unanswered",
    "hotline.triage.opened",
    "hotline.triage.completed",
    "deadline.breached",
  ],
};
