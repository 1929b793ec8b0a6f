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
  updateNoticeBodySchema,
  withdrawBodySchema,
} from "./contract";

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
        schema: noticeViewSchema.or(noticeStatusViewSchema),
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
    kind: "schedule",
    id: "release-notices-deadline-sweep",
    entry: `${dir}/deadline-sweep.ts`,
    everyMinutes: 5,
    usesIdentityKeys: true,
  },
  { kind: "schedule", id: "release-notices-outbox-sweep", entry: `${dir}/outbox-sweep.ts`, everyMinutes: 1 },
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
  ],
};
