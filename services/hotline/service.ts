import type { FunctionDefinition, HttpRoute, ServiceDefinition } from "../../shared/service";
import { auditRoutes } from "./routes/audit";
import { gapsRoute } from "./routes/gaps";
import { listTriagesRoute } from "./routes/list-triages";
import { onCallRoute } from "./routes/on-call";
import { putScheduleRoute } from "./routes/put-schedule";
import { getScheduleRoute } from "./routes/schedule";
import { stepRoute } from "./routes/step";
import { telephonyRoutes } from "./routes/telephony";
import { THROTTLE } from "./routes/throttles";
import { acknowledgeRoute, completeRoute, getTriageRoute } from "./routes/triages";

const dir = "services/hotline/handlers";

/**
 * The service's route table, for OpenAPI, infra and the local runtime. Each handler imports its own
 * route's module (routes/), never this table: it would build every route's schemas as it loads.
 */
export const routes = {
  ...telephonyRoutes,
  putSchedule: putScheduleRoute,
  getSchedule: getScheduleRoute,
  onCall: onCallRoute,
  gaps: gapsRoute,
  listTriages: listTriagesRoute,
  getTriage: getTriageRoute,
  step: stepRoute,
  acknowledge: acknowledgeRoute,
  complete: completeRoute,
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
