/**
 * A stored item that fails its schema is our bug, not the caller's: fail loudly, naming the path
 * and never the value. Every store reads its items through this, so the error reads the same
 * whichever table it came from.
 */
import * as z from "zod/mini";

export const storedItemError = (what: string, path: readonly PropertyKey[]): Error =>
  new Error(`stored ${what} does not match its schema at ${path.map(String).join(".")}`);

/** The item as its schema gives it back; no item (a read that found none) is undefined. */
export function parseStored<S extends z.core.$ZodType>(
  schema: S,
  item: Record<string, unknown>,
  what: string,
): z.output<S>;
export function parseStored<S extends z.core.$ZodType>(
  schema: S,
  item: Record<string, unknown> | undefined,
  what: string,
): z.output<S> | undefined;
export function parseStored<S extends z.core.$ZodType>(
  schema: S,
  item: Record<string, unknown> | undefined,
  what: string,
): z.output<S> | undefined {
  if (!item) return undefined;
  const parsed = z.safeParse(schema, item);
  if (!parsed.success) throw storedItemError(what, parsed.error.issues[0]?.path ?? []);
  return parsed.data;
}
