/**
 * PUT /v1/release-notices/{noticeId} and POST .../withdraw: a new receipt and one event per real
 * change, nothing for a retry, and conflicts for what an update cannot change.
 */

import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { receiptSchema } from "../../../services/release-notices/contract";
import { WITHHELD_SEALED } from "../../../shared/events/envelope";
import { problemSchema } from "../../../shared/http/problem";
import { unseal } from "../../../shared/identity";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret } from "../../../shared/runtime/keys";
import {
  type Answer,
  type NoticeBody,
  noticeBody,
  OTHER_PERSON,
  PERSON,
  personalStrings,
  type ReleaseNoticesFixture,
  releaseNoticesFixture,
  staff,
  updateBody,
} from "../../support/release-notices";

const POSTED_AT = new Date("2026-01-14T23:30:00Z"); // 15 Jan in Stockholm
const UPDATED_AT = new Date("2026-03-01T10:00:00Z");
const keys = parseKeySecret(DEVELOPMENT_KEYS_JSON);

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

describe("an update", () => {
  it("to a new release date answers 200 with a new receipt whose lead time counts from the update", async () => {
    const { body, receipt } = await posted();
    f.clock.set(UPDATED_AT);

    const answer = await f.h.put(body.noticeId, updateBody(body, { expectedReleaseDate: "2026-07-01" }));

    expect(answer.status).toBe(200);
    expect(receiptSchema.parse(answer.body)).toEqual({
      id: receipt.id,
      noticeId: body.noticeId,
      status: "received",
      // 1 Mar to 1 Jul; three months before 1 Jul is 1 Apr, so on time.
      leadDays: 122,
      onTime: true,
      planDueDate: "2026-07-01",
    });
  });

  it("sends one release-notice.updated to each consumer, with the previous date and the identity only sealed", async () => {
    const { body } = await posted();
    f.clock.set(UPDATED_AT);
    expect(
      (await f.h.put(body.noticeId, updateBody(body, { expectedReleaseDate: "2026-07-01" }))).status,
    ).toBe(200);

    const updated = await f.events.about(body.noticeId, "release-notice.updated");
    expect(updated.map((u) => u.queue).sort()).toEqual(["intake", "pilot-reports"]);
    for (const { event, raw, queue } of updated) {
      expect(event.municipality).toBe("0880");
      expect(event.data).toMatchObject({
        noticeId: body.noticeId,
        expectedReleaseDate: "2026-07-01",
        previousExpectedReleaseDate: "2026-06-15",
        planDueDate: "2026-07-01",
        leadDays: 122,
        onTime: true,
        needs: body.needs,
        updatedAt: UPDATED_AT.toISOString(),
      });
      const { subjectSealed } = event.data as { subjectSealed: string };
      // Only intake opens identities; pilot reports gets the sealed value withheld.
      if (queue === "intake") expect(unseal(subjectSealed, keys.sealingKeys)).toBe(PERSON.canonical);
      else expect(subjectSealed).toBe(WITHHELD_SEALED);
      for (const secret of personalStrings()) expect(raw).not.toContain(secret);
    }
  });

  it("sent again answers 200 with the same receipt and sends nothing", async () => {
    const { body } = await posted();
    f.clock.set(UPDATED_AT);
    const update = updateBody(body, { expectedReleaseDate: "2026-07-01" });
    const first = await f.h.put(body.noticeId, update);
    const stored = await f.stored(body.noticeId);
    f.clock.set(new Date("2026-03-02T10:00:00Z"));

    const again = await f.h.put(body.noticeId, { ...update, person: { personalIdentityNumber: PERSON.ten } });

    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await f.stored(body.noticeId)).toEqual(stored);
    expect(await f.events.about(body.noticeId, "release-notice.updated")).toHaveLength(2);
  });

  it("that leaves the release date alone keeps the original lead time", async () => {
    const { body, receipt } = await posted();
    f.clock.set(UPDATED_AT);
    const answer = await f.h.put(body.noticeId, updateBody(body, { needs: ["housing", "financial"] }));
    expect(answer.status).toBe(200);
    expect(receiptSchema.parse(answer.body)).toEqual(receipt);
    f.clock.set(UPDATED_AT);
    const view = await f.h.get(body.noticeId, staff("0880"));
    expect(view.body).toMatchObject({ needs: ["housing", "financial"], leadDays: 151 });
  });

  const conflicts: [string, (body: NoticeBody) => unknown][] = [
    [
      "about another person",
      (b) => updateBody(b, { person: { personalIdentityNumber: OTHER_PERSON.thirteen } }),
    ],
    ["to another municipality", (b) => updateBody(b, { municipality: "0180" })],
  ];
  it.each(conflicts)("%s answers 409 and changes nothing", async (_name, build) => {
    const { body } = await posted();
    const before = await f.stored(body.noticeId);
    f.clock.set(UPDATED_AT);
    const answer = await f.h.put(body.noticeId, build(body));
    expect(answer.status).toBe(409);
    problemOf(answer);
    for (const secret of personalStrings(OTHER_PERSON)) expect(answer.raw).not.toContain(secret);
    expect(await f.stored(body.noticeId)).toEqual(before);
    expect(await f.events.about(body.noticeId, "release-notice.updated")).toHaveLength(0);
  });

  it("of a notice nobody posted answers 404", async () => {
    const body = noticeBody();
    const answer = await f.h.put(body.noticeId, updateBody(body));
    expect(answer.status).toBe(404);
    problemOf(answer);
    expect(await f.stored(body.noticeId)).toBeUndefined();
  });

  it("to a release date that has passed answers 422", async () => {
    const { body } = await posted();
    f.clock.set(UPDATED_AT);
    const answer = await f.h.put(body.noticeId, updateBody(body, { expectedReleaseDate: "2026-02-28" }));
    expect(answer.status).toBe(422);
    expect(problemOf(answer).errors?.map((e) => e.path)).toEqual(["expectedReleaseDate"]);
  });

  it("with an invalid identity number answers 400 naming it, without echoing it", async () => {
    const { body } = await posted();
    const answer = await f.h.put(
      body.noticeId,
      updateBody(body, { person: { personalIdentityNumber: "19900101-0018" } }),
    );
    expect(answer.status).toBe(400);
    expect(problemOf(answer).errors?.map((e) => e.path)).toEqual(["person.personalIdentityNumber"]);
    expect(answer.raw).not.toContain("0018");
  });

  it("after the notice was withdrawn answers 409", async () => {
    const { body } = await posted();
    expect((await f.h.withdraw(body.noticeId)).status).toBe(200);
    const before = await f.stored(body.noticeId);
    const answer = await f.h.put(body.noticeId, updateBody(body, { expectedReleaseDate: "2026-07-01" }));
    expect(answer.status).toBe(409);
    problemOf(answer);
    expect(await f.stored(body.noticeId)).toEqual(before);
    expect(await f.events.about(body.noticeId, "release-notice.updated")).toHaveLength(0);
  });
});

describe("withdrawal", () => {
  it("answers 200 with status withdrawn and sends one release-notice.withdrawn to each consumer", async () => {
    const { body, receipt } = await posted();
    f.clock.set(UPDATED_AT);
    const answer = await f.h.withdraw(body.noticeId, { reason: "sentence-changed" });
    expect(answer.status).toBe(200);
    expect(receiptSchema.parse(answer.body)).toEqual({ ...receipt, status: "withdrawn" });

    const withdrawn = await f.events.about(body.noticeId, "release-notice.withdrawn");
    expect(withdrawn.map((w) => w.queue).sort()).toEqual(["intake", "pilot-reports"]);
    for (const { event, raw } of withdrawn) {
      expect(event.data).toMatchObject({ noticeId: body.noticeId, withdrawnAt: UPDATED_AT.toISOString() });
      expect((event.data as { subjectRef: string }).subjectRef).toMatch(/^[0-9a-f]{64}$/);
      for (const secret of personalStrings()) expect(raw).not.toContain(secret);
    }
  });

  it("twice is the same as once: 200, no second event", async () => {
    const { body } = await posted();
    const first = await f.h.withdraw(body.noticeId);
    f.clock.set(UPDATED_AT);
    const second = await f.h.withdraw(body.noticeId, { reason: "other" });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await f.events.about(body.noticeId, "release-notice.withdrawn")).toHaveLength(2);
  });

  it("shows in the status Kriminalvården reads, and in the staff's view", async () => {
    const { body } = await posted();
    f.clock.set(UPDATED_AT);
    await f.h.withdraw(body.noticeId, { reason: "transferred" });
    const status = await f.h.get(body.noticeId);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ status: "withdrawn", updatedAt: UPDATED_AT.toISOString() });
    const view = await f.h.get(body.noticeId, staff("0880"));
    expect(view.body).toMatchObject({
      status: "withdrawn",
      withdrawal: { at: UPDATED_AT.toISOString(), reason: "transferred" },
    });
  });

  it("of a notice nobody posted answers 404", async () => {
    const answer = await f.h.withdraw(noticeBody().noticeId);
    expect(answer.status).toBe(404);
    problemOf(answer);
  });

  it("with an unknown reason answers 400 naming it", async () => {
    const { body } = await posted();
    const answer = await f.h.withdraw(body.noticeId, { reason: "bored" });
    expect(answer.status).toBe(400);
    expect(problemOf(answer).errors?.map((e) => e.path)).toEqual(["reason"]);
    expect((await f.h.get(body.noticeId)).body).toMatchObject({ status: "received" });
  });
});
