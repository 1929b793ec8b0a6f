/** Audit rows record their municipality; while the record exists, it alone decides who reads the trail. */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { trailAccess } from "../../shared/audit-read";
import { auditKey, auditPut } from "../../shared/audit-trail";

/** A table the code must not read: the record in hand decides. */
const unread = {
  doc: {
    send: () => Promise.reject(new Error("the trail was read although the record decides")),
  } as unknown as DynamoDBDocumentClient,
  auditTableName: "audit",
};

describe("the audit row", () => {
  it("carries the municipality of the record it audits, beside its key and what the service records", () => {
    const put = auditPut("audit", {
      key: auditKey("intake", "REF#r-1", new Date("2026-11-30T02:00:00Z"), "01"),
      municipality: "0880",
      attributes: { action: "read", actor: "handlaggare-1" },
      expiresAt: undefined,
    });
    expect(put.Put?.Item).toEqual({
      pk: "intake#REF#r-1",
      sk: "2026-11-30T02:00:00.000Z#01",
      municipality: "0880",
      action: "read",
      actor: "handlaggare-1",
    });
  });
});

describe("who reads a trail while its record exists", () => {
  it("is the record's municipality, with every row; another municipality is not found", async () => {
    expect(await trailAccess(unread, "intake#REF#r-1", "0880", { municipality: "0880" })).toEqual({});
    expect(await trailAccess(unread, "intake#REF#r-1", "1490", { municipality: "0880" })).toBeUndefined();
  });
});
