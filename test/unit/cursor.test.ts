import { describe, expect, it } from "vitest";
import { encodeCursor, resumeKey } from "../../shared/dynamo";

const listing = {
  attributes: ["pk", "sk", "gsi2pk", "gsi2sk"],
  fixed: { gsi2pk: "MUNI#0880", sk: "NOTICE" },
};

describe("cursors", () => {
  it("resume a listing from a key it issued", () => {
    const key = { pk: "NOTICE#a", sk: "NOTICE", gsi2pk: "MUNI#0880", gsi2sk: "2027-01-01#a" };
    expect(resumeKey(encodeCursor(key), listing)).toEqual({ ok: true, key });
    expect(resumeKey(undefined, listing)).toEqual({ ok: true, key: undefined });
  });

  it("refuse another municipality's key, another item type, extra or missing attributes, and garbage", () => {
    const base = { pk: "NOTICE#a", sk: "NOTICE", gsi2pk: "MUNI#0880", gsi2sk: "x" };
    for (const key of [
      { ...base, gsi2pk: "MUNI#0180" },
      { ...base, sk: "AUDIT" },
      { ...base, extra: "1" },
      { pk: "NOTICE#a", sk: "NOTICE", gsi2pk: "MUNI#0880" },
    ]) {
      expect(resumeKey(encodeCursor(key), listing)).toEqual({ ok: false });
    }
    expect(resumeKey("not-a-cursor", listing)).toEqual({ ok: false });
    expect(resumeKey(Buffer.from('{"pk":1}').toString("base64url"), listing)).toEqual({ ok: false });
  });
});
