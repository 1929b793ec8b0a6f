import * as z from "zod/mini";
import { problemResponses } from "../../shared/http/problem";
import type { FunctionDefinition, HttpRoute, ServiceDefinition } from "../../shared/service";
import {
  createNoticeBodySchema,
  listQuerySchema,
  noticeListSchema,
  noticeParamsSchema,
  noticeStatusViewSchema,
  noticeViewSchema,
  planBodySchema,
  receiptSchema,
  SCOPES,
  subscriptionBodySchema,
  subscriptionViewSchema,
  updateNoticeBodySchema,
  withdrawBodySchema,
} from "./contract";
import { auditRoutes } from "./routes/audit";

const problems = problemResponses;

const tags = ["release-notices"];
const dir = "services/release-notices/handlers";

export const routes = {
  create: {
    method: "POST",
    path: "/v1/release-notices",
    auth: { type: "jwt", scopes: [SCOPES.write] },
    summary: "Post a release notice",
    description:
      "Kriminalvården posts a notice at least three calendar months before release. `noticeId` is the idempotency key: the same body again returns the same receipt (200); a different body under the same id is a conflict (409).",
    tags,
    request: { body: createNoticeBodySchema },
    responses: {
      201: { description: "Received: the receipt", schema: receiptSchema },
      200: { description: "The same notice was already received: the same receipt", schema: receiptSchema },
      ...problems(400, 401, 403, 409, 413, 415, 422),
    },
  },
  update: {
    method: "PUT",
    path: "/v1/release-notices/{noticeId}",
    auth: { type: "jwt", scopes: [SCOPES.write] },
    summary: "Update a release notice (new release date, needs, contact)",
    tags,
    request: { params: noticeParamsSchema, body: updateNoticeBodySchema },
    responses: {
      200: { description: "Updated: a new receipt", schema: receiptSchema },
      ...problems(400, 401, 403, 404, 409, 413, 415, 422),
    },
  },
  withdraw: {
    method: "POST",
    path: "/v1/release-notices/{noticeId}/withdraw",
    auth: { type: "jwt", scopes: [SCOPES.write] },
    summary: "Withdraw a release notice",
    tags,
    request: { params: noticeParamsSchema, body: withdrawBodySchema },
    responses: {
      200: { description: "Withdrawn", schema: receiptSchema },
      ...problems(400, 401, 403, 404, 409),
    },
  },
  get: {
    method: "GET",
    path: "/v1/release-notices/{noticeId}",
    auth: { type: "jwt", scopes: [SCOPES.write, SCOPES.read] },
    summary: "Read a notice: its status for Kriminalvården, the full notice for the municipality's staff",
    tags,
    request: { params: noticeParamsSchema },
    responses: {
      200: {
        description:
          "Kriminalvården (scope release-notices:write) gets the status view; staff get the full notice",
        schema: z.union([noticeViewSchema, noticeStatusViewSchema]),
      },
      ...problems(400, 401, 403, 404),
    },
  },
  list: {
    method: "GET",
    path: "/v1/release-notices",
    auth: { type: "jwt", scopes: [SCOPES.read] },
    summary: "List the municipality's notices, soonest release first",
    tags,
    request: { query: listQuerySchema },
    responses: {
      200: { description: "A page of notices", schema: noticeListSchema },
      ...problems(400, 401, 403),
    },
  },
  plan: {
    method: "POST",
    path: "/v1/release-notices/{noticeId}/plan",
    auth: { type: "jwt", scopes: [SCOPES.manage] },
    summary: "Record a planning milestone: contact made, plan ready",
    tags,
    request: { params: noticeParamsSchema, body: planBodySchema },
    responses: {
      200: { description: "The notice", schema: noticeViewSchema },
      ...problems(400, 401, 403, 404, 409),
    },
  },
  putSubscription: {
    method: "PUT",
    path: "/v1/release-notices/subscription",
    auth: { type: "jwt", scopes: [SCOPES.write] },
    summary: "Register the receiver your notices' status changes are delivered to",
    description:
      "One receiver per client (the token's `sub`); a second PUT replaces the first. Each status change of a notice you posted (received, planning, plan-ready, withdrawn, plan-deadline-breached) is POSTed to `url` as `{ noticeId, status, planDueDate, at }`, signed as the Standard Webhooks specification says (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>` keyed by `secret`). A delivery not answered 2xx is tried again with a growing delay for about a day. `url` must be https.",
    tags,
    request: { body: subscriptionBodySchema },
    responses: {
      200: { description: "Registered: the receiver, without the secret", schema: subscriptionViewSchema },
      ...problems(400, 401, 403, 413, 415),
    },
  },
  getSubscription: {
    method: "GET",
    path: "/v1/release-notices/subscription",
    auth: { type: "jwt", scopes: [SCOPES.write] },
    summary: "Show your registered receiver (never its secret)",
    tags,
    request: {},
    responses: {
      200: { description: "The receiver", schema: subscriptionViewSchema },
      ...problems(401, 403, 404),
    },
  },
  deleteSubscription: {
    method: "DELETE",
    path: "/v1/release-notices/subscription",
    auth: { type: "jwt", scopes: [SCOPES.write] },
    summary: "Remove your receiver: nothing more is delivered",
    tags,
    request: {},
    responses: {
      204: { description: "Removed" },
      ...problems(401, 403, 404),
    },
  },
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
