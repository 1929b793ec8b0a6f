/**
 * What every store module's writes share, without a schema of its own: a module that is loaded
 * builds every schema it holds (test/bench/zod-count.ts), so each record's schema lives beside its
 * own reads (parsed with shared/stored-item.ts) and a function builds only those it reads.
 */
import { epochSecondsOf } from "../../../shared/retention";

/** The TTL attribute, or nothing: a rewrite without it removes an earlier one (kept for research). */
export const optionalExpiry = (expiresAt: Date | undefined): { expiresAt?: number } =>
  expiresAt ? { expiresAt: epochSecondsOf(expiresAt) } : {};
