/**
 * The contract, one module per part, so that a function's bundle builds only the schemas of its
 * own route as it loads (a module that is imported builds every schema in it). This file names
 * them all, for tests and tools: nothing a function loads imports it.
 */
import * as z from "zod/mini";
import { STATUS_CHANGES } from "../../shared/events/catalogue/release-notices";
import { noticeIdSchema } from "./contract-notice-id";

export * from "./contract-contact";
export * from "./contract-list";
export * from "./contract-notice";
export * from "./contract-plan";
export * from "./contract-post";
export * from "./contract-subscription";
export * from "./contract-views";
export * from "./contract-withdraw";
export { SCOPES } from "./domain/access";

/** The document each delivery carries (its headers: webhook-id, webhook-timestamp, webhook-signature). */
export const statusDeliverySchema = z.object({
  noticeId: noticeIdSchema,
  status: z.enum(STATUS_CHANGES),
  planDueDate: z.iso.date(),
  at: z.iso.datetime({ offset: true }),
});
