import { clientIdSchema } from "../../shared/events/envelope";

/**
 * Kriminalvården's own id for the notice: the idempotency key, and safe in keys and logs. A module
 * of its own: the audit route's query names a notice too and needs nothing else of the contract.
 */
export const noticeIdSchema = clientIdSchema;
