/** Other services' events as they arrive on the intake queue (identities sealed), and SQS batches of them. */
import { randomUUID } from "node:crypto";
import type { SQSEvent } from "aws-lambda";
import { hotlineTriageCompleted } from "../../shared/events/catalogue/hotline";
import {
  releaseNoticeReceived,
  releaseNoticeUpdated,
  releaseNoticeWithdrawn,
  releasePlanReady,
} from "../../shared/events/catalogue/release-notices";
import type { Envelope } from "../../shared/events/envelope";
import { newEvent } from "../../shared/events/outbox";
import { parseIdentityNumber, seal, subjectRef } from "../../shared/identity";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret } from "../../shared/runtime/keys";
import type { TestIdentity } from "./identities";

const keys = parseKeySecret(DEVELOPMENT_KEYS_JSON);
const sealingKey = () => {
  const key = keys.sealingKeys.get(keys.sealingKid);
  if (!key) throw new Error("no development sealing key");
  return { kid: keys.sealingKid, key };
};

export const sealed = (person: TestIdentity): string => seal(person.canonical, sealingKey());
export const refOf = (person: TestIdentity): string => {
  const identity = parseIdentityNumber(person.thirteen, new Date("2026-11-23T12:00:00Z"));
  if (!identity) throw new Error("not a valid test identity");
  return subjectRef(identity, keys.linkingKey);
};

export const noticeFacts = (
  noticeId: string,
  person: TestIdentity,
  overrides: { receivedAt?: string; expectedReleaseDate?: string } = {},
) => ({
  noticeId,
  expectedReleaseDate: overrides.expectedReleaseDate ?? "2027-04-15",
  releaseType: "conditional" as const,
  needs: ["housing" as const],
  receivedAt: overrides.receivedAt ?? "2026-11-23T09:00:00.000Z",
  leadDays: 143,
  onTime: true,
  planDueDate: overrides.expectedReleaseDate ?? "2027-04-15",
  subjectRef: refOf(person),
  subjectSealed: sealed(person),
});

const envelope = { source: "release-notices" as const, correlationId: "test-correlation" };

export const noticeReceived = (noticeId: string, person: TestIdentity, municipality = "0880") =>
  newEvent(releaseNoticeReceived, {
    ...envelope,
    municipality,
    occurredAt: new Date("2026-11-23T09:00:00Z"),
    data: noticeFacts(noticeId, person),
  });

export const noticeUpdated = (
  noticeId: string,
  person: TestIdentity,
  expectedReleaseDate: string,
  updatedAt: string,
  municipality = "0880",
) =>
  newEvent(releaseNoticeUpdated, {
    ...envelope,
    municipality,
    occurredAt: new Date(updatedAt),
    data: {
      ...noticeFacts(noticeId, person, { expectedReleaseDate }),
      updatedAt,
      previousExpectedReleaseDate: "2027-04-15",
    },
  });

export const noticeWithdrawn = (noticeId: string, person: TestIdentity, municipality = "0880") =>
  newEvent(releaseNoticeWithdrawn, {
    ...envelope,
    municipality,
    occurredAt: new Date("2026-11-24T09:00:00Z"),
    data: { noticeId, withdrawnAt: "2026-11-24T09:00:00.000Z", subjectRef: refOf(person) },
  });

export const planReady = (noticeId: string, readyAt: string, municipality = "0880") =>
  newEvent(releasePlanReady, {
    ...envelope,
    municipality,
    occurredAt: new Date(readyAt),
    data: {
      noticeId,
      readyAt,
      planDueDate: "2027-04-15",
      byReleaseDate: readyAt < "2027-04-14T22:00:00.000Z",
    },
  });

export const triageCompleted = (
  triageId: string,
  person: TestIdentity | undefined,
  financialAssistance: "done" | "not-needed",
  municipality = "0880",
) =>
  newEvent(hotlineTriageCompleted, {
    source: "hotline",
    correlationId: "test-correlation",
    municipality,
    occurredAt: new Date("2026-11-23T20:00:00Z"),
    data: {
      triageId,
      callId: `call-${triageId}`,
      origin: "answered",
      receivedAt: "2026-11-23T08:00:00.000Z",
      completedAt: "2026-11-23T20:00:00.000Z",
      dueAt: "2026-11-24T08:00:00.000Z",
      withinDeadline: true,
      hoursToComplete: 12,
      steps: {
        "threat-assessment": "done",
        "protective-placement": "not-needed",
        decision: "done",
        "financial-assistance": financialAssistance,
      },
      ...(person ? { subject: { subjectRef: refOf(person), subjectSealed: sealed(person) } } : {}),
    },
  });

/** An SQS batch as Lambda's event source mapping hands it over; each body is sent as it is. */
export const sqsBatch = (bodies: readonly (Envelope | string)[]): SQSEvent => ({
  Records: bodies.map((body, i) => ({
    messageId: `m-${i}-${randomUUID()}`,
    receiptHandle: `rh-${i}`,
    body: typeof body === "string" ? body : JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: "1",
      SentTimestamp: "0",
      SenderId: "test",
      ApproximateFirstReceiveTimestamp: "0",
    },
    messageAttributes: {},
    md5OfBody: "",
    eventSource: "aws:sqs",
    eventSourceARN: "arn:aws:sqs:eu-north-1:000000000000:intake",
    awsRegion: "eu-north-1",
  })),
});
