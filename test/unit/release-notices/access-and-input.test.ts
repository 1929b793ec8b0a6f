import { describe, expect, it } from "vitest";
import {
  reachableBySender,
  reachableByStaff,
  readerOf,
  SCOPES,
} from "../../../services/release-notices/domain/access";
import {
  checkPersonAndPlace,
  checkReleaseRange,
  checkRestatedNoticeId,
} from "../../../services/release-notices/domain/notice-input";
import { withCheckDigit } from "../../support/identities";
import { at, KRIMINALVARDEN, receivedNotice, refusal, staff } from "./notice-fixtures";

const NOW = at("2026-01-14T23:30:00Z");
const notice = receivedNotice(NOW);

describe("who reads a notice", () => {
  it("staff with the read scope and a municipality read it in full; Kriminalvården reads the status", () => {
    expect(readerOf(staff("0880"))).toEqual({ ok: true, value: { kind: "staff", municipality: "0880" } });
    expect(readerOf(KRIMINALVARDEN)).toEqual({ ok: true, value: { kind: "sender" } });
  });

  it("a read scope without a municipality, or neither scope, is refused", () => {
    const unbound = { subject: "x", scopes: new Set([SCOPES.read]) };
    const neither = { subject: "x", scopes: new Set(["hotline:handle"]), municipality: "0880" };
    expect(refusal(readerOf(unbound)).kind).toBe("forbidden");
    expect(refusal(readerOf(neither)).kind).toBe("forbidden");
  });

  it("staff reach their own municipality's notices only; for others they do not exist", () => {
    expect(reachableByStaff(notice, "0880")).toEqual({ ok: true, value: notice });
    expect(refusal(reachableByStaff(notice, "0180")).kind).toBe("not-found");
    expect(refusal(reachableByStaff(undefined, "0880")).kind).toBe("not-found");
  });

  it("Kriminalvården reaches every notice; a token bound to a municipality only its own", () => {
    expect(reachableBySender(notice, KRIMINALVARDEN).ok).toBe(true);
    expect(reachableBySender(notice, staff("0880")).ok).toBe(true);
    expect(refusal(reachableBySender(notice, staff("0180"))).kind).toBe("not-found");
  });
});

describe("the person and the municipality", () => {
  it("take any form of a valid number, and a samordningsnummer (day + 60)", () => {
    const a = checkPersonAndPlace({ personalIdentityNumber: "19900101-0017", municipality: "0880" }, NOW);
    const b = checkPersonAndPlace({ personalIdentityNumber: "9001010017", municipality: "0880" }, NOW);
    expect(a.ok && b.ok && a.value.canonical === b.value.canonical).toBe(true);
    const coordination = checkPersonAndPlace(
      { personalIdentityNumber: withCheckDigit("19900161", "002"), municipality: "0880" },
      NOW,
    );
    expect(coordination.ok && coordination.value.kind).toBe("samordningsnummer");
  });

  it("refuse a wrong check digit or an impossible date, naming the field and never the value", () => {
    for (const number of ["19900101-0018", withCheckDigit("19900230", "001")]) {
      const error = refusal(
        checkPersonAndPlace({ personalIdentityNumber: number, municipality: "0880" }, NOW),
      );
      expect(error.kind).toBe("invalid");
      expect(error.fields?.map((f) => f.path)).toEqual(["person.personalIdentityNumber"]);
      expect(JSON.stringify(error.fields) + error.detail).not.toContain(number.slice(-4));
    }
  });

  it("refuse a municipality code that does not exist", () => {
    const error = refusal(
      checkPersonAndPlace({ personalIdentityNumber: "19900101-0017", municipality: "9999" }, NOW),
    );
    expect(error.fields?.map((f) => f.path)).toEqual(["municipality"]);
  });
});

describe("an update's own noticeId", () => {
  it("may be left out or be the path's; another is refused naming noticeId", () => {
    expect(checkRestatedNoticeId("KV-1", undefined).ok).toBe(true);
    expect(checkRestatedNoticeId("KV-1", "KV-1").ok).toBe(true);
    expect(refusal(checkRestatedNoticeId("KV-1", "KV-2")).fields).toEqual([
      { path: "noticeId", message: "must be the noticeId in the path" },
    ]);
  });
});

describe("a release date range", () => {
  it("may be open or a single day; from after to is refused naming query.releaseFrom", () => {
    expect(checkReleaseRange(undefined, "2026-01-01").ok).toBe(true);
    expect(checkReleaseRange("2026-01-01", "2026-01-01").ok).toBe(true);
    expect(refusal(checkReleaseRange("2026-01-02", "2026-01-01")).fields?.map((f) => f.path)).toEqual([
      "query.releaseFrom",
    ]);
  });
});
