/** The auditor's reading of a triage's or an on-call schedule's trail, in the municipality read for. */
import { type AuditEntry, auditedMunicipality, auditFilterOf } from "../../../shared/audit-read";
import { invalid } from "../../../shared/domain/errors";
import type { HotlineAuditQuery } from "../contract-audit";
import type { HotlineDeps } from "../deps";
import { requireKnownMunicipality } from "../domain/access";
import { triageNotFound } from "../domain/triage-work";
import { readHotlineAuditTrail, triageAuditAccess } from "../store/audit-reads";
import { TriageStore } from "../store/triage-store";
import type { Context } from "./context";

/**
 * A triage is read first: one that is not the municipality's is 404, as on the staff routes; once
 * it has expired (its trail is kept longer), the rows that record the municipality are read. A
 * schedule's trail is the named municipality's (`schedule`), which the token must reach (403). The
 * trail itself is not audited (nor is intake's): it holds no personal data.
 */
export class AuditReading {
  private readonly triages: TriageStore;

  constructor(private readonly deps: HotlineDeps) {
    this.triages = new TriageStore(deps);
  }

  async read(query: HotlineAuditQuery, context: Context): Promise<{ items: AuditEntry[]; cursor?: string }> {
    // The contract asks for exactly one of the two.
    const { subject, access } =
      query.triage === undefined
        ? { subject: { schedule: this.scheduleOf(query.schedule ?? "", query.municipality, context) } }
        : await this.triageOf(query.triage, query.municipality, context);
    const page = await readHotlineAuditTrail(this.deps, subject, {
      limit: query.limit,
      cursor: query.cursor,
      filter: { ...auditFilterOf(query), ...access },
    });
    if (!page.ok) {
      throw invalid("Some fields are not valid", [
        { path: "query.cursor", message: "is not a cursor we issued" },
      ]);
    }
    return { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  private scheduleOf(schedule: string, named: string | undefined, context: Context): string {
    if (named !== undefined && named !== schedule) {
      throw invalid("Some fields are not valid", [
        { path: "query.municipality", message: "must be the schedule's municipality, or left out" },
      ]);
    }
    requireKnownMunicipality(schedule);
    return auditedMunicipality(context.caller, schedule);
  }

  /** The triage decides while it exists; once it has expired, the rows that record the municipality. */
  private async triageOf(id: string, named: string | undefined, context: Context) {
    const municipality = auditedMunicipality(context.caller, named);
    const triage = await this.triages.read(id);
    const access = await triageAuditAccess(this.deps, id, municipality, triage ?? "gone");
    // Not found as on the staff routes.
    if (!access) throw triageNotFound();
    return { subject: { triage: id }, access };
  }
}
