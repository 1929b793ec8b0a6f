/**
 * What every store module's reads and writes share, without a schema of its own: a module that is
 * loaded builds every schema it holds (test/bench/zod-count.ts), so each record's schema lives
 * beside its own reads and a function builds only those of the records it reads.
 */
import * as z from "zod/mini";
import { epochSecondsOf } from "../../../shared/retention";

/** A stored item that fails its schema is our bug, not the caller's: fail loudly, name no value. */
export const parseStored = <S extends z.core.$ZodType>(
  schema: S,
  item: Record<string, unknown> | undefined,
  what: string,
): z.output<S> | undefined => {
  if (!item) return undefined;
  const parsed = z.safeParse(schema, item);
  if (!parsed.success)
    throw new Error(`stored ${what} does not match its schema at ${parsed.error.issues[0]?.path.join(".")}`);
  return parsed.data;
};

/** The TTL attribute, or nothing: a rewrite without it removes an earlier one (kept for research). */
export const optionalExpiry = (expiresAt: Date | undefined): { expiresAt?: number } =>
  expiresAt ? { expiresAt: epochSecondsOf(expiresAt) } : {};
