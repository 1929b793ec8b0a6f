/**
 * What a domain rule can answer instead of a new state. The edge (shared/http/edge.ts) maps each
 * kind to its HTTP status once; nothing below the edge knows HTTP. `detail` and `fields` are
 * written by us, never copied from input, so they cannot carry personal data.
 */
export type DomainErrorKind = "invalid" | "forbidden" | "not-found" | "conflict" | "unprocessable";

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export interface DomainErrorOptions {
  /** Names each field that broke a rule (for `invalid` and `unprocessable`). */
  readonly fields?: readonly FieldIssue[];
  /** A stable machine-readable code, e.g. "concurrent-change"; becomes the problem type. */
  readonly code?: string;
}

export class DomainError extends Error {
  readonly fields: readonly FieldIssue[] | undefined;
  readonly code: string | undefined;

  constructor(
    readonly kind: DomainErrorKind,
    readonly detail: string,
    options: DomainErrorOptions = {},
  ) {
    super(detail);
    this.name = "DomainError";
    this.fields = options.fields;
    this.code = options.code;
  }
}

export const invalid = (detail: string, fields: readonly FieldIssue[], code?: string): DomainError =>
  new DomainError("invalid", detail, { fields, ...(code ? { code } : {}) });
export const forbidden = (detail: string): DomainError => new DomainError("forbidden", detail);
export const notFound = (detail: string): DomainError => new DomainError("not-found", detail);
export const conflict = (detail: string, code?: string): DomainError =>
  new DomainError("conflict", detail, code ? { code } : {});
export const unprocessable = (detail: string, options: DomainErrorOptions = {}): DomainError =>
  new DomainError("unprocessable", detail, options);

/** A pure decision: the value, or the domain error that forbids it. */
export type Decision<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: DomainError };

export const ok = <T>(value: T): Decision<T> => ({ ok: true, value });
export const fail = <T = never>(error: DomainError): Decision<T> => ({ ok: false, error });

/** For the application layer: a refused decision becomes a thrown DomainError the edge answers. */
export const orThrow = <T>(decision: Decision<T>): T => {
  if (!decision.ok) throw decision.error;
  return decision.value;
};
