import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { z } from "zod";
import { retryOnLostRace } from "../../shared/app/lost-race";
import { requireStaffMunicipality } from "../../shared/domain/caller";
import { encodeCursor, resumeKey, type TransactItem } from "../../shared/dynamo";
import { deadlineBreached } from "../../shared/events/catalogue/deadlines";
import { hotlineTriageCompleted, type TRIAGE_STEPS } from "../../shared/events/catalogue/hotline";
import type { Envelope } from "../../shared/events/envelope";
import { newEvent } from "../../shared/events/outbox";
import { HttpProblem } from "../../shared/http/problem";
import { parseIdentityNumber, seal, subjectRef, unseal } from "../../shared/identity";
import type { KeyMaterial } from "../../shared/runtime/keys";
import { auditPut, auditRead, auditReads, type Context } from "./audit";
import { callerAad, currentSealingKey, withDueIndex } from "./calls";
import type { listTriagesQuerySchema, StepBody, TriageView } from "./contract";
import type { HotlineDeps } from "./deps";
import { triageKey, triageListIndex } from "./keys";
import { parseTriageRecord, type TriageRecord } from "./records";
import { effectiveDeadlineState, hoursBetween, minutesLeft, pendingSteps } from "./triage";

type Step = (typeof TRIAGE_STEPS)[number];

const SOURCE = "hotline" as const;
const NOT_FOUND = "No triage with this id";

export const toSummary = (record: TriageRecord, now: Date) => ({
  id: record.id,
  callId: record.callId,
  municipality: record.municipality,
  status: record.status,
  receivedAt: record.receivedAt,
  answeredBy: record.answeredBy ?? null,
  answeredRole: record.answeredRole ?? null,
  deadline: {
    dueAt: record.deadline.dueAt,
    state: effectiveDeadlineState(record, now),
    minutesLeft: minutesLeft(record.deadline.dueAt, now),
  },
  steps: record.steps,
  acknowledged: record.acknowledged ?? null,
  // The send's bookkeeping (claims, attempts) is the sweep's business, not the staff's.
  escalated: record.escalated
    ? { at: record.escalated.at, to: record.escalated.to, notifiedAt: record.escalated.notifiedAt ?? null }
    : null,
  completedAt: record.completedAt ?? null,
});

const toView = (record: TriageRecord, keys: KeyMaterial, now: Date): TriageView => ({
  ...toSummary(record, now),
  caller: {
    phone: record.callerSealed ? unseal(record.callerSealed, keys.sealingKeys, callerAad(record.id)) : null,
  },
  person: record.subjectSealed
    ? { personalIdentityNumber: unseal(record.subjectSealed, keys.sealingKeys) }
    : null,
});

const invalid = (path: string, message: string) =>
  new HttpProblem(400, "Some fields are not valid", [{ path, message }]);

/** The triage side: on-call staff read their municipality's triages, record the steps and complete them. */
export class Triages {
  constructor(private readonly deps: HotlineDeps) {}

  private async read(id: string): Promise<TriageRecord | undefined> {
    const out = await this.deps.doc.send(
      new GetCommand({ TableName: this.deps.tableName, Key: triageKey(id), ConsistentRead: true }),
    );
    return parseTriageRecord(out.Item);
  }

  /** Another municipality's triage does not exist, as far as this caller can tell. */
  private async readOwn(id: string, context: Context): Promise<TriageRecord> {
    const municipality = requireStaffMunicipality(context.caller);
    const record = await this.read(id);
    if (!record || record.municipality !== municipality) throw new HttpProblem(404, NOT_FOUND);
    return record;
  }

  private requireActive(record: TriageRecord): void {
    if (record.status === "completed")
      throw new HttpProblem(409, "The triage is completed", undefined, "triage-completed");
    if (record.status === "ringing")
      throw new HttpProblem(409, "The call is still ringing", undefined, "call-ringing");
  }

  save(record: TriageRecord, expectedVersion: number): TransactItem {
    return {
      Put: {
        TableName: this.deps.tableName,
        Item: withDueIndex(record),
        ConditionExpression: "version = :v",
        ExpressionAttributeValues: { ":v": expectedVersion },
      },
    };
  }

  private async commit(
    record: TriageRecord,
    expectedVersion: number,
    context: Context,
    action: string,
    now: Date,
    events: Envelope[] = [],
  ): Promise<void> {
    await retryOnLostRace(
      "triage",
      () =>
        this.deps.publisher.commit(
          [
            this.save(record, expectedVersion),
            auditPut(this.deps, `TRIAGE#${record.id}`, context, action, now, record.expiresAt),
          ],
          events,
        ),
      { attempts: 1 },
    );
  }

  /** The full triage with the caller's number: audited before it is shown. */
  async get(id: string, context: Context): Promise<TriageView> {
    const record = await this.readOwn(id, context);
    const now = this.deps.clock.now();
    const keys = await this.deps.keys.get();
    await auditRead(this.deps, `TRIAGE#${id}`, context, "read", now, record.expiresAt);
    return toView(record, keys, now);
  }

  async list(query: z.output<typeof listTriagesQuerySchema>, context: Context) {
    const municipality = requireStaffMunicipality(context.caller);
    const now = this.deps.clock.now();
    const partition = triageListIndex.partition(municipality, query.status);
    // Only a key from this very listing may resume it: anything else would read another partition.
    const resume = resumeKey(query.cursor, {
      attributes: ["pk", "sk", "gsi2pk", "gsi2sk"],
      fixed: { gsi2pk: partition, sk: "TRIAGE" },
    });
    if (!resume.ok) throw invalid("query.cursor", "is not a cursor we issued");
    const out = await this.deps.doc.send(
      new QueryCommand({
        TableName: this.deps.tableName,
        IndexName: triageListIndex.name,
        KeyConditionExpression: "gsi2pk = :p",
        ExpressionAttributeValues: { ":p": partition },
        Limit: query.limit,
        ExclusiveStartKey: resume.key,
      }),
    );
    const records = (out.Items ?? []).flatMap((item) => {
      const record = parseTriageRecord(item);
      return record ? [record] : [];
    });
    await auditReads(
      this.deps,
      records.map((r) => ({ subject: `TRIAGE#${r.id}`, expiresAt: r.expiresAt })),
      context,
      "list",
      now,
    );
    const cursor = encodeCursor(out.LastEvaluatedKey);
    return { items: records.map((r) => toSummary(r, now)), ...(cursor ? { cursor } : {}) };
  }

  async recordStep(id: string, step: Step, body: StepBody, context: Context): Promise<TriageView> {
    const now = this.deps.clock.now();
    const current = await this.readOwn(id, context);
    this.requireActive(current);
    const recordsIdentity = step === "financial-assistance" && body.status === "done";
    if (body.personalIdentityNumber !== undefined && !recordsIdentity) {
      throw invalid("personalIdentityNumber", "is recorded only with the financial-assistance step done");
    }
    if (recordsIdentity && body.personalIdentityNumber === undefined) {
      throw invalid("personalIdentityNumber", "is required when the financial-assistance step is done");
    }
    if (body.status !== "not-needed" && body.reason !== undefined) {
      throw invalid("reason", "is given only when the step is not needed");
    }
    const keys = await this.deps.keys.get();
    let subject: Pick<TriageRecord, "subjectRef" | "subjectSealed"> = {};
    if (recordsIdentity && body.personalIdentityNumber !== undefined) {
      const identity = parseIdentityNumber(body.personalIdentityNumber, now);
      if (!identity) {
        throw invalid("personalIdentityNumber", "is not a valid personnummer or samordningsnummer");
      }
      subject = {
        subjectRef: subjectRef(identity, keys.linkingKey),
        subjectSealed: seal(identity.canonical, currentSealingKey(keys)),
      };
    }
    const record: TriageRecord = {
      ...current,
      ...subject,
      steps: {
        ...current.steps,
        [step]: {
          status: body.status,
          ...(body.note ? { note: body.note } : {}),
          ...(body.reason ? { reason: body.reason } : {}),
          at: now.toISOString(),
          by: context.caller.subject,
        },
      },
      version: current.version + 1,
    };
    await this.commit(record, current.version, context, `step:${step}:${body.status}`, now);
    return toView(record, keys, now);
  }

  async acknowledge(id: string, context: Context): Promise<TriageView> {
    const now = this.deps.clock.now();
    const current = await this.readOwn(id, context);
    this.requireActive(current);
    const keys = await this.deps.keys.get();
    if (current.acknowledged) {
      await auditRead(this.deps, `TRIAGE#${id}`, context, "read", now, current.expiresAt);
      return toView(current, keys, now);
    }
    const record: TriageRecord = {
      ...current,
      acknowledged: { at: now.toISOString(), by: context.caller.subject },
      version: current.version + 1,
    };
    await this.commit(record, current.version, context, "acknowledge", now);
    return toView(record, keys, now);
  }

  breachEvent(record: TriageRecord, now: Date, correlationId: string): Envelope {
    return newEvent(deadlineBreached, {
      source: SOURCE,
      municipality: record.municipality,
      correlationId,
      occurredAt: now,
      data: {
        service: SOURCE,
        subject: { type: "triage", id: record.id },
        deadline: "triage-24h",
        dueAt: record.deadline.dueAt,
        breachedAt: now.toISOString(),
      },
    });
  }

  async complete(id: string, context: Context): Promise<TriageView> {
    const now = this.deps.clock.now();
    const current = await this.readOwn(id, context);
    const keys = await this.deps.keys.get();
    if (current.status === "completed") {
      await auditRead(this.deps, `TRIAGE#${id}`, context, "read", now, current.expiresAt);
      return toView(current, keys, now);
    }
    this.requireActive(current);
    const pending = pendingSteps(current.steps);
    if (pending.length > 0) {
      throw new HttpProblem(
        409,
        "Each step must be done or marked not needed (with a reason) first",
        pending.map((step) => ({ path: `steps.${step}`, message: "is pending" })),
        "steps-pending",
      );
    }
    const withinDeadline = now.getTime() <= Date.parse(current.deadline.dueAt);
    const events: Envelope[] = [];
    if (!withinDeadline && current.deadline.state === "open") {
      // The sweep had not yet marked the breach; it will not now, so the breach is recorded here.
      events.push(this.breachEvent(current, now, context.correlationId));
    }
    const record: TriageRecord = {
      ...current,
      status: "completed",
      completedAt: now.toISOString(),
      deadline: {
        ...current.deadline,
        state: current.deadline.state === "breached" || !withinDeadline ? "breached" : "met",
      },
      gsi2pk: triageListIndex.partition(current.municipality, "completed"),
      version: current.version + 1,
    };
    const completedStep = (step: Step) => {
      const status = current.steps[step].status;
      if (status === "pending") throw new Error("a pending step survived the check");
      return status;
    };
    events.push(
      newEvent(hotlineTriageCompleted, {
        source: SOURCE,
        municipality: current.municipality,
        correlationId: context.correlationId,
        occurredAt: now,
        data: {
          triageId: current.id,
          callId: current.callId,
          origin: current.origin ?? "answered",
          receivedAt: current.receivedAt,
          completedAt: now.toISOString(),
          dueAt: current.deadline.dueAt,
          withinDeadline,
          hoursToComplete: hoursBetween(current.receivedAt, now),
          steps: {
            "threat-assessment": completedStep("threat-assessment"),
            "protective-placement": completedStep("protective-placement"),
            decision: completedStep("decision"),
            "financial-assistance": completedStep("financial-assistance"),
          },
          ...(current.subjectRef && current.subjectSealed
            ? { subject: { subjectRef: current.subjectRef, subjectSealed: current.subjectSealed } }
            : {}),
        },
      }),
    );
    await this.commit(record, current.version, context, "complete", now, events);
    this.deps.logger.info("triage completed", { triageId: id, withinDeadline });
    return toView(record, keys, now);
  }
}
