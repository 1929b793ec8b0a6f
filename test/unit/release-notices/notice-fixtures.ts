/** Notices, commands and callers for the release-notices domain tests: no servers, no keys. */
import { expect } from "vitest";
import { SCOPES } from "../../../services/release-notices/domain/access";
import type { Notice } from "../../../services/release-notices/domain/notice";
import { decideReceive, type ReceiveCommand } from "../../../services/release-notices/domain/receive";
import type { Outcome, Transition } from "../../../services/release-notices/domain/transition";
import { type Caller, NATIONAL_SCOPE } from "../../../shared/domain/caller";
import type { Decision, DomainError } from "../../../shared/domain/errors";

export const at = (iso: string): Date => new Date(iso);

export const KRIMINALVARDEN: Caller = {
  subject: "kv-client",
  scopes: new Set([SCOPES.write, NATIONAL_SCOPE]),
};
export const staff = (municipality = "0880", subject = "handlaggare-7"): Caller => ({
  subject,
  scopes: new Set([SCOPES.read, SCOPES.manage]),
  municipality,
});

/** Stand-ins for what the application layer computes with the keys: opaque to the rules. */
export const SUBJECT = { ref: "a".repeat(64), sealed: "v1.dev1.aaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb" };
export const OTHER_SUBJECT = {
  ref: "b".repeat(64),
  sealed: "v1.dev1.cccccccccccccccc.dddddddddddddddddddddddd",
};

export const DETAILS = {
  institution: "Anstalten Kumla",
  expectedReleaseDate: "2026-06-15",
  releaseType: "conditional",
  needs: ["housing", "employment"],
  contact: { name: "Anna Andersson", phone: "+46101234567", email: "anna@example.se" },
} as const satisfies ReceiveCommand["details"];

export const receiveCommand = (overrides: Partial<ReceiveCommand> = {}): ReceiveCommand => ({
  id: "01JAAAAAAAAAAAAAAAAAAAAAAA",
  noticeId: "KV-2026-000123",
  municipality: "0880",
  details: DETAILS,
  subject: SUBJECT,
  requestHash: "create-hash-1",
  ...overrides,
});

export const changedTransition = (decision: Decision<Outcome>): Transition => {
  if (!decision.ok)
    throw new Error(`expected a decision, got ${decision.error.kind}: ${decision.error.detail}`);
  if (decision.value.kind !== "changed") throw new Error("expected a change, got none");
  return decision.value.transition;
};

export const unchangedNotice = (decision: Decision<Outcome>): Notice => {
  if (!decision.ok)
    throw new Error(`expected a decision, got ${decision.error.kind}: ${decision.error.detail}`);
  if (decision.value.kind !== "unchanged") throw new Error("expected no change");
  return decision.value.notice;
};

export const refusal = (decision: Decision<unknown>): DomainError => {
  if (decision.ok) throw new Error("expected a refusal");
  return decision.error;
};

/** A notice as received at `receivedAt`, with any state changed after. */
export const receivedNotice = (
  receivedAt = at("2026-01-15T09:00:00+01:00"),
  overrides: Partial<ReceiveCommand> = {},
): Notice =>
  changedTransition(decideReceive(undefined, receiveCommand(overrides), KRIMINALVARDEN, receivedAt)).notice;

export const expectEventTypes = (t: Transition, types: string[]) =>
  expect(t.events.map((e) => e.contract.type)).toEqual(types);
