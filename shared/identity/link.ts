import { createHmac } from "node:crypto";
import type { IdentityNumber } from "./personnummer";

// A personnummer has only a few million plausible values, so the hash is only as strong as its
// key: a short key would let anyone holding a reference enumerate it back to the number.
const MIN_KEY_BYTES = 32;

/**
 * A stable, non-reversible reference to a person: lowercase hex HMAC-SHA256 of the canonical
 * number under the linking key. Records about the same person link whichever form was typed.
 */
export function subjectRef(id: IdentityNumber, linkingKey: Uint8Array): string {
  if (linkingKey.length < MIN_KEY_BYTES)
    throw new RangeError(`linking key must be at least ${MIN_KEY_BYTES} bytes`);
  return createHmac("sha256", linkingKey).update(id.canonical, "utf8").digest("hex");
}
