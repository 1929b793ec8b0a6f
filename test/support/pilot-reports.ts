/**
 * Helpers for the pilot-reports tests: one builder per counted event type (valid against the
 * shared catalogue, with synthetic ids and no real person), SQS events carrying them, and a
 * Lambda context.
 */
import { randomUUID } from "node:crypto";
import type { Context, SQSEvent, SQSRecord } from "aws-lambda";
import { RELATIONS } from "../../services/pilot-reports/domain/relations";
import {
  hotlineCallReceived,
  hotlineCallRouted,
  hotlineCallUnanswered,
  hotlineTriageCompleted,
  referralAssessed,
  referralReceived,
  releaseNoticeReceived,
  releaseNoticeWithdrawn,
  releasePlanReady,
} from "../../shared/events/catalogue";
import type { AGE_GROUPS, REFERRAL_KINDS } from "../../shared/events/catalogue/intake";
import type { Envelope } from "../../shared/events/envelope";
import { newEvent } from "../../shared/events/outbox";

const SUBJECT_REF = "3fb077b287409b6ca881a40c3ad618e3d3a6ab89a09740a7a93713f82b5da1b6";
const SEALED = "v1.dev.c2FtcGxlLWl2LTEy.c2FtcGxlIHNlYWxlZCBpZGVudGl0eSwgbm90IGEgcmVhbCBvbmU6IGQ";

let serial = 0;
const id = (prefix: string) => `${prefix}-${(serial++).toString(36)}`;
const hoursAfter = (iso: string, hours: number) =>
  new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

const base = (municipality: string, source: Envelope["source"], at: string) => ({
  source,
  municipality,
  correlationId: "test",
  occurredAt: new Date(at),
});

export const events = {
  referralReceived: (
    municipality: string,
    receivedAt: string,
    options: { kind?: (typeof REFERRAL_KINDS)[number]; ageGroup?: (typeof AGE_GROUPS)[number] } = {},
  ) =>
    newEvent(referralReceived, {
      ...base(municipality, "intake", receivedAt),
      data: {
        referralId: id("ref"),
        kind: options.kind ?? "concern",
        unit: "mottag-barn",
        ageGroup: options.ageGroup ?? "13-17",
        receivedAt,
        subjectRef: SUBJECT_REF,
        firstOffence: false,
        reporterRole: "school",
        deadlines: [],
      },
    }),
  preAssessment: (municipality: string, receivedAt: string, assessedAt: string, dueAt?: string) =>
    newEvent(referralAssessed, {
      ...base(municipality, "intake", assessedAt),
      data: {
        referralId: id("ref"),
        kind: "concern",
        unit: "mottag-barn",
        ageGroup: "13-17",
        receivedAt,
        assessedAt,
        ...(dueAt ? { dueAt } : {}),
        assessment: "pre-assessment",
        openInvestigation: false,
      },
    }),
  firstOffenceConversation: (municipality: string, receivedAt: string, assessedAt: string, dueAt?: string) =>
    newEvent(referralAssessed, {
      ...base(municipality, "intake", assessedAt),
      data: {
        referralId: id("ref"),
        kind: "police",
        unit: "mottag-barn",
        ageGroup: "13-17",
        receivedAt,
        assessedAt,
        ...(dueAt ? { dueAt } : {}),
        assessment: "first-offence-conversation",
      },
    }),
  noticeReceived: (municipality: string, receivedAt: string, leadDays: number, onTime = leadDays >= 92) =>
    newEvent(releaseNoticeReceived, {
      ...base(municipality, "release-notices", receivedAt),
      data: {
        noticeId: id("KV"),
        expectedReleaseDate: "2027-06-15",
        releaseType: "conditional",
        needs: ["housing"],
        receivedAt,
        leadDays,
        onTime,
        planDueDate: "2027-06-15",
        subjectRef: SUBJECT_REF,
        subjectSealed: SEALED,
      },
    }),
  noticeWithdrawn: (municipality: string, withdrawnAt: string) =>
    newEvent(releaseNoticeWithdrawn, {
      ...base(municipality, "release-notices", withdrawnAt),
      data: { noticeId: id("KV"), withdrawnAt, subjectRef: SUBJECT_REF },
    }),
  planReady: (municipality: string, readyAt: string, byReleaseDate = true) =>
    newEvent(releasePlanReady, {
      ...base(municipality, "release-notices", readyAt),
      data: { noticeId: id("KV"), readyAt, planDueDate: "2027-06-15", byReleaseDate },
    }),
  callReceived: (municipality: string, receivedAt: string, callId = id("call")) =>
    newEvent(hotlineCallReceived, {
      ...base(municipality, "hotline", receivedAt),
      data: { callId, receivedAt },
    }),
  callRouted: (municipality: string, receivedAt: string, chainPosition = 1, callId = id("call")) =>
    newEvent(hotlineCallRouted, {
      ...base(municipality, "hotline", receivedAt),
      data: {
        callId,
        receivedAt,
        answeredAt: hoursAfter(receivedAt, 0.01),
        chainPosition,
        chainRole: chainPosition === 1 ? "on-call" : "rotation",
      },
    }),
  callUnanswered: (municipality: string, receivedAt: string) =>
    newEvent(hotlineCallUnanswered, {
      ...base(municipality, "hotline", receivedAt),
      data: {
        callId: id("call"),
        receivedAt,
        endedAt: hoursAfter(receivedAt, 0.05),
        reason: "chain-exhausted",
        attempts: 3,
        voicemailRecorded: true,
        triageId: id("tri"),
      },
    }),
  triageCompleted: (
    municipality: string,
    receivedAt: string,
    hoursToComplete: number,
    options: { placement?: boolean; financial?: boolean; callId?: string } = {},
  ) =>
    newEvent(hotlineTriageCompleted, {
      ...base(municipality, "hotline", hoursAfter(receivedAt, hoursToComplete)),
      data: {
        triageId: id("tri"),
        callId: options.callId ?? id("call"),
        origin: "answered",
        receivedAt,
        completedAt: hoursAfter(receivedAt, hoursToComplete),
        dueAt: hoursAfter(receivedAt, 24),
        withinDeadline: hoursToComplete <= 24,
        hoursToComplete,
        steps: {
          "threat-assessment": "done",
          "protective-placement": options.placement ? "done" : "not-needed",
          decision: "done",
          "financial-assistance": options.financial ? "done" : "not-needed",
        },
        ...(options.financial ? { subject: { subjectRef: SUBJECT_REF, subjectSealed: SEALED } } : {}),
      },
    }),
};

export const sqsRecord = (body: unknown, messageId: string = randomUUID()): SQSRecord => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body: typeof body === "string" ? body : JSON.stringify(body),
  attributes: {
    ApproximateReceiveCount: "1",
    SentTimestamp: String(Date.now()),
    SenderId: "000000000000",
    ApproximateFirstReceiveTimestamp: String(Date.now()),
  },
  messageAttributes: {},
  md5OfBody: "",
  eventSource: "aws:sqs",
  eventSourceARN: "arn:aws:sqs:eu-north-1:000000000000:pilot-reports",
  awsRegion: "eu-north-1",
});

export const sqsEvent = (bodies: readonly unknown[]): SQSEvent => ({
  Records: bodies.map((b) => sqsRecord(b)),
});

export const lambdaContext = (functionName = "pilot-reports-consumer"): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName,
  functionVersion: "$LATEST",
  invokedFunctionArn: `arn:aws:lambda:eu-north-1:000000000000:function:${functionName}`,
  memoryLimitInMB: "512",
  awsRequestId: randomUUID(),
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: "test",
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/**
 * Independent of the suppressor: which suppressed figures a reader could solve for from the
 * figures shown. Each relation `total − Σ parts = 0` becomes a row over the suppressed figures,
 * with the shown ones moved to the constant side; a figure is determined exactly when its unit
 * vector lies in the row space, i.e. when the reduced row echelon form has a row that is that
 * unit vector.
 */
export const derivable = (shown: ReadonlyMap<string, number>, hidden: ReadonlySet<string>): string[] => {
  const unknowns = [...hidden];
  const column = new Map(unknowns.map((id, i) => [id, i]));
  const rows: number[][] = [];
  for (const relation of RELATIONS) {
    const row = new Array<number>(unknowns.length).fill(0);
    let touches = false;
    for (const [id, sign] of [[relation.total, 1] as const, ...relation.parts.map((p) => [p, -1] as const)]) {
      const c = column.get(id);
      if (c !== undefined) {
        row[c] = (row[c] ?? 0) + sign;
        touches = true;
      } else if (!shown.has(id)) throw new Error(`figure ${id} is neither shown nor suppressed`);
    }
    if (touches) rows.push(row);
  }
  // Gauss-Jordan elimination; coefficients stay small, so a tolerance is enough.
  const eps = 1e-9;
  let pivotRow = 0;
  for (let c = 0; c < unknowns.length && pivotRow < rows.length; c++) {
    const r = rows.findIndex((row, i) => i >= pivotRow && Math.abs(row[c] ?? 0) > eps);
    if (r < 0) continue;
    const swap = rows[r] ?? [];
    rows[r] = rows[pivotRow] ?? [];
    rows[pivotRow] = swap;
    const pivot = swap[c] ?? 1;
    for (let k = 0; k < swap.length; k++) swap[k] = (swap[k] ?? 0) / pivot;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] ?? [];
      const factor = row[c] ?? 0;
      if (i === pivotRow || Math.abs(factor) < eps) continue;
      for (let k = 0; k < row.length; k++) row[k] = (row[k] ?? 0) - factor * (swap[k] ?? 0);
    }
    pivotRow += 1;
  }
  return rows.flatMap((row) => {
    const nonzero = row.flatMap((v, i) => (Math.abs(v) > eps ? [i] : []));
    const only = nonzero[0];
    return nonzero.length === 1 && only !== undefined ? [unknowns[only] ?? ""] : [];
  });
};
