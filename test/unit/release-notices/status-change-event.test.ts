/**
 * The delivery queue's messages are read as every consumer reads events: a status change is
 * delivered, another type of the catalogue is not for a receiver, and anything this code cannot
 * read (an unknown type or version among it) fails, to the dead-letter queue, rather than being
 * guessed at.
 */
import { describe, expect, it } from "vitest";
import { readStatusChange } from "../../../services/release-notices/app/status-change-event";
import {
  releaseNoticeStatusChanged,
  releasePlanReady,
} from "../../../shared/events/catalogue/release-notices";
import { newEvent } from "../../../shared/events/outbox";

const statusChange = newEvent(releaseNoticeStatusChanged, {
  source: "release-notices",
  municipality: "0180",
  correlationId: "c-1",
  occurredAt: new Date("2026-11-30T08:00:00Z"),
  data: {
    noticeId: "KV-2027-000301",
    status: "planning",
    planDueDate: "2027-04-15",
    at: "2026-11-30T08:00:00.000Z",
    client: "kriminalvarden",
  },
});
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe("reading a message of the delivery queue", () => {
  it("reads a status change: its id (the webhook-id) and its data", () => {
    const read = readStatusChange(json(statusChange));
    expect(read).toEqual({ kind: "status-change", event: statusChange });
  });

  it("passes over another event type", () => {
    const ready = newEvent(releasePlanReady, {
      source: "release-notices",
      municipality: "0180",
      correlationId: "c-2",
      occurredAt: new Date("2026-11-30T08:00:00Z"),
      data: {
        noticeId: "KV-2027-000301",
        readyAt: "2026-11-30T08:00:00.000Z",
        planDueDate: "2027-04-15",
        byReleaseDate: true,
      },
    });
    expect(readStatusChange(json(ready))).toEqual({ kind: "other" });
  });

  it("refuses what it cannot read: no envelope, a newer version, an unknown type, data off the contract", () => {
    expect(readStatusChange({ hello: "world" })).toEqual({ kind: "unreadable", reason: "envelope" });
    expect(readStatusChange({ ...json(statusChange), version: 2 })).toEqual({
      kind: "unreadable",
      reason: "unknown-type",
    });
    expect(readStatusChange({ ...json(statusChange), type: "release-notice.renamed" })).toEqual({
      kind: "unreadable",
      reason: "unknown-type",
    });
    const badData = { ...json(statusChange), data: { ...statusChange.data, status: "lost" } };
    expect(readStatusChange(badData)).toEqual({ kind: "unreadable", reason: "data" });
  });
});
