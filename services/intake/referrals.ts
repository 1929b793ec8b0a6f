import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { z } from "zod";
import { retryOnLostRace } from "../../shared/app/lost-race";
import { type Caller, requireStaffMunicipality } from "../../shared/domain/caller";
import {
  batchPutAll,
  encodeCursor,
  failedConditions,
  queryPage,
  resumeKey,
  type TransactItem,
} from "../../shared/dynamo";
import { deadlineBreached } from "../../shared/events/catalogue/deadlines";
import {
  type CLOSE_REASONS,
  type REFERRAL_SOURCE_TYPES,
  type REPORTER_ROLES,
  referralAssessed,
  referralAssigned,
  referralClosed,
  referralReceived,
} from "../../shared/events/catalogue/intake";
import type { Envelope } from "../../shared/events/envelope";
import { newEvent } from "../../shared/events/outbox";
import { canonicalJson, keyedHash as hashWithKey } from "../../shared/hashing";
import { type FieldError, HttpProblem } from "../../shared/http/problem";
import { type IdentityNumber, parseIdentityNumber, seal, subjectRef } from "../../shared/identity";
import { newId, newMonotonicId } from "../../shared/ids";
import { isKommunkod } from "../../shared/municipalities";
import type { KeyMaterial } from "../../shared/runtime/keys";
import { type AgeGroup, ageGroupOf, ageOnReceipt } from "./age";
import type {
  auditQuerySchema,
  CreateReferralBody,
  listQuerySchema,
  putCaseworkerBodySchema,
  ReferralDetail,
  ReferralView,
} from "./contract";
import {
  type Deadline,
  type DeadlineFacts,
  deadlineOnTrigger,
  deadlinesOnReceipt,
  markDone,
  nextOpenDueAt,
  pendingDueAt,
} from "./deadlines";
import type { IntakeDeps } from "./deps";
import {
  auditKey,
  auditPartition,
  caseworkerKey,
  dueIndex,
  idempotencyKey,
  municipalityIndex,
  openInUnitKey,
  referralKey,
  sourceKey,
  unitPartition,
} from "./keys";
import {
  auditRecordSchema,
  type CaseworkerRecord,
  caseworkerRecordSchema,
  idempotencyRecordSchema,
  openInUnitRecordSchema,
  parseReferral,
  parseStored,
  type ReferralRecord,
  sourceRecordSchema,
} from "./records";
import { type ReferralKind, routeReferral, routingTableFor, type Unit } from "./routing";
import { caseworkerView, isActive, optional, sealingKeyOf, sealNote, toDetail, toView } from "./views";

type CloseReason = (typeof CLOSE_REASONS)[number];
type SourceType = (typeof REFERRAL_SOURCE_TYPES)[number];
type ReporterRole = (typeof REPORTER_ROLES)[number];

/** Who acted and under which correlation id: a member of staff, a machine client, or an event. */
export interface Actor {
  readonly actor: string;
  readonly correlationId: string;
}

export interface Context {
  readonly caller: Caller;
  readonly correlationId: string;
}

const actorOf = (context: Context): Actor => ({
  actor: context.caller.subject,
  correlationId: context.correlationId,
});

const SOURCE = "intake" as const;
/** Audit rows sort by time and then by this id: monotonic, so rows written in one millisecond keep their order. */
const auditId = newMonotonicId;
const NOT_FOUND = "No referral with this id";
const notOurCursor = () =>
  new HttpProblem(400, "Some fields are not valid", [
    { path: "query.cursor", message: "is not a cursor we issued" },
  ]);

/** A referral linked to the person's open one is the same case: it does not add to a caseload. */
const countsTowardCaseload = (record: ReferralRecord): boolean => record.linkedReferralId === undefined;

/** Keyed with the linking key: see shared/hashing. */
const keyedHash = (keys: KeyMaterial, ...parts: string[]): string => hashWithKey(keys.linkingKey, ...parts);

/** Schedules the referral on the due index by its next open deadline, and sets what `overdue` reads. */
export const withSchedule = (record: ReferralRecord): ReferralRecord => {
  const { gsi1pk: _p, gsi1sk: _s, pendingDueAt: _d, ...rest } = record;
  if (!isActive(record)) return rest;
  const next = nextOpenDueAt(record.deadlines);
  const pending = pendingDueAt(record.deadlines);
  return {
    ...rest,
    ...(pending ? { pendingDueAt: pending } : {}),
    ...(next ? { gsi1pk: dueIndex.partition, gsi1sk: dueIndex.sort(next, record.id) } : {}),
  };
};

/** Everything a new referral is made of, from an HTTP body or another service's event. */
export interface NewReferral {
  readonly municipality: string;
  readonly kind: ReferralKind;
  readonly identity: IdentityNumber;
  readonly receivedAt: Date;
  readonly firstOffence: boolean;
  readonly financialAssistance: boolean;
  readonly reporterRole?: ReporterRole;
  readonly summary?: string;
  readonly source?: { readonly type: SourceType; readonly id: string; readonly purpose: string };
  /** A release referral's release date, which sets its plan deadline. */
  readonly releaseDate?: string;
  readonly sourceUpdatedAt?: string;
}

export interface PreparedReferral {
  readonly record: ReferralRecord;
  readonly writes: TransactItem[];
  readonly events: Envelope[];
  /** Index in `writes` of the open-in-unit row's conditional put, if this referral became the person's open one. */
  readonly openIndex?: number;
}

export class Referrals {
  constructor(private readonly deps: IntakeDeps) {}

  // ------------------------------------------------------------------------------------------
  // Storage

  async read(id: string): Promise<ReferralRecord | undefined> {
    const out = await this.deps.doc.send(
      new GetCommand({ TableName: this.deps.tableName, Key: referralKey(id), ConsistentRead: true }),
    );
    return parseReferral(out.Item);
  }

  private async readItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
    const out = await this.deps.doc.send(
      new GetCommand({ TableName: this.deps.tableName, Key: key, ConsistentRead: true }),
    );
    return out.Item;
  }

  /** The referral a source made, if any, and whether the source was withdrawn before it arrived. */
  async readSource(type: SourceType, id: string, purpose = "main") {
    return parseStored(sourceRecordSchema, await this.readItem(sourceKey(type, id, purpose)), "source");
  }

  save(record: ReferralRecord, expectedVersion: number | undefined): TransactItem {
    return {
      Put: {
        TableName: this.deps.tableName,
        Item: record,
        ...(expectedVersion === undefined
          ? { ConditionExpression: "attribute_not_exists(pk)" }
          : { ConditionExpression: "version = :v", ExpressionAttributeValues: { ":v": expectedVersion } }),
      },
    };
  }

  auditPut(referralId: string, actor: Actor, action: string, at: Date): TransactItem {
    return {
      Put: {
        TableName: this.deps.tableName,
        Item: {
          ...auditKey(referralId, at, auditId()),
          referralId,
          action,
          actor: actor.actor,
          at: at.toISOString(),
          correlationId: actor.correlationId,
        },
      },
    };
  }

  private async auditReads(records: readonly ReferralRecord[], actor: Actor, action: string): Promise<void> {
    const at = this.deps.clock.now();
    const rows = records.flatMap((r) => {
      const put = this.auditPut(r.id, actor, action, at).Put;
      return put?.Item ? [put.Item] : [];
    });
    await batchPutAll(this.deps.doc, this.deps.tableName, rows);
  }

  private caseloadChange(record: ReferralRecord, caseworkerId: string, delta: number): TransactItem {
    return {
      Update: {
        TableName: this.deps.tableName,
        Key: caseworkerKey(record.municipality, record.unit, caseworkerId),
        UpdateExpression: "ADD #caseload :d",
        ExpressionAttributeNames: { "#caseload": "caseload" },
        ExpressionAttributeValues: { ":d": delta },
      },
    };
  }

  private facts(record: ReferralRecord) {
    return { referralId: record.id, kind: record.kind, unit: record.unit, ageGroup: record.ageGroup };
  }

  private event<C extends Parameters<typeof newEvent>[0]>(
    contract: C,
    record: ReferralRecord,
    actor: Actor,
    now: Date,
    data: Parameters<typeof newEvent<C>>[1]["data"],
  ): Envelope {
    return newEvent(contract, {
      source: SOURCE,
      municipality: record.municipality,
      correlationId: actor.correlationId,
      occurredAt: now,
      data,
    });
  }

  breachEvent(record: ReferralRecord, deadline: Deadline, now: Date, correlationId: string): Envelope {
    return this.event(deadlineBreached, record, { actor: "sweep", correlationId }, now, {
      service: SOURCE,
      subject: { type: "referral", id: record.id },
      deadline: deadline.type,
      dueAt: deadline.dueAt,
      breachedAt: now.toISOString(),
    });
  }

  // ------------------------------------------------------------------------------------------
  // Receiving

  /**
   * A new referral with its unit, deadlines, link and event, as transaction items. The person's
   * open referral in the unit (found by the keyed hash of their number) makes this one a linked
   * referral: it keeps its own deadlines, takes the open one's caseworker and adds no case.
   */
  async prepare(input: NewReferral, actor: Actor, now: Date): Promise<PreparedReferral> {
    const keys = await this.deps.keys.get();
    const id = newId(now.getTime());
    const age = ageOnReceipt(input.identity, input.receivedAt);
    const ageGroup: AgeGroup = ageGroupOf(age);
    const unit: Unit = routeReferral(
      { kind: input.kind, age, financialAssistance: input.financialAssistance },
      routingTableFor(input.municipality),
    );
    const facts: DeadlineFacts = {
      kind: input.kind,
      age,
      firstOffence: input.firstOffence,
      financialAssistance: input.financialAssistance,
    };
    const deadlines = deadlinesOnReceipt(facts, input.receivedAt);
    if (input.releaseDate) {
      const plan = deadlineOnTrigger("release-date", facts, input.releaseDate);
      if (plan) deadlines.push(plan);
    }
    const ref = subjectRef(input.identity, keys.linkingKey);
    const openKey = openInUnitKey(input.municipality, unit, ref);
    const openRow = parseStored(openInUnitRecordSchema, await this.readItem(openKey), "open-in-unit row");
    const primary = openRow ? await this.read(openRow.referralId) : undefined;
    const linkTo = primary && isActive(primary) ? primary : undefined;

    const receivedAt = input.receivedAt.toISOString();
    const record = withSchedule({
      ...referralKey(id),
      id,
      municipality: input.municipality,
      kind: input.kind,
      unit,
      ageGroup,
      status: "open",
      receivedAt,
      updatedAt: now.toISOString(),
      subjectRef: ref,
      subjectSealed: seal(input.identity.canonical, sealingKeyOf(keys)),
      firstOffence: input.firstOffence,
      financialAssistance: input.financialAssistance,
      ...(input.reporterRole ? { reporterRole: input.reporterRole } : {}),
      ...optional("summarySealed", sealNote(keys, id, input.summary)),
      ...(input.source ? { source: { type: input.source.type, id: input.source.id } } : {}),
      ...(input.sourceUpdatedAt ? { sourceUpdatedAt: input.sourceUpdatedAt } : {}),
      ...(linkTo ? { linkedReferralId: linkTo.id } : {}),
      ...(linkTo?.assignee ? { assignee: linkTo.assignee } : {}),
      deadlines,
      version: 0,
      gsi2pk: municipalityIndex.partition(input.municipality),
      gsi2sk: municipalityIndex.sort(receivedAt, id),
    });

    const writes: TransactItem[] = [this.save(record, undefined)];
    let openIndex: number | undefined;
    if (!linkTo) {
      openIndex = writes.length;
      // Take the row if nobody has, or if it still names the closed referral we read: a
      // concurrent referral for the same person fails here and is linked on its retry.
      writes.push({
        Put: {
          TableName: this.deps.tableName,
          Item: { ...openKey, referralId: id },
          ...(openRow
            ? {
                ConditionExpression: "referralId = :old",
                ExpressionAttributeValues: { ":old": openRow.referralId },
              }
            : { ConditionExpression: "attribute_not_exists(pk)" }),
        },
      });
    }
    if (input.source) {
      writes.push({
        Put: {
          TableName: this.deps.tableName,
          Item: { ...sourceKey(input.source.type, input.source.id, input.source.purpose), referralId: id },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      });
    }
    writes.push(this.auditPut(id, actor, "create", now));
    const event = this.event(referralReceived, record, actor, now, {
      ...this.facts(record),
      receivedAt,
      subjectRef: ref,
      firstOffence: record.firstOffence,
      ...(record.reporterRole ? { reporterRole: record.reporterRole } : {}),
      ...(record.source ? { source: record.source } : {}),
      ...(record.linkedReferralId ? { linkedReferralId: record.linkedReferralId } : {}),
      deadlines: record.deadlines.map((d) => ({ type: d.type, dueAt: d.dueAt })),
    });
    return { record, writes, events: [event], ...(openIndex === undefined ? {} : { openIndex }) };
  }

  /** POST /v1/referrals: 201 with a new referral, or 200 with the one an Idempotency-Key already made. */
  async create(
    body: CreateReferralBody,
    idempotencyKeyHeader: string | undefined,
    context: Context,
  ): Promise<{ created: boolean; referral: ReferralView }> {
    const now = this.deps.clock.now();
    const errors: FieldError[] = [];
    const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
    if (receivedAt.getTime() > now.getTime())
      errors.push({ path: "receivedAt", message: "must not be in the future" });
    const identity = parseIdentityNumber(body.subject.personalIdentityNumber, receivedAt);
    if (!identity) {
      errors.push({
        path: "subject.personalIdentityNumber",
        message: "is not a valid personnummer or samordningsnummer",
      });
    }
    if (!isKommunkod(body.municipality)) {
      errors.push({ path: "municipality", message: "is not a Swedish municipality code" });
    }
    if (errors.length > 0 || !identity) throw new HttpProblem(400, "Some fields are not valid", errors);
    if (context.caller.municipality !== undefined && context.caller.municipality !== body.municipality) {
      throw new HttpProblem(403, "The token is not for this municipality", [
        { path: "municipality", message: "must be the token's municipality" },
      ]);
    }
    const keys = await this.deps.keys.get();
    const idem = idempotencyKeyHeader
      ? {
          key: idempotencyKey(
            keyedHash(keys, "idempotency", context.caller.subject, body.municipality, idempotencyKeyHeader),
          ),
          requestHash: keyedHash(
            keys,
            "request",
            canonicalJson({ ...body, subject: { personalIdentityNumber: identity.canonical } }),
          ),
        }
      : undefined;

    const replay = async (): Promise<{ created: boolean; referral: ReferralView } | undefined> => {
      if (!idem) return undefined;
      const row = parseStored(idempotencyRecordSchema, await this.readItem(idem.key), "idempotency row");
      if (!row) return undefined;
      if (row.requestHash !== idem.requestHash) {
        throw new HttpProblem(
          409,
          "This Idempotency-Key was already used with a different body",
          [{ path: "header.idempotency-key", message: "was used for another request" }],
          "idempotency-conflict",
        );
      }
      const existing = await this.read(row.referralId);
      if (!existing) throw new Error("an idempotency row names a referral that does not exist");
      return { created: false, referral: toView(existing, now) };
    };

    const before = await replay();
    if (before) return before;

    for (let attempt = 0; ; attempt++) {
      const prepared = await this.prepare(
        {
          municipality: body.municipality,
          kind: body.kind,
          identity,
          receivedAt,
          firstOffence: body.firstOffence ?? false,
          financialAssistance: false,
          reporterRole: body.reporter.role,
          ...(body.summary ? { summary: body.summary } : {}),
        },
        actorOf(context),
        now,
      );
      const writes = [...prepared.writes];
      const idemIndex = idem ? writes.length : undefined;
      if (idem) {
        writes.push({
          Put: {
            TableName: this.deps.tableName,
            Item: { ...idem.key, referralId: prepared.record.id, requestHash: idem.requestHash },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        });
      }
      try {
        await this.deps.publisher.commit(writes, prepared.events);
        this.deps.logger.info("referral received", {
          referralId: prepared.record.id,
          kind: prepared.record.kind,
          unit: prepared.record.unit,
          linked: prepared.record.linkedReferralId !== undefined,
        });
        return { created: true, referral: toView(prepared.record, now) };
      } catch (error) {
        const failed = failedConditions(error);
        if (!failed) throw error;
        // A concurrent retry under the same key won: answer with its referral.
        if (idemIndex !== undefined && failed.includes(idemIndex)) {
          const after = await replay();
          if (after) return after;
        }
        // A concurrent referral for the same person took the unit's open row: link to it.
        if (prepared.openIndex !== undefined && failed.includes(prepared.openIndex) && attempt < 3) continue;
        throw error;
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Reading

  private async readForStaff(id: string, caller: Caller): Promise<ReferralRecord> {
    const municipality = requireStaffMunicipality(caller);
    const record = await this.read(id);
    // Another municipality's referral does not exist as far as this caller can tell.
    if (!record || record.municipality !== municipality) throw new HttpProblem(404, NOT_FOUND);
    return record;
  }

  async get(id: string, context: Context): Promise<ReferralDetail> {
    const now = this.deps.clock.now();
    const record = await this.readForStaff(id, context.caller);
    const keys = await this.deps.keys.get();
    const put = this.auditPut(record.id, actorOf(context), "read", now).Put;
    if (put) await this.deps.doc.send(new PutCommand(put));
    return toDetail(record, keys, now);
  }

  async list(query: z.output<typeof listQuerySchema>, context: Context) {
    const municipality = requireStaffMunicipality(context.caller);
    const now = this.deps.clock.now();
    const partition = municipalityIndex.partition(municipality);
    const resume = resumeKey(query.cursor, {
      attributes: ["pk", "sk", "gsi2pk", "gsi2sk"],
      fixed: { gsi2pk: partition, sk: "REF" },
    });
    if (!resume.ok) throw notOurCursor();
    const filters: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ":p": partition };
    if (query.unit) {
      filters.push("#unit = :unit");
      names["#unit"] = "unit";
      values[":unit"] = query.unit;
    }
    if (query.kind) {
      filters.push("#kind = :kind");
      names["#kind"] = "kind";
      values[":kind"] = query.kind;
    }
    if (query.status) {
      filters.push("#status = :status");
      names["#status"] = "status";
      values[":status"] = query.status;
    }
    if (query.overdue !== undefined) {
      // pendingDueAt is set only while the referral is active, so a closed one is never overdue.
      filters.push(
        query.overdue
          ? "pendingDueAt <= :now"
          : "(attribute_not_exists(pendingDueAt) OR pendingDueAt > :now)",
      );
      values[":now"] = now.toISOString();
    }
    const { items, lastKey } = await queryPage(
      this.deps.doc,
      {
        TableName: this.deps.tableName,
        IndexName: municipalityIndex.name,
        KeyConditionExpression: "gsi2pk = :p",
        ExpressionAttributeValues: values,
        ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ScanIndexForward: false,
      },
      { limit: query.limit, startKey: resume.key },
    );
    const records = items.flatMap((item) => parseReferral(item) ?? []);
    await this.auditReads(records, actorOf(context), "list");
    const cursor = encodeCursor(lastKey);
    return { items: records.map((r) => toView(r, now)), ...(cursor ? { cursor } : {}) };
  }

  async audit(query: z.output<typeof auditQuerySchema>, context: Context) {
    const record = await this.readForStaff(query.referral, context.caller);
    const partition = auditPartition(record.id);
    const resume = resumeKey(query.cursor, { attributes: ["pk", "sk"], fixed: { pk: partition } });
    if (!resume.ok) throw notOurCursor();
    const out = await this.deps.doc.send(
      new QueryCommand({
        TableName: this.deps.tableName,
        KeyConditionExpression: "pk = :p",
        ExpressionAttributeValues: { ":p": partition },
        Limit: query.limit,
        ExclusiveStartKey: resume.key,
        ConsistentRead: true,
      }),
    );
    const items = (out.Items ?? []).flatMap((item) => {
      const row = parseStored(auditRecordSchema, item, "audit row");
      return row
        ? [{ at: row.at, actor: row.actor, action: row.action, correlationId: row.correlationId }]
        : [];
    });
    const cursor = encodeCursor(out.LastEvaluatedKey);
    return { items, ...(cursor ? { cursor } : {}) };
  }

  // ------------------------------------------------------------------------------------------
  // Working a referral

  private async readActive(id: string, caller: Caller): Promise<ReferralRecord> {
    const record = await this.readForStaff(id, caller);
    if (!isActive(record))
      throw new HttpProblem(409, `The referral is ${record.status}`, undefined, "not-active");
    return record;
  }

  private commitOrConflict(writes: TransactItem[], events: Envelope[]): Promise<void> {
    return retryOnLostRace("referral", () => this.deps.publisher.commit(writes, events), { attempts: 1 });
  }

  /** Marks a deadline done; a late step the sweep had not yet caught is its breach, recorded now. */
  private completeDeadline(
    record: ReferralRecord,
    type: Deadline["type"],
    now: Date,
    correlationId: string,
  ): { deadlines: Deadline[]; dueAt?: string; events: Envelope[] } {
    const events: Envelope[] = [];
    let dueAt: string | undefined;
    const deadlines = record.deadlines.map((d) => {
      if (d.type !== type || d.doneAt !== undefined) return d;
      dueAt = d.dueAt;
      const done = markDone(d, now);
      if (d.state === "open" && done.state === "breached")
        events.push(this.breachEvent(record, d, now, correlationId));
      return done;
    });
    return { deadlines, ...(dueAt ? { dueAt } : {}), events };
  }

  async recordProtectionAssessment(
    id: string,
    body: { immediateProtectionNeeded: boolean; note?: string | undefined },
    context: Context,
  ): Promise<ReferralView> {
    const now = this.deps.clock.now();
    const current = await this.readActive(id, context.caller);
    if (current.protectionAssessment) {
      throw new HttpProblem(
        409,
        "A protection assessment is already recorded",
        undefined,
        "already-recorded",
      );
    }
    const keys = await this.deps.keys.get();
    const done = this.completeDeadline(current, "protection-assessment", now, context.correlationId);
    const record = withSchedule({
      ...current,
      deadlines: done.deadlines,
      protectionAssessment: {
        at: now.toISOString(),
        by: context.caller.subject,
        immediateProtectionNeeded: body.immediateProtectionNeeded,
        ...optional("noteSealed", sealNote(keys, current.id, body.note)),
      },
      updatedAt: now.toISOString(),
      version: current.version + 1,
    });
    const event = this.event(referralAssessed, record, actorOf(context), now, {
      ...this.facts(record),
      receivedAt: record.receivedAt,
      assessedAt: now.toISOString(),
      ...(done.dueAt ? { dueAt: done.dueAt } : {}),
      assessment: "protection-assessment",
      immediateProtectionNeeded: body.immediateProtectionNeeded,
    });
    await this.commitOrConflict(
      [this.save(record, current.version), this.auditPut(id, actorOf(context), "protection-assessment", now)],
      [...done.events, event],
    );
    return toView(record, now);
  }

  async recordDecision(
    id: string,
    body: { openInvestigation: boolean; reason: string },
    context: Context,
  ): Promise<ReferralView> {
    const now = this.deps.clock.now();
    const current = await this.readActive(id, context.caller);
    if (current.decision)
      throw new HttpProblem(409, "A decision is already recorded", undefined, "already-recorded");
    const keys = await this.deps.keys.get();
    const done = this.completeDeadline(current, "pre-assessment", now, context.correlationId);
    const deadlines = [...done.deadlines];
    const investigation = body.openInvestigation
      ? deadlineOnTrigger(
          "investigation-opened",
          {
            kind: current.kind,
            age: 0,
            firstOffence: current.firstOffence,
            financialAssistance: current.financialAssistance,
          },
          now,
        )
      : undefined;
    if (investigation) deadlines.push(investigation);
    const record = withSchedule({
      ...current,
      deadlines,
      status: body.openInvestigation ? "investigating" : current.status,
      decision: {
        at: now.toISOString(),
        by: context.caller.subject,
        openInvestigation: body.openInvestigation,
        reasonSealed: sealNote(keys, current.id, body.reason) ?? "",
      },
      updatedAt: now.toISOString(),
      version: current.version + 1,
    });
    const event = this.event(referralAssessed, record, actorOf(context), now, {
      ...this.facts(record),
      receivedAt: record.receivedAt,
      assessedAt: now.toISOString(),
      ...(done.dueAt ? { dueAt: done.dueAt } : {}),
      assessment: "pre-assessment",
      openInvestigation: body.openInvestigation,
      ...(investigation ? { investigationDueAt: investigation.dueAt } : {}),
    });
    await this.commitOrConflict(
      [this.save(record, current.version), this.auditPut(id, actorOf(context), "decision", now)],
      [...done.events, event],
    );
    return toView(record, now);
  }

  async recordConversation(
    id: string,
    body: { note?: string | undefined },
    context: Context,
  ): Promise<ReferralView> {
    const now = this.deps.clock.now();
    const current = await this.readActive(id, context.caller);
    if (!current.deadlines.some((d) => d.type === "first-offence-conversation")) {
      throw new HttpProblem(
        409,
        "No first-offence conversation is due for this referral",
        undefined,
        "not-applicable",
      );
    }
    if (current.firstOffenceConversation) {
      throw new HttpProblem(409, "The conversation is already recorded", undefined, "already-recorded");
    }
    const keys = await this.deps.keys.get();
    const done = this.completeDeadline(current, "first-offence-conversation", now, context.correlationId);
    const record = withSchedule({
      ...current,
      deadlines: done.deadlines,
      firstOffenceConversation: {
        at: now.toISOString(),
        by: context.caller.subject,
        ...optional("noteSealed", sealNote(keys, current.id, body.note)),
      },
      updatedAt: now.toISOString(),
      version: current.version + 1,
    });
    const event = this.event(referralAssessed, record, actorOf(context), now, {
      ...this.facts(record),
      receivedAt: record.receivedAt,
      assessedAt: now.toISOString(),
      ...(done.dueAt ? { dueAt: done.dueAt } : {}),
      assessment: "first-offence-conversation",
    });
    await this.commitOrConflict(
      [
        this.save(record, current.version),
        this.auditPut(id, actorOf(context), "first-offence-conversation", now),
      ],
      [...done.events, event],
    );
    return toView(record, now);
  }

  async listCaseworkers(municipality: string, unit: Unit): Promise<CaseworkerRecord[]> {
    const items: CaseworkerRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.deps.doc.send(
        new QueryCommand({
          TableName: this.deps.tableName,
          KeyConditionExpression: "pk = :p AND begins_with(sk, :cw)",
          ExpressionAttributeValues: { ":p": unitPartition(municipality, unit), ":cw": "CW#" },
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      for (const item of out.Items ?? []) {
        const record = parseStored(caseworkerRecordSchema, item, "caseworker");
        if (record) items.push(record);
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  async assign(id: string, caseworkerId: string | undefined, context: Context): Promise<ReferralView> {
    const now = this.deps.clock.now();
    const current = await this.readActive(id, context.caller);
    let chosen: string;
    if (caseworkerId) {
      const found = parseStored(
        caseworkerRecordSchema,
        await this.readItem(caseworkerKey(current.municipality, current.unit, caseworkerId)),
        "caseworker",
      );
      if (!found) {
        throw new HttpProblem(422, "No caseworker with this id in the referral's unit", [
          { path: "caseworkerId", message: "is not a caseworker in the referral's unit" },
        ]);
      }
      chosen = found.caseworkerId;
    } else {
      const suggestion = suggestCaseworker(await this.listCaseworkers(current.municipality, current.unit));
      if (!suggestion) {
        throw new HttpProblem(409, "The unit has no caseworker with capacity", undefined, "no-caseworker");
      }
      chosen = suggestion.caseworkerId;
    }
    if (current.assignee === chosen) return toView(current, now);
    const record: ReferralRecord = {
      ...current,
      assignee: chosen,
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    const writes = [this.save(record, current.version), this.auditPut(id, actorOf(context), "assign", now)];
    if (countsTowardCaseload(current)) {
      writes.push(this.caseloadChange(current, chosen, 1));
      if (current.assignee) writes.push(this.caseloadChange(current, current.assignee, -1));
    }
    const event = this.event(referralAssigned, record, actorOf(context), now, {
      ...this.facts(record),
      assignedAt: now.toISOString(),
      caseworkerId: chosen,
      ...(current.assignee ? { previousCaseworkerId: current.assignee } : {}),
      suggested: caseworkerId === undefined,
    });
    await this.commitOrConflict(writes, [event]);
    return toView(record, now);
  }

  /** The transaction items and event that end a referral, by staff or by a withdrawn notice. */
  closeItems(
    current: ReferralRecord,
    reason: CloseReason,
    note: string | undefined,
    keys: KeyMaterial,
    actor: Actor,
    now: Date,
  ): { record: ReferralRecord; writes: TransactItem[]; events: Envelope[] } {
    // A plan or an investigation that ends with the referral is done when it ends.
    const completes = (d: Deadline) =>
      reason !== "withdrawn" &&
      ((d.type === "investigation" && reason === "investigation-concluded") || d.type === "release-plan");
    const events: Envelope[] = [];
    const deadlines = current.deadlines.map((d) => {
      if (d.doneAt !== undefined || !completes(d)) return d;
      const done = markDone(d, now);
      if (d.state === "open" && done.state === "breached")
        events.push(this.breachEvent(current, d, now, actor.correlationId));
      return done;
    });
    const record = withSchedule({
      ...current,
      deadlines,
      status: reason === "withdrawn" ? "withdrawn" : "closed",
      closure: {
        at: now.toISOString(),
        by: actor.actor,
        reason,
        ...optional("noteSealed", sealNote(keys, current.id, note)),
      },
      updatedAt: now.toISOString(),
      version: current.version + 1,
    });
    const writes: TransactItem[] = [
      this.save(record, current.version),
      this.auditPut(current.id, actor, `close:${reason}`, now),
    ];
    if (current.linkedReferralId === undefined) {
      // The person has no open referral in the unit now: the next one opens a case of its own.
      writes.push({
        Delete: {
          TableName: this.deps.tableName,
          Key: openInUnitKey(current.municipality, current.unit, current.subjectRef),
        },
      });
    }
    if (current.assignee && countsTowardCaseload(current))
      writes.push(this.caseloadChange(current, current.assignee, -1));
    events.push(
      this.event(referralClosed, record, actor, now, {
        ...this.facts(record),
        receivedAt: record.receivedAt,
        closedAt: now.toISOString(),
        reason,
      }),
    );
    return { record, writes, events };
  }

  async close(
    id: string,
    reason: Exclude<CloseReason, "withdrawn">,
    note: string | undefined,
    context: Context,
  ) {
    const now = this.deps.clock.now();
    const current = await this.readActive(id, context.caller);
    const keys = await this.deps.keys.get();
    const { record, writes, events } = this.closeItems(current, reason, note, keys, actorOf(context), now);
    await this.commitOrConflict(writes, events);
    return toView(record, now);
  }

  // ------------------------------------------------------------------------------------------
  // Caseworkers

  async putCaseworker(
    unit: Unit,
    caseworkerId: string,
    body: z.output<typeof putCaseworkerBodySchema>,
    context: Context,
  ) {
    const municipality = requireStaffMunicipality(context.caller);
    const out = await this.deps.doc.send(
      new UpdateCommand({
        TableName: this.deps.tableName,
        Key: caseworkerKey(municipality, unit, caseworkerId),
        UpdateExpression:
          "SET #id = :id, #m = :m, #unit = :u, #name = :n, #capacity = :c, #caseload = if_not_exists(#caseload, :zero)",
        ExpressionAttributeNames: {
          "#id": "caseworkerId",
          "#m": "municipality",
          "#unit": "unit",
          "#name": "name",
          "#capacity": "capacity",
          "#caseload": "caseload",
        },
        ExpressionAttributeValues: {
          ":id": caseworkerId,
          ":m": municipality,
          ":u": unit,
          ":n": body.name,
          ":c": body.capacity,
          ":zero": 0,
        },
        ReturnValues: "ALL_NEW",
      }),
    );
    const record = parseStored(caseworkerRecordSchema, out.Attributes, "caseworker");
    if (!record) throw new Error("the caseworker update returned nothing");
    return caseworkerView(record);
  }
}

/**
 * The caseworker with the lowest caseload relative to capacity; ties go to the smaller caseload,
 * then the id, so the choice is stable. Nobody with a capacity of 0 is suggested.
 */
export const suggestCaseworker = <C extends { caseworkerId: string; capacity: number; caseload: number }>(
  caseworkers: readonly C[],
): C | undefined =>
  [...caseworkers]
    .filter((c) => c.capacity > 0)
    .sort(
      (a, b) =>
        a.caseload / a.capacity - b.caseload / b.capacity ||
        a.caseload - b.caseload ||
        (a.caseworkerId < b.caseworkerId ? -1 : 1),
    )[0];
