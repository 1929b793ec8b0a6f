import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type DueEntry, dueEntries } from "../../../shared/app/sweep";
import { type AuditRow, auditKey, auditPut, putAuditRows } from "../../../shared/audit-trail";
import { encodeCursor, queryDue, queryPage, resumeKey, type TransactItem } from "../../../shared/dynamo";
import type { Envelope } from "../../../shared/events/envelope";
import type { EventPublisher } from "../../../shared/events/outbox";
import { newId } from "../../../shared/ids";
import type { NoticeStatus } from "../domain/notice";
import { noticeAuditExpiry } from "../domain/retention";
import type { AuditFact, Transition } from "../domain/transition";
import { auditSubjectKey, dueIndex, municipalityIndex, noticeKey, statusIndex } from "./keys";
import { noticeItem, parseNoticeItem, type VersionedNotice } from "./notice-item";

export interface NoticeTableDeps {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Where the audit rows go: apart from the notices, append-only (shared/audit-trail.ts). */
  readonly auditTableName: string;
  readonly publisher: EventPublisher;
}

/** Where a notice's audit row sits and how long it is kept: beyond the notice (domain/retention.ts). */
export interface AuditSubject {
  readonly noticeId: string;
  /** The notice's municipality: who reads the trail once the notice is gone. */
  readonly municipality: string;
  readonly releaseDate: string;
  /** The notice's last change, which may keep it (and so its audit rows) longer. */
  readonly updatedAt?: string;
}

/** Every status but withdrawn has a list of its own (gsi3). */
const onStatusList = (status: NoticeStatus | undefined): status is Exclude<NoticeStatus, "withdrawn"> =>
  status !== undefined && status !== "withdrawn";

export interface ListPageQuery {
  readonly municipality: string;
  readonly status?: NoticeStatus;
  readonly releaseFrom?: string;
  readonly releaseTo?: string;
  readonly limit: number;
  readonly startKey: Record<string, string> | undefined;
}

/**
 * The release-notices table: the only code of the service that talks to DynamoDB. A notice is
 * one item; its audit rows share its retention; its events go in the same transaction (outbox).
 */
export const noticeTable = (deps: NoticeTableDeps) => {
  const { doc, tableName } = deps;

  const auditItem = (subject: AuditSubject, fact: AuditFact, correlationId: string): AuditRow => ({
    key: auditKey("release-notices", auditSubjectKey(subject.noticeId), fact.at, newId()),
    municipality: subject.municipality,
    attributes: {
      noticeId: subject.noticeId,
      action: fact.action,
      actor: fact.actor,
      at: fact.at.toISOString(),
      correlationId,
    },
    expiresAt: noticeAuditExpiry({
      expectedReleaseDate: subject.releaseDate,
      ...(subject.updatedAt ? { updatedAt: subject.updatedAt } : {}),
    }),
  });

  /** The notice's put, conditioned on the version read ("new": on no notice under this id). */
  const noticePut = (t: Transition, expected: number | "new"): TransactItem => ({
    Put: {
      TableName: tableName,
      Item: noticeItem(t.notice, expected === "new" ? 0 : expected + 1, t.nextDueAt),
      ...(expected === "new"
        ? { ConditionExpression: "attribute_not_exists(pk)" }
        : { ConditionExpression: "version = :v", ExpressionAttributeValues: { ":v": expected } }),
    },
  });

  return {
    /** The notice as it is now (consistent read), with its version. */
    async read(noticeId: string): Promise<VersionedNotice | undefined> {
      const out = await doc.send(
        new GetCommand({ TableName: tableName, Key: noticeKey(noticeId), ConsistentRead: true }),
      );
      return parseNoticeItem(out.Item);
    },

    /**
     * The new state, its audit row and its events in one transaction; the notice's put comes first,
     * so a lost optimistic race shows as the first item's failed condition (shared/app/lost-race).
     */
    async commit(
      t: Transition,
      expected: number | "new",
      events: readonly Envelope[],
      correlationId: string,
    ): Promise<void> {
      const subject = {
        noticeId: t.notice.noticeId,
        municipality: t.notice.municipality,
        releaseDate: t.notice.expectedReleaseDate,
        updatedAt: t.notice.updatedAt,
      };
      const writes: TransactItem[] = [
        noticePut(t, expected),
        ...(t.audit ? [auditPut(deps.auditTableName, auditItem(subject, t.audit, correlationId))] : []),
      ];
      await deps.publisher.commit(writes, events);
    },

    /** Reads are audited as well as writes: who looked at whose notice, and when. */
    async auditRead(subject: AuditSubject, fact: AuditFact, correlationId: string): Promise<void> {
      await putAuditRows(deps, [auditItem(subject, fact, correlationId)]);
    },

    async auditReads(
      subjects: readonly AuditSubject[],
      fact: AuditFact,
      correlationId: string,
    ): Promise<void> {
      await putAuditRows(
        deps,
        subjects.map((subject) => auditItem(subject, fact, correlationId)),
      );
    },

    /**
     * Where a listing resumes: undefined to start, or the key a cursor we issued for this very
     * municipality's listing (in this status, when the status list is read) names; anything else
     * is refused ("invalid").
     */
    resumeFrom(
      municipality: string,
      cursor: string | undefined,
      status?: NoticeStatus,
    ): Record<string, string> | undefined | "invalid" {
      const resume = onStatusList(status)
        ? resumeKey(cursor, {
            attributes: ["pk", "sk", "gsi3pk", "gsi3sk"],
            fixed: { gsi3pk: statusIndex.partition(municipality, status), sk: "NOTICE" },
          })
        : resumeKey(cursor, {
            attributes: ["pk", "sk", "gsi2pk", "gsi2sk"],
            fixed: { gsi2pk: municipalityIndex.partition(municipality), sk: "NOTICE" },
          });
      return resume.ok ? resume.key : "invalid";
    },

    /**
     * One page of a municipality's notices by release date, both ends included. A status is a key
     * of its own list (gsi3), so the page reads only notices in it; withdrawn ones, off that list,
     * are found among all of them.
     */
    async listPage(
      query: ListPageQuery,
    ): Promise<{ notices: VersionedNotice[]; cursor: string | undefined }> {
      const range = {
        ":from": municipalityIndex.from(query.releaseFrom ?? "0000-00-00"),
        ":to": municipalityIndex.to(query.releaseTo ?? "9999-99-99"),
      };
      const { items, lastKey } = onStatusList(query.status)
        ? await queryPage(
            doc,
            {
              TableName: tableName,
              IndexName: statusIndex.name,
              KeyConditionExpression: "gsi3pk = :p AND gsi3sk BETWEEN :from AND :to",
              ExpressionAttributeValues: {
                ":p": statusIndex.partition(query.municipality, query.status),
                ...range,
              },
            },
            { limit: query.limit, startKey: query.startKey },
          )
        : await queryPage(
            doc,
            {
              TableName: tableName,
              IndexName: municipalityIndex.name,
              KeyConditionExpression: "gsi2pk = :p AND gsi2sk BETWEEN :from AND :to",
              ExpressionAttributeValues: {
                ":p": municipalityIndex.partition(query.municipality),
                ...range,
                ...(query.status ? { ":status": query.status } : {}),
              },
              ...(query.status
                ? { FilterExpression: "#status = :status", ExpressionAttributeNames: { "#status": "status" } }
                : {}),
            },
            { limit: query.limit, startKey: query.startKey },
          );
      return { notices: items.flatMap((item) => parseNoticeItem(item) ?? []), cursor: encodeCursor(lastKey) };
    },

    /** What the deadline sweep must act on: only the notices due by `now`, at most `maxItems`, each parsed in the sweep's guard. */
    async due(now: Date, maxItems: number): Promise<DueEntry<VersionedNotice>[]> {
      const items = await queryDue(doc, {
        tableName,
        indexName: dueIndex.name,
        partition: dueIndex.partition,
        upTo: dueIndex.upTo(now),
        maxItems,
      });
      return dueEntries(items, parseNoticeItem);
    },
  };
};

export type NoticeTable = ReturnType<typeof noticeTable>;
