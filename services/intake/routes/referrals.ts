import * as z from "zod/mini";
import type { HttpRoute } from "../../../shared/service";
import {
  assignBodySchema,
  auditListSchema,
  auditQuerySchema,
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
  receiptSchema,
  referralDetailSchema,
  referralListSchema,
  referralParamsSchema,
  referralViewSchema,
  SCOPES,
  violenceConcernBodySchema,
} from "../contract";
import { problems, staffManage, staffRead, tags, view } from "./common";

/**
 * Staff who may read the municipality's referrals get the referral; a write-only caller (an
 * e-service) gets `{ id, receivedAt }`; a report about several children gets the group.
 */
const posted = z.union([referralViewSchema, receiptSchema, groupReceiptSchema]);

/**
 * Referrals: a report of concern, its assessment, decision, deadlines, assignment and closing, and its audit trail.
 * Part of the service's route table (service.ts) and apart from it, so that a function loads its
 * own area's routes and schemas, not the whole contract.
 */
export const referralRoutes = {
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
      headers: z.object({ "idempotency-key": z.optional(idempotencyKeySchema) }),
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
} as const satisfies Record<string, HttpRoute>;
