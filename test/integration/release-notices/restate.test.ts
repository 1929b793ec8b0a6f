/**
 * Issue 14, the contract integrators rely on: PUT /v1/release-notices/{noticeId} takes the notice
 * in the representation that was posted. Its own noticeId is fine; another noticeId is a 400
 * naming the field; another municipality or person is a 409 saying why in words, echoing nothing.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { receiptSchema } from "../../../services/release-notices/contract";
import { problemSchema } from "../../../shared/http/problem";
import {
  type Answer,
  type NoticeBody,
  noticeBody,
  OTHER_PERSON,
  personalStrings,
  type ReleaseNoticesFixture,
  releaseNoticesFixture,
  updateBody,
} from "../../support/release-notices";

const POSTED_AT = new Date("2026-01-14T23:30:00Z"); // 15 Jan in Stockholm
const UPDATED_AT = new Date("2026-03-01T10:00:00Z");

let f: ReleaseNoticesFixture;
beforeAll(async () => {
  f = await releaseNoticesFixture(POSTED_AT);
});
beforeEach(() => {
  f.clock.set(POSTED_AT);
});

const problemOf = (answer: Answer) => {
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  return problemSchema().parse(answer.body);
};

const posted = async (overrides: Partial<NoticeBody> = {}) => {
  const body = noticeBody({ expectedReleaseDate: "2026-06-15", ...overrides });
  const answer = await f.h.post(body);
  expect(answer.status).toBe(201);
  return { body, receipt: receiptSchema.parse(answer.body) };
};

const updatedEvents = async (noticeId: string) =>
  new Set((await f.events.about(noticeId, "release-notice.updated")).map((r) => r.event.id)).size;

describe("PUT with the notice as it was posted", () => {
  it("unchanged, noticeId included, answers 200 with the notice's receipt", async () => {
    const { body, receipt } = await posted();
    const answer = await f.h.put(body.noticeId, body);
    expect(answer.status).toBe(200);
    expect(receiptSchema.parse(answer.body)).toEqual(receipt);
  });

  it("with a new release date answers 200 and updates it, as the same update without the noticeId would", async () => {
    const { body, receipt } = await posted();
    f.clock.set(UPDATED_AT);
    const answer = await f.h.put(body.noticeId, { ...body, expectedReleaseDate: "2026-07-01" });
    expect(answer.status).toBe(200);
    expect(receiptSchema.parse(answer.body)).toEqual({
      ...receipt,
      leadDays: 122,
      onTime: true,
      planDueDate: "2026-07-01",
    });
    expect(await updatedEvents(body.noticeId)).toBe(1);

    // The same update again, with or without its noticeId, is a retry: same receipt, nothing sent.
    const before = await f.stored(body.noticeId);
    for (const again of [
      { ...body, expectedReleaseDate: "2026-07-01" },
      updateBody(body, { expectedReleaseDate: "2026-07-01" }),
    ]) {
      const retry = await f.h.put(body.noticeId, again);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(answer.body);
    }
    expect(await f.stored(body.noticeId)).toEqual(before);
    expect(await updatedEvents(body.noticeId)).toBe(1);
  });

  it("under another noticeId answers 400 naming noticeId, and writes and sends nothing", async () => {
    const { body } = await posted();
    const other = await posted();
    const before = [await f.stored(body.noticeId), await f.stored(other.body.noticeId)];
    const items = await f.itemCount();

    const answer = await f.h.put(body.noticeId, {
      ...body,
      noticeId: other.body.noticeId,
      expectedReleaseDate: "2026-07-01",
    });

    expect(answer.status).toBe(400);
    expect(problemOf(answer).errors).toEqual([
      { path: "noticeId", message: "must be the noticeId in the path" },
    ]);
    for (const secret of personalStrings()) expect(answer.raw).not.toContain(secret);
    expect([await f.stored(body.noticeId), await f.stored(other.body.noticeId)]).toEqual(before);
    expect(await f.itemCount()).toBe(items);
    expect(await updatedEvents(body.noticeId)).toBe(0);
    expect(await updatedEvents(other.body.noticeId)).toBe(0);
  });

  it("under another noticeId answers 400 even when the path names no notice: the body is wrong first", async () => {
    const body = noticeBody();
    const answer = await f.h.put(body.noticeId, { ...body, noticeId: `${body.noticeId}-x` });
    expect(answer.status).toBe(400);
    expect(problemOf(answer).errors?.map((e) => e.path)).toEqual(["noticeId"]);
    expect(await f.stored(body.noticeId)).toBeUndefined();
  });

  const conflicts: [string, (body: NoticeBody) => NoticeBody, RegExp][] = [
    ["another municipality", (b) => ({ ...b, municipality: "0180" }), /municipality cannot change/],
    [
      "another person",
      (b) => ({ ...b, person: { personalIdentityNumber: OTHER_PERSON.thirteen } }),
      /about another person/,
    ],
  ];
  it.each(conflicts)(
    "naming %s answers 409 saying why in words, echoing no personal data, and changes nothing",
    async (_name, change, reason) => {
      const { body } = await posted();
      const before = await f.stored(body.noticeId);
      f.clock.set(UPDATED_AT);

      const answer = await f.h.put(body.noticeId, change(body));

      expect(answer.status).toBe(409);
      const problem = problemOf(answer);
      expect(problem.type).toMatch(/notice-conflict$/);
      expect(problem.detail).toMatch(reason);
      for (const secret of [...personalStrings(), ...personalStrings(OTHER_PERSON)]) {
        expect(answer.raw).not.toContain(secret);
      }
      expect(await f.stored(body.noticeId)).toEqual(before);
      expect(await updatedEvents(body.noticeId)).toBe(0);
    },
  );
});
