import type { FunctionDefinition, HttpRoute, ServiceDefinition } from "../../shared/service";
import { auditRoutes } from "./routes/audit";
import { createRoute } from "./routes/create";
import { getRoute } from "./routes/get";
import { listRoute } from "./routes/list";
import { planRoute } from "./routes/plan";
import { deleteSubscriptionRoute } from "./routes/subscription-delete";
import { getSubscriptionRoute } from "./routes/subscription-get";
import { putSubscriptionRoute } from "./routes/subscription-put";
import { updateRoute } from "./routes/update";
import { withdrawRoute } from "./routes/withdraw";

const dir = "services/release-notices/handlers";

/**
 * The service's routes, for the functions below, the OpenAPI document and the stacks. Each route
 * is a module of its own (routes/), which its handler imports, not this table: a function's
 * bundle then builds only its own route's schemas as it loads.
 */
export const routes = {
  create: createRoute,
  update: updateRoute,
  withdraw: withdrawRoute,
  get: getRoute,
  list: listRoute,
  plan: planRoute,
  putSubscription: putSubscriptionRoute,
  getSubscription: getSubscriptionRoute,
  deleteSubscription: deleteSubscriptionRoute,
  ...auditRoutes,
} as const satisfies Record<string, HttpRoute>;

const functions: FunctionDefinition[] = [
  {
    kind: "http",
    id: "release-notices-create",
    entry: `${dir}/create.ts`,
    route: routes.create,
    usesIdentityKeys: true,
  },
  {
    kind: "http",
    id: "release-notices-update",
    entry: `${dir}/update.ts`,
    route: routes.update,
    usesIdentityKeys: true,
  },
  {
    kind: "http",
    id: "release-notices-withdraw",
    entry: `${dir}/withdraw.ts`,
    route: routes.withdraw,
    usesIdentityKeys: true,
  },
  {
    kind: "http",
    id: "release-notices-get",
    entry: `${dir}/get.ts`,
    route: routes.get,
    usesIdentityKeys: true,
  },
  {
    kind: "http",
    id: "release-notices-list",
    entry: `${dir}/list.ts`,
    route: routes.list,
    usesIdentityKeys: true,
  },
  {
    kind: "http",
    id: "release-notices-plan",
    entry: `${dir}/plan.ts`,
    route: routes.plan,
    usesIdentityKeys: true,
  },
  {
    kind: "http",
    id: "release-notices-subscription-put",
    entry: `${dir}/subscription-put.ts`,
    route: routes.putSubscription,
    // The receiver's secret is sealed at rest.
    usesIdentityKeys: true,
  },
  {
    kind: "http",
    id: "release-notices-subscription-get",
    entry: `${dir}/subscription-get.ts`,
    route: routes.getSubscription,
    // The receiver's secret is sealed at rest.
    usesIdentityKeys: true,
  },
  {
    kind: "http",
    id: "release-notices-subscription-delete",
    entry: `${dir}/subscription-delete.ts`,
    route: routes.deleteSubscription,
    // The receiver's secret is sealed at rest.
    usesIdentityKeys: true,
  },
  // Status deliveries to the receivers: up to 5 × 10 s per batch, well inside the queue's 180 s.
  {
    kind: "queue",
    id: "release-notices-deliver-status",
    entry: `${dir}/deliver-status.ts`,
    queue: "release-notices",
    timeoutSeconds: 60,
    // The receiver's secret is sealed at rest.
    usesIdentityKeys: true,
  },
  {
    kind: "schedule",
    id: "release-notices-deadline-sweep",
    entry: `${dir}/deadline-sweep.ts`,
    everyMinutes: 5,
    usesIdentityKeys: true,
  },
  { kind: "schedule", id: "release-notices-outbox-sweep", entry: `${dir}/outbox-sweep.ts`, everyMinutes: 1 },
  { kind: "http", id: "release-notices-audit", entry: `${dir}/audit.ts`, route: routes.audit },
];

export const releaseNoticesService: ServiceDefinition = {
  name: "release-notices",
  depsEntry: "services/release-notices/deps.ts",
  functions,
  publishes: [
    "release-notice.received",
    "release-notice.updated",
    "release-notice.withdrawn",
    "release-plan.reminder",
    "release-plan.ready",
    "deadline.breached",
    "release-notice.status-changed",
  ],
};
