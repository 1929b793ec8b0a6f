import type { z } from "zod/mini";
import { retryOnLostRace } from "../../../shared/app/lost-race";
import { requireStaffMunicipality } from "../../../shared/domain/caller";
import { invalid, orThrow } from "../../../shared/domain/errors";
import type { KeyMaterial } from "../../../shared/runtime/keys";
import type { StepBody } from "../contract-step";
import type { TriageView } from "../contract-triage";
import type { listTriagesQuerySchema } from "../contract-triage-list";
import type { HotlineDeps } from "../deps";
import type { Triage, TriageStep } from "../domain/triage-state";
import {
  acknowledge,
  checkStep,
  complete,
  type TriageChange,
  visibleTriage,
  withStep,
} from "../domain/triage-work";
import { AuditTrail, auditSubject } from "../store/audit-trail";
import { TriageStore } from "../store/triage-store";
import { auditEntry, type Context } from "./context";
import { toEnvelopes } from "./envelopes";
import { protectIdentity, sealLegacyStepTexts, sealStepText } from "./sealing";
import { toSummary, toView } from "./triage-views";

/**
 * The triage side: on-call staff read their municipality's triages (each read audited), record
 * the steps, take and complete them. Every change is committed with its audit row and events, on
 * condition nobody changed the triage meanwhile; a lost race reads and decides again.
 */
export class TriageHandling {
  private readonly triages: TriageStore;
  private readonly audit: AuditTrail;

  constructor(private readonly deps: HotlineDeps) {
    this.triages = new TriageStore(deps);
    this.audit = new AuditTrail(deps);
  }

  private async readOwn(id: string, context: Context): Promise<Triage> {
    const municipality = requireStaffMunicipality(context.caller);
    return orThrow(visibleTriage(await this.triages.read(id), municipality));
  }

  private audited(triage: Triage, context: Context, action: string, now: Date) {
    return auditEntry(
      context,
      { key: auditSubject.triage(triage.id), municipality: triage.municipality },
      action,
      now,
      triage.expiresAt,
    );
  }

  /** The full triage with the caller's number: audited before it is shown. */
  async get(id: string, context: Context): Promise<TriageView> {
    const triage = await this.readOwn(id, context);
    const now = this.deps.clock.now();
    const keys = await this.deps.keys.get();
    await this.audit.record(this.audited(triage, context, "read", now));
    return toView(triage, keys, now);
  }

  async list(query: z.output<typeof listTriagesQuerySchema>, context: Context) {
    const municipality = requireStaffMunicipality(context.caller);
    const now = this.deps.clock.now();
    const page = await this.triages.list(
      municipality,
      query.status,
      { limit: query.limit, cursor: query.cursor },
      query.sort,
    );
    if (!page.ok) {
      throw invalid("Some fields are not valid", [
        { path: "query.cursor", message: "is not a cursor we issued" },
      ]);
    }
    const keys = await this.deps.keys.get();
    await this.audit.recordAll(page.items.map((t) => this.audited(t, context, "list", now)));
    return {
      items: page.items.map((t) => toSummary(t, keys, now)),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    };
  }

  /**
   * Reads, asks `decide`, and commits what it changed with an audit row named `action`; what it left
   * unchanged is shown (the read audited). A lost race reads and decides again.
   */
  private change(
    id: string,
    context: Context,
    action: string,
    decide: (current: Triage, now: Date, keys: KeyMaterial) => TriageChange,
  ): Promise<{ readonly view: TriageView; readonly committed?: Triage }> {
    return retryOnLostRace("triage", async () => {
      const now = this.deps.clock.now();
      const current = await this.readOwn(id, context);
      const keys = await this.deps.keys.get();
      const decision = decide(current, now, keys);
      if (decision.kind === "unchanged") {
        await this.audit.record(this.audited(current, context, "read", now));
        return { view: toView(current, keys, now) };
      }
      const next = sealLegacyStepTexts(decision.triage, keys);
      await this.triages.commit(next, current.version, {
        audit: this.audited(next, context, action, now),
        events: toEnvelopes(decision.events, {
          municipality: next.municipality,
          correlationId: context.correlationId,
          now,
        }),
      });
      return { view: toView(next, keys, now), committed: next };
    });
  }

  async recordStep(id: string, step: TriageStep, body: StepBody, context: Context): Promise<TriageView> {
    const { view } = await this.change(id, context, `step:${step}:${body.status}`, (current, now, keys) => {
      const { identity } = orThrow(checkStep(current, step, body, now));
      const where = { triageId: current.id, step };
      const recorded = {
        status: body.status,
        ...(body.note ? { noteSealed: sealStepText(body.note, keys, { ...where, text: "note" }) } : {}),
        ...(body.reason
          ? { reasonSealed: sealStepText(body.reason, keys, { ...where, text: "reason" }) }
          : {}),
        ...(identity ? { subject: protectIdentity(identity, keys) } : {}),
      };
      return {
        kind: "changed",
        triage: withStep(current, step, recorded, context.caller.subject, now),
        events: [],
      };
    });
    return view;
  }

  async acknowledge(id: string, context: Context): Promise<TriageView> {
    const { view } = await this.change(id, context, "acknowledge", (current, now) =>
      orThrow(acknowledge(current, context.caller.subject, now)),
    );
    return view;
  }

  async complete(id: string, context: Context): Promise<TriageView> {
    const { view, committed } = await this.change(id, context, "complete", (current, now) =>
      orThrow(complete(current, now)),
    );
    if (committed) {
      // Met exactly when completed within the 24 hours (see domain/triage-work.ts).
      this.deps.logger.info("triage completed", {
        triageId: id,
        withinDeadline: committed.deadline.state === "met",
      });
    }
    return view;
  }
}
