import * as z from "zod/mini";
import { zodWords } from "../validation/zod-words";
import { CATALOGUE, type CatalogueEntry } from "./catalogue";
import { type Envelope, type EventContract, type EventOf, envelopeSchema } from "./envelope";

/** Any event of the catalogue, discriminated by `type` (and `version`, once a type has two). */
export type CatalogueEvent = CatalogueEntry extends infer C
  ? C extends EventContract
    ? EventOf<C>
    : never
  : never;

/** A path into the envelope (`data.deadlines.0.dueAt`) and what is wrong there; never the value. */
export interface EventIssue {
  readonly path: string;
  readonly message: string;
}

export type ParseFailureReason =
  /** Not an envelope at all: not JSON, or a field of the envelope is missing or malformed. */
  | "envelope"
  /** A valid envelope whose (type, version) has no contract here: an unknown type or a newer version. */
  | "unknown-type"
  /** The contract is known but `data` does not satisfy it. */
  | "data";

export type ParseResult =
  | { readonly ok: true; readonly event: CatalogueEvent; readonly contract: CatalogueEntry }
  | {
      readonly ok: false;
      readonly reason: ParseFailureReason;
      readonly issues: readonly EventIssue[];
      /** What identifies the event for a log line or a dead letter, once the envelope itself is valid. */
      readonly envelope?: Omit<Envelope, "data">;
    };

const key = (type: string, version: number): string => `${type}@${version}`;

const contracts: ReadonlyMap<string, CatalogueEntry> = new Map(
  CATALOGUE.map((c) => [key(c.type, c.version), c]),
);

/** The contract for exactly this type and version, if the catalogue has one. */
export const contractFor = (type: string, version: number): CatalogueEntry | undefined =>
  contracts.get(key(type, version));

/**
 * zod/mini writes "Invalid input" for every issue a schema gives no message of its own: these are
 * the words full zod's English locale wrote, so a dead letter's log names the rule as it did.
 */
const WORDS = { error: zodWords } as const;

const issuesOf = (error: z.core.$ZodError, prefix: readonly PropertyKey[]): EventIssue[] =>
  error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join("."),
    // Zod's own message for an unrecognised key quotes the key, which comes from the input.
    message: issue.code === "unrecognized_keys" ? "unrecognized keys" : issue.message,
  }));

/**
 * Reads one event: the envelope first, then `data` against the contract of that exact type and
 * version. A version this code does not know is refused rather than read as another version, so
 * a consumer deployed before its producer sends it to the dead-letter queue to be redriven once
 * the consumer catches up. A JSON string (an SQS body) is accepted as well as a parsed value.
 *
 * Issues name paths and carry our messages only, so that a result can be logged as it is.
 */
export const parseEvent = (raw: unknown): ParseResult => {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      // JSON.parse's message quotes the input.
      return { ok: false, reason: "envelope", issues: [{ path: "", message: "not JSON" }] };
    }
  }

  const envelope = envelopeSchema().safeParse(value, WORDS);
  if (!envelope.success) return { ok: false, reason: "envelope", issues: issuesOf(envelope.error, []) };
  const { data: payload, ...meta } = envelope.data;

  const contract = contractFor(meta.type, meta.version);
  if (!contract) {
    const known = CATALOGUE.some((c) => c.type === meta.type);
    return {
      ok: false,
      reason: "unknown-type",
      issues: [
        known
          ? { path: "version", message: "unsupported version of a known event type" }
          : { path: "type", message: "unknown event type" },
      ],
      envelope: meta,
    };
  }

  const data = z.safeParse(contract.data, payload, WORDS);
  if (!data.success)
    return { ok: false, reason: "data", issues: issuesOf(data.error, ["data"]), envelope: meta };

  // The lookup by (type, version) is what ties this data to this contract; the compiler cannot follow it.
  const event = { ...meta, data: data.data } as CatalogueEvent;
  return { ok: true, event, contract };
};

/**
 * Narrows an event to one contract's type and version, e.g.
 * `if (isEvent(event, referralReceived)) event.data.ageGroup`. It checks the labels only: use it on
 * events that came out of `parseEvent`, whose data was checked against exactly that contract.
 */
export const isEvent = <C extends EventContract>(
  event: { readonly type: string; readonly version: number },
  contract: C,
): event is EventOf<C> => event.type === contract.type && event.version === contract.version;
