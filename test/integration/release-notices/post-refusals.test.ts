/**
 * POST /v1/release-notices refused: each bad field named (never echoed), too large, not JSON,
 * or from a caller without the write scope; nothing is written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { problemSchema } from "../../../shared/http/problem";
import {
  type Answer,
  KRIMINALVARDEN,
  noticeBody,
  PERSON,
  personalStrings,
  type ReleaseNoticesFixture,
  releaseNoticesFixture,
  staff,
  withCheckDigit,
} from "../../support/release-notices";

// 23:30 UTC on 14 January is already 15 January in Stockholm.
const NOW = new Date("2026-01-14T23:30:00Z");

let f: ReleaseNoticesFixture;
beforeAll(async () => {
  f = await releaseNoticesFixture(NOW);
});

const problemOf = (answer: Answer) => {
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  return problemSchema().parse(answer.body);
};

/** Reverses the order of keys at every level: the same notice, written differently. */
const _reorder = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(_reorder);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, _reorder(v)]),
    );
  return value;
};

describe("a bad notice", () => {
  const withoutEmail = (): unknown => {
    const body = noticeBody();
    const { email: _e, ...contact } = body.contact;
    return { ...body, contact };
  };
  const cases: [string, () => unknown, string][] = [
    [
      "an identity number with a wrong check digit",
      () => noticeBody({ person: { personalIdentityNumber: "19900101-0018" } }),
      "person.personalIdentityNumber",
    ],
    [
      "an identity number on a date that does not exist",
      () => noticeBody({ person: { personalIdentityNumber: withCheckDigit("19900230", "001") } }),
      "person.personalIdentityNumber",
    ],
    [
      "an identity number that is not one at all",
      () => noticeBody({ person: { personalIdentityNumber: "1990-01-01" } }),
      "person.personalIdentityNumber",
    ],
    ["an unknown municipality code", () => noticeBody({ municipality: "9999" }), "municipality"],
    ["an unknown release type", () => noticeBody({ releaseType: "parole" }), "releaseType"],
    ["an unknown field", () => ({ ...noticeBody(), comment: "hello" }), "comment"],
    ["no contact email", withoutEmail, "contact.email"],
    ["a need twice", () => noticeBody({ needs: ["housing", "housing"] }), "needs"],
    ["an unknown need", () => noticeBody({ needs: ["housing", "pets"] }), "needs.1"],
    [
      "a release date that does not exist",
      () => noticeBody({ expectedReleaseDate: "2026-02-30" }),
      "expectedReleaseDate",
    ],
    ["a noticeId with spaces", () => noticeBody({ noticeId: "KV 2026 1" }), "noticeId"],
    [
      "malformed JSON",
      () => `{"noticeId": "KV-1", "person": {"personalIdentityNumber": "${PERSON.thirteen}"`,
      "(body)",
    ],
  ];

  it.each(cases)(
    "with %s gets 400 problem+json naming the field, echoes nothing and writes nothing",
    async (_name, build, path) => {
      const items = await f.itemCount();
      const events = (await f.events.drain()).length;

      const answer = await f.h.post(build());

      expect(answer.status).toBe(400);
      const problem = problemOf(answer);
      expect(problem.errors?.map((e) => e.path)).toContain(path);
      for (const secret of personalStrings()) expect(answer.raw).not.toContain(secret);
      expect(answer.raw).not.toContain("19900101-0018");
      expect(await f.itemCount()).toBe(items);
      expect(await f.events.drain()).toHaveLength(events);
    },
  );

  it("names every bad field in one answer", async () => {
    const answer = await f.h.post({
      ...noticeBody({ releaseType: "parole", needs: ["x"] }),
      institution: "",
    });
    expect(answer.status).toBe(400);
    expect(
      problemOf(answer)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(["institution", "needs.0", "releaseType"]);
  });

  it("over 64 KB gets 413 and writes nothing", async () => {
    const items = await f.itemCount();
    const body = { ...noticeBody(), padding: "x".repeat(70 * 1024) };
    const answer = await f.h.post(body);
    expect(answer.status).toBe(413);
    problemOf(answer);
    expect(await f.itemCount()).toBe(items);
  });

  it("that is not JSON by its content type gets 415", async () => {
    const answer = await f.h.post(JSON.stringify(noticeBody()), KRIMINALVARDEN, {
      "content-type": "text/plain",
    });
    expect(answer.status).toBe(415);
    problemOf(answer);
  });

  it("from municipal staff (no write scope) gets 403", async () => {
    const answer = await f.h.post(noticeBody(), staff("0880"));
    expect(answer.status).toBe(403);
    problemOf(answer);
  });
});
