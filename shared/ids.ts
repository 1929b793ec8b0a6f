import { randomFillSync } from "node:crypto";
import { monotonicFactory, ulid } from "ulid";

/**
 * ulid's default generator asks the OS for randomness once per character (16 calls per id, about
 * 100 µs); drawing from a pooled buffer costs a few µs. A byte / 256 keeps ulid's `floor(x * 32)`
 * uniform, since 256 is a multiple of 32.
 */
const pool = new Uint8Array(4096);
let offset = pool.length;
const pooledRandom = (): number => {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const byte = pool[offset] ?? 0;
  offset += 1;
  return byte / 256;
};

/** A ULID for a record: sortable by time, unguessable in its random part. */
export const newId = (time: number = Date.now()): string => ulid(time, pooledRandom);

/** Strictly increasing within one process, for event ids that must sort in emission order. */
export const newMonotonicId = monotonicFactory(pooledRandom);
