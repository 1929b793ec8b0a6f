import * as z from "zod/mini";
import { containsIdentityNumber, IDENTITY_IN_ID_MESSAGE } from "../identity/in-text";
import { builtOnFirstUse } from "../lazy";
import { SERVICES } from "../resources";

/** Crockford base32, 26 characters: what `ulid` produces. */
export const ulidSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a ULID"));
/** An id we mint or another system minted: never free text, so it cannot smuggle personal data. */
export const entityIdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, "must be 1-64 letters, digits or . _ : -"));
/**
 * An id a client chose (Kriminalvården's noticeId, a caseworker's id): it goes into keys, logs,
 * events and URLs, so one that holds a valid personnummer or samordningsnummer is refused.
 */
export const clientIdSchema = entityIdSchema.check(
  z.refine((id) => !containsIdentityNumber(id), IDENTITY_IN_ID_MESSAGE),
);
export const kommunkodSchema = z.string().check(z.regex(/^\d{4}$/, "must be a four-digit kommunkod"));
/**
 * A keyed hash (HMAC-SHA256, hex) of a normalised identity number: links records about the same
 * person without carrying the number. Produced by shared/identity.
 */
export const subjectRefSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/, "must be a subject reference"));
/** An identity sealed with AES-256-GCM for a consumer that needs it (see shared/identity/seal). */
export const SEALED_PATTERN = /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
export const sealedSchema = z.string().check(z.regex(SEALED_PATTERN, "must be sealed"));
/**
 * What a subscriber that opens no identity receives in place of each sealed value
 * (subscriptions.ts projectFor): sealed in form, so the contract holds, but no ciphertext, and a
 * key id no key ring holds, so it opens to nothing.
 */
export const WITHHELD_SEALED = "v1.withheld.none.none";
export const isoDateSchema = z.iso.date();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** The request's or the message's id that every event and log line of one piece of work carries. */
export const correlationIdSchema = z.string().check(z.minLength(1), z.maxLength(128));

const buildEnvelopeSchema = () =>
  z.object({
    id: ulidSchema,
    type: z.string().check(z.minLength(1)),
    version: z.int().check(z.positive()),
    occurredAt: isoDateTimeSchema,
    municipality: kommunkodSchema,
    source: z.enum(SERVICES),
    correlationId: correlationIdSchema,
    data: z.unknown(),
  });
/**
 * The envelope every event travels in; `data` is checked by the event type's own schema. Built on
 * the first call rather than as the module loads (every function loads this module; only those that
 * emit or consume events use the envelope; test/bench/zod-count.ts).
 */
export const envelopeSchema = builtOnFirstUse(buildEnvelopeSchema);
export type Envelope = z.infer<ReturnType<typeof envelopeSchema>>;

export interface EventContract<
  T extends string = string,
  V extends number = number,
  D extends z.core.$ZodType = z.core.$ZodType,
> {
  readonly type: T;
  readonly version: V;
  readonly data: D;
}

/**
 * An event type and version with its data schema, built the first time `data` is read: a function
 * imports a whole catalogue but emits or reads a few of its types, and building every type's schema
 * as the module loads was a cold start's largest single module (test/bench/module-time.ts).
 */
export const defineEvent = <T extends string, V extends number, D extends z.core.$ZodType>(
  type: T,
  version: V,
  buildData: () => D,
): EventContract<T, V, D> => {
  let data: D | undefined;
  return {
    type,
    version,
    get data() {
      data ??= buildData();
      return data;
    },
  };
};

export type EventOf<C extends EventContract> = Omit<Envelope, "type" | "version" | "data"> & {
  type: C["type"];
  version: C["version"];
  data: z.infer<C["data"]>;
};
