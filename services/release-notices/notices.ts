import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { z } from "zod";
import { retryOnLostRace } from "../../shared/app/lost-race";
import { type Caller, requireMunicipalityAccess, requireStaffMunicipality } from "../../shared/domain/caller";
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
  releaseNoticeReceived,
  releaseNoticeUpdated,
  releaseNoticeWithdrawn,
  releasePlanReady,
} from "../../shared/events/catalogue/release-notices";
import type { Envelope } from "../../shared/events/envelope";
import { newEvent } from "../../shared/events/outbox";
import { canonicalJson, keyedHash } from "../../shared/hashing";
import { HttpProblem } from "../../shared/http/problem";
import { type IdentityNumber, parseIdentityNumber, seal, subjectRef, unseal } from "../../shared/identity";
import { newId } from "../../shared/ids";
import { isKommunkod } from "../../shared/municipalities";
import type { KeyMaterial } from "../../shared/runtime/keys";
import { addCalendarDays, startOfStockholmDay } from "../../shared/time";
import type {
  CreateNoticeBody,
  listQuerySchema,
  NoticeView,
  PLAN_MILESTONES,
  Receipt,
  UpdateNoticeBody,
  WITHDRAWAL_REASONS,
} from "./contract";
import type { ReleaseNoticesDeps } from "./deps";
import { isReleaseDateInPast, leadTime, nextStage, planDueAt, RETENTION_DAYS_AFTER_RELEASE } from "./domain";
import { auditKey, dueIndex, municipalityIndex, noticeKey } from "./keys";
import { type NoticeRecord, parseNoticeRecord } from "./records";

type Milestone = (typeof PLAN_MILESTONES)[number];
type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

export interface Context {
  readonly caller: Caller;
  readonly correlationId: string;
}

const SOURCE = "release-notices" as const;

const invalidIdentity = () =>
  new HttpProblem(400, "Some fields are not valid", [
    { path: "person.personalIdentityNumber", message: "is not a valid personnummer or samordningsnummer" },
  ]);

const requestHash = (keys: KeyMaterial, kind: string, body: unknown): string =>
  keyedHash(keys.linkingKey, kind, canonicalJson(body));

const expiresAtFor = (releaseDate: string): number =>
  Math.floor(
    startOfStockholmDay(addCalendarDays(releaseDate, RETENTION_DAYS_AFTER_RELEASE)).getTime() / 1000,
  );

/** The deadline's state as it truly is now, even before the sweep has marked a breach. */
const effectiveDeadlineState = (record: NoticeRecord, now: Date): NoticeRecord["plan"]["state"] =>
  record.plan.state === "open" && record.status !== "withdrawn" && new Date(record.plan.dueAt) <= now
    ? "breached"
    : record.plan.state;

export const toReceipt = (record: NoticeRecord): Receipt => ({
  id: record.id,
  noticeId: record.noticeId,
  status: record.status,
  leadDays: record.leadDays,
  onTime: record.onTime,
  planDueDate: record.expectedReleaseDate,
});

export const toStatusView = (record: NoticeRecord) => ({
  ...toReceipt(record),
  municipality: record.municipality,
  expectedReleaseDate: record.expectedReleaseDate,
  updatedAt: record.updatedAt,
});

const toSummaryView = (record: NoticeRecord, now: Date) => ({
  ...toStatusView(record),
  institution: record.institution,
  releaseType: record.releaseType,
  needs: record.needs,
  receivedAt: record.receivedAt,
  planDeadline: {
    dueDate: record.expectedReleaseDate,
    state: effectiveDeadlineState(record, now),
    remindersSent: record.plan.remindersSent,
  },
  ...(record.withdrawal ? { withdrawal: record.withdrawal } : {}),
});

const toFullView = (record: NoticeRecord, keys: KeyMaterial, now: Date): NoticeView => ({
  ...toSummaryView(record, now),
  person: { personalIdentityNumber: unseal(record.subjectSealed, keys.sealingKeys) },
  contact: record.contact,
  milestones: record.milestones,
});

/** Schedules (or unschedules) the record on the due index from its plan state. */
const withSchedule = (record: NoticeRecord, now: Date): NoticeRecord => {
  const { gsi1pk: _p, gsi1sk: _s, ...rest } = record;
  if (record.status === "withdrawn" || record.plan.state !== "open") return rest;
  const next = nextStage(record.expectedReleaseDate, record.plan.remindersSent, now);
  if (!next) return rest;
  return { ...rest, gsi1pk: dueIndex.partition, gsi1sk: dueIndex.sort(next.at, record.noticeId) };
};

export class ReleaseNotices {
  constructor(private readonly deps: ReleaseNoticesDeps) {}

  private async read(noticeId: string): Promise<NoticeRecord | undefined> {
    const out = await this.deps.doc.send(
      new GetCommand({ TableName: this.deps.tableName, Key: noticeKey(noticeId), ConsistentRead: true }),
    );
    return parseNoticeRecord(out.Item);
  }

  private auditPut(
    noticeId: string,
    context: Context,
    action: string,
    at: Date,
    releaseDate: string,
  ): TransactItem {
    return {
      Put: {
        TableName: this.deps.tableName,
        Item: {
          ...auditKey(noticeId, at, newId()),
          noticeId,
          action,
          actor: context.caller.subject,
          at: at.toISOString(),
          correlationId: context.correlationId,
          expiresAt: expiresAtFor(releaseDate),
        },
      },
    };
  }

  /** Reads are audited as well as writes: who looked at whose notice, and when. */
  private async auditRead(record: NoticeRecord, context: Context, action: string): Promise<void> {
    const put = this.auditPut(
      record.noticeId,
      context,
      action,
      this.deps.clock.now(),
      record.expectedReleaseDate,
    );
    if (put.Put) await this.deps.doc.send(new PutCommand(put.Put));
  }

  /** For the sweep: the same scheduling and conditional write the requests use. */
  reschedule(record: NoticeRecord, now: Date): NoticeRecord {
    return withSchedule(record, now);
  }

  saveItem(record: NoticeRecord, expectedVersion: number): TransactItem {
    return this.save(record, expectedVersion);
  }

  private async auditReads(
    records: readonly NoticeRecord[],
    context: Context,
    action: string,
  ): Promise<void> {
    const at = this.deps.clock.now();
    const rows = records.flatMap((r) => {
      const put = this.auditPut(r.noticeId, context, action, at, r.expectedReleaseDate).Put;
      return put?.Item ? [put.Item] : [];
    });
    await batchPutAll(this.deps.doc, this.deps.tableName, rows);
  }

  private save(record: NoticeRecord, expectedVersion: number | undefined): TransactItem {
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

  private event<C extends Parameters<typeof newEvent>[0]>(
    contract: C,
    record: NoticeRecord,
    context: { correlationId: string },
    now: Date,
    data: Parameters<typeof newEvent<C>>[1]["data"],
  ): Envelope {
    return newEvent(contract, {
      source: SOURCE,
      municipality: record.municipality,
      correlationId: context.correlationId,
      occurredAt: now,
      data,
    });
  }

  private checkIdentityAndPlace(body: UpdateNoticeBody, now: Date): IdentityNumber {
    const identity = parseIdentityNumber(body.person.personalIdentityNumber, now);
    if (!identity) throw invalidIdentity();
    if (!isKommunkod(body.municipality)) {
      throw new HttpProblem(400, "Some fields are not valid", [
        { path: "municipality", message: "is not a Swedish municipality code" },
      ]);
    }
    return identity;
  }

  private checkReleaseDate(releaseDate: string, now: Date): void {
    if (isReleaseDateInPast(releaseDate, now)) {
      throw new HttpProblem(422, "The release date has passed", [
        { path: "expectedReleaseDate", message: "must be today or later" },
      ]);
    }
  }

  private noticeFacts(record: NoticeRecord) {
    return {
      noticeId: record.noticeId,
      expectedReleaseDate: record.expectedReleaseDate,
      releaseType: record.releaseType,
      needs: record.needs,
      receivedAt: record.receivedAt,
      leadDays: record.leadDays,
      onTime: record.onTime,
      planDueDate: record.expectedReleaseDate,
      subjectRef: record.subjectRef,
    };
  }

  async create(body: CreateNoticeBody, context: Context): Promise<{ created: boolean; receipt: Receipt }> {
    const now = this.deps.clock.now();
    const identity = this.checkIdentityAndPlace(body, now);
    requireMunicipalityAccess(context.caller, body.municipality);
    const keys = await this.deps.keys.get();
    const hash = requestHash(keys, "create", {
      ...body,
      person: { personalIdentityNumber: identity.canonical },
    });
    if (isReleaseDateInPast(body.expectedReleaseDate, now)) {
      // A retry that arrives after the release day still gets its receipt: the notice came in.
      const existing = await this.read(body.noticeId);
      if (existing && existing.createRequestHash === hash)
        return { created: false, receipt: toReceipt(existing) };
      this.checkReleaseDate(body.expectedReleaseDate, now);
    }

    const { leadDays, onTime } = leadTime(now, body.expectedReleaseDate);
    const record = withSchedule(
      {
        ...noticeKey(body.noticeId),
        id: newId(now.getTime()),
        noticeId: body.noticeId,
        municipality: body.municipality,
        subjectRef: subjectRef(identity, keys.linkingKey),
        subjectSealed: seal(identity.canonical, { kid: keys.sealingKid, key: sealingKeyOf(keys) }),
        institution: body.institution,
        expectedReleaseDate: body.expectedReleaseDate,
        releaseType: body.releaseType,
        needs: body.needs,
        contact: body.contact,
        receivedAt: now.toISOString(),
        updatedAt: now.toISOString(),
        leadDays,
        onTime,
        status: "received",
        createRequestHash: hash,
        version: 0,
        plan: { dueAt: planDueAt(body.expectedReleaseDate).toISOString(), state: "open", remindersSent: [] },
        milestones: [],
        gsi2pk: municipalityIndex.partition(body.municipality),
        gsi2sk: municipalityIndex.sort(body.expectedReleaseDate, body.noticeId),
        expiresAt: expiresAtFor(body.expectedReleaseDate),
      },
      now,
    );
    const event = this.event(releaseNoticeReceived, record, context, now, {
      ...this.noticeFacts(record),
      // Sealed for the consumer that must open a case (intake); everyone else sees only the reference.
      subjectSealed: seal(identity.canonical, { kid: keys.sealingKid, key: sealingKeyOf(keys) }),
    });
    try {
      await this.deps.publisher.commit(
        [
          this.save(record, undefined),
          this.auditPut(record.noticeId, context, "create", now, record.expectedReleaseDate),
        ],
        [event],
      );
      this.deps.logger.info("notice received", { noticeId: record.noticeId, leadDays, onTime });
      return { created: true, receipt: toReceipt(record) };
    } catch (error) {
      if (!failedConditions(error)?.includes(0)) throw error;
    }
    // The id is taken: the same notice retried (possibly concurrently) gets the same receipt.
    const existing = await this.read(body.noticeId);
    if (existing && existing.createRequestHash === hash)
      return { created: false, receipt: toReceipt(existing) };
    throw new HttpProblem(
      409,
      "A different notice was already received under this noticeId; use PUT to update it",
      undefined,
      "notice-conflict",
    );
  }

  private async readForKriminalvarden(noticeId: string, caller: Caller): Promise<NoticeRecord> {
    const record = await this.read(noticeId);
    if (!record) throw new HttpProblem(404, "No notice with this noticeId");
    if (caller.municipality !== undefined && caller.municipality !== record.municipality) {
      throw new HttpProblem(404, "No notice with this noticeId");
    }
    return record;
  }

  async update(noticeId: string, body: UpdateNoticeBody, context: Context): Promise<Receipt> {
    const now = this.deps.clock.now();
    const current = await this.readForKriminalvarden(noticeId, context.caller);
    const keys = await this.deps.keys.get();
    const identity = parseIdentityNumber(body.person.personalIdentityNumber, now);
    if (!identity) throw invalidIdentity();
    const hash = requestHash(keys, "update", {
      ...body,
      person: { personalIdentityNumber: identity.canonical },
    });
    if (current.updateRequestHash === hash) return toReceipt(current);
    if (current.status === "withdrawn")
      throw new HttpProblem(409, "The notice has been withdrawn", undefined, "withdrawn");
    this.checkIdentityAndPlace(body, now);
    this.checkReleaseDate(body.expectedReleaseDate, now);
    if (subjectRef(identity, keys.linkingKey) !== current.subjectRef) {
      throw new HttpProblem(
        409,
        "The notice is about another person; post a new notice",
        undefined,
        "notice-conflict",
      );
    }
    if (body.municipality !== current.municipality) {
      throw new HttpProblem(
        409,
        "The municipality cannot change; withdraw this notice and post a new one to the new municipality",
        undefined,
        "notice-conflict",
      );
    }
    const dateChanged = body.expectedReleaseDate !== current.expectedReleaseDate;
    // A new date is news to the municipality now, so its lead time counts from now.
    const lead = dateChanged ? leadTime(now, body.expectedReleaseDate) : current;
    const plan: NoticeRecord["plan"] =
      // A plan once ready stays ready whatever the date does; otherwise the new date starts a new deadline.
      dateChanged && current.plan.readyAt === undefined
        ? { dueAt: planDueAt(body.expectedReleaseDate).toISOString(), state: "open", remindersSent: [] }
        : current.plan;
    const record = withSchedule(
      {
        ...current,
        institution: body.institution,
        expectedReleaseDate: body.expectedReleaseDate,
        releaseType: body.releaseType,
        needs: body.needs,
        contact: body.contact,
        updatedAt: now.toISOString(),
        leadDays: lead.leadDays,
        onTime: lead.onTime,
        plan,
        updateRequestHash: hash,
        version: current.version + 1,
        gsi2sk: municipalityIndex.sort(body.expectedReleaseDate, noticeId),
        expiresAt: expiresAtFor(body.expectedReleaseDate),
      },
      now,
    );
    const event = this.event(releaseNoticeUpdated, record, context, now, {
      ...this.noticeFacts(record),
      subjectSealed: seal(identity.canonical, { kid: keys.sealingKid, key: sealingKeyOf(keys) }),
      updatedAt: now.toISOString(),
      previousExpectedReleaseDate: current.expectedReleaseDate,
    });
    await this.commitOrConflict(
      [
        this.save(record, current.version),
        this.auditPut(noticeId, context, "update", now, record.expectedReleaseDate),
      ],
      [event],
    );
    return toReceipt(record);
  }

  async withdraw(noticeId: string, reason: WithdrawalReason | undefined, context: Context): Promise<Receipt> {
    const now = this.deps.clock.now();
    const current = await this.readForKriminalvarden(noticeId, context.caller);
    if (current.status === "withdrawn") return toReceipt(current);
    const record = withSchedule(
      {
        ...current,
        status: "withdrawn",
        updatedAt: now.toISOString(),
        withdrawal: { at: now.toISOString(), ...(reason ? { reason } : {}) },
        version: current.version + 1,
      },
      now,
    );
    const event = this.event(releaseNoticeWithdrawn, record, context, now, {
      noticeId,
      withdrawnAt: now.toISOString(),
      subjectRef: record.subjectRef,
    });
    await this.commitOrConflict(
      [
        this.save(record, current.version),
        this.auditPut(noticeId, context, "withdraw", now, record.expectedReleaseDate),
      ],
      [event],
    );
    return toReceipt(record);
  }

  /** Kriminalvården sees the status; the municipality's staff see the notice; nobody else sees it exists. */
  async get(noticeId: string, context: Context, asStaff: boolean) {
    const now = this.deps.clock.now();
    if (asStaff) {
      const municipality = requireStaffMunicipality(context.caller);
      const record = await this.read(noticeId);
      if (!record || record.municipality !== municipality)
        throw new HttpProblem(404, "No notice with this noticeId");
      const keys = await this.deps.keys.get();
      await this.auditRead(record, context, "read");
      return toFullView(record, keys, now);
    }
    const record = await this.readForKriminalvarden(noticeId, context.caller);
    await this.auditRead(record, context, "read-status");
    return toStatusView(record);
  }

  async list(query: z.output<typeof listQuerySchema>, context: Context) {
    const municipality = requireStaffMunicipality(context.caller);
    const now = this.deps.clock.now();
    const resume = resumeKey(query.cursor, {
      attributes: ["pk", "sk", "gsi2pk", "gsi2sk"],
      fixed: { gsi2pk: municipalityIndex.partition(municipality), sk: "NOTICE" },
    });
    if (!resume.ok) {
      throw new HttpProblem(400, "Some fields are not valid", [
        { path: "query.cursor", message: "is not a cursor we issued" },
      ]);
    }
    if (query.releaseFrom && query.releaseTo && query.releaseFrom > query.releaseTo) {
      throw new HttpProblem(400, "Some fields are not valid", [
        { path: "query.releaseFrom", message: "must not be after releaseTo" },
      ]);
    }
    const from = municipalityIndex.from(query.releaseFrom ?? "0000-00-00");
    const to = municipalityIndex.to(query.releaseTo ?? "9999-99-99");
    const { items, lastKey } = await queryPage(
      this.deps.doc,
      {
        TableName: this.deps.tableName,
        IndexName: municipalityIndex.name,
        KeyConditionExpression: "gsi2pk = :p AND gsi2sk BETWEEN :from AND :to",
        ExpressionAttributeValues: {
          ":p": municipalityIndex.partition(municipality),
          ":from": from,
          ":to": to,
          ...(query.status ? { ":status": query.status } : {}),
        },
        ...(query.status
          ? { FilterExpression: "#status = :status", ExpressionAttributeNames: { "#status": "status" } }
          : {}),
      },
      { limit: query.limit, startKey: resume.key },
    );
    const records = items.flatMap((item) => parseNoticeRecord(item) ?? []);
    // A list shows needs (addiction, mental health, threat): each notice shown is a read, audited.
    await this.auditReads(records, context, "list");
    const cursor = encodeCursor(lastKey);
    return { items: records.map((record) => toSummaryView(record, now)), ...(cursor ? { cursor } : {}) };
  }

  async recordMilestone(noticeId: string, milestone: Milestone, note: string | undefined, context: Context) {
    const now = this.deps.clock.now();
    const municipality = requireStaffMunicipality(context.caller);
    const current = await this.read(noticeId);
    if (!current || current.municipality !== municipality)
      throw new HttpProblem(404, "No notice with this noticeId");
    if (current.status === "withdrawn")
      throw new HttpProblem(409, "The notice has been withdrawn", undefined, "withdrawn");
    const keys = await this.deps.keys.get();
    if (milestone === "plan-ready" && current.status === "plan-ready") {
      return toFullView(current, keys, now);
    }
    const entry = { milestone, at: now.toISOString(), by: context.caller.subject, ...(note ? { note } : {}) };
    const events: Envelope[] = [];
    let record: NoticeRecord = {
      ...current,
      milestones: [...current.milestones, entry],
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    if (milestone === "contact-made" && current.status === "received") {
      record = { ...record, status: "planning" };
    }
    if (milestone === "plan-ready") {
      const dueAt = new Date(current.plan.dueAt);
      const byReleaseDate = now < dueAt;
      if (!byReleaseDate && current.plan.state === "open") {
        // The sweep had not yet marked the breach; it will not now, so the breach is recorded here.
        events.push(this.breachEvent(current, now, context.correlationId));
      }
      record = {
        ...record,
        status: "plan-ready",
        plan: { ...current.plan, state: byReleaseDate ? "met" : "breached", readyAt: now.toISOString() },
      };
      events.push(
        this.event(releasePlanReady, record, context, now, {
          noticeId,
          readyAt: now.toISOString(),
          planDueDate: record.expectedReleaseDate,
          byReleaseDate,
        }),
      );
    }
    record = withSchedule(record, now);
    await this.commitOrConflict(
      [
        this.save(record, current.version),
        this.auditPut(noticeId, context, `milestone:${milestone}`, now, record.expectedReleaseDate),
      ],
      events,
    );
    return toFullView(record, keys, now);
  }

  breachEvent(record: NoticeRecord, now: Date, correlationId: string): Envelope {
    return this.event(deadlineBreached, record, { correlationId }, now, {
      service: SOURCE,
      subject: { type: "release-notice", id: record.noticeId },
      deadline: "release-plan",
      dueAt: record.plan.dueAt,
      breachedAt: now.toISOString(),
    });
  }

  private commitOrConflict(writes: TransactItem[], events: Envelope[]): Promise<void> {
    return retryOnLostRace("notice", () => this.deps.publisher.commit(writes, events), { attempts: 1 });
  }
}

const sealingKeyOf = (keys: KeyMaterial): Uint8Array => {
  const key = keys.sealingKeys.get(keys.sealingKid);
  if (!key) throw new Error("the current sealing key is missing");
  return key;
};
