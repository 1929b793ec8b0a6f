import type { HttpRoute } from "../../../shared/service";
import { assignRoute } from "./referral/assign";
import { auditRoute } from "./referral/audit";
import { closeRoute } from "./referral/close";
import { conversationRoute } from "./referral/conversation";
import { createRoute } from "./referral/create";
import { decisionRoute } from "./referral/decision";
import { extendRoute } from "./referral/extend";
import { getRoute } from "./referral/get";
import { identifyRoute } from "./referral/identify";
import { listRoute } from "./referral/list";
import { protectionAssessmentRoute } from "./referral/protection-assessment";
import { violenceConcernRoute } from "./referral/violence-concern";

/**
 * Referrals: a report of concern, its assessment, decision, deadlines, assignment and closing, and
 * its audit trail. Part of the service's route table (service.ts). Each route is a module of its own
 * (routes/referral/), which its handler imports: a module that is loaded builds every schema in it
 * (test/bench/zod-count.ts), so that a function builds its own route's schemas and no other's.
 */
export const referralRoutes = {
  create: createRoute,
  list: listRoute,
  get: getRoute,
  protectionAssessment: protectionAssessmentRoute,
  decision: decisionRoute,
  conversation: conversationRoute,
  extend: extendRoute,
  identify: identifyRoute,
  violenceConcern: violenceConcernRoute,
  assign: assignRoute,
  close: closeRoute,
  audit: auditRoute,
} as const satisfies Record<string, HttpRoute>;
