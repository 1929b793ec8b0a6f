/**
 * POST /v1/release-notices through the real handler against DynamoDB Local and fauxqs: the receipt,
 * the event the consumers get, idempotent retries, and conflicts (bad notices: post-refusals.test.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { receiptSchema } from "../../../services/release-notices/contract";
import { WITHHELD_SEALED } from "../../../shared/events/envelope";
import { problemSchema } from "../../../shared/http/problem";
import { parseIdentityNumber, subjectRef, unseal } from "../../../shared/identity";
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
  withCheckDigit,
} from "../../support/release-notices";

// 23:30 UTC on 14 January is already 15 January in Stockholm.
const NOW = new Date("2026-01-14T23:30:00Z");
const RECEIPT_KEYS = ["id", "leadDays", "noticeId", "onTime", "planDueDate", "status"];
const keys = parseKeySecret(DEVELOPMENT_KEYS_JSON);

let f: ReleaseNoticesFixture;
beforeAll(async () => {
  f = await releaseNoticesFixture(NOW);
});

const problemOf = (answer: Answer) => {
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  return problemSchema().parse(answer.body);
};

const receiptOf = (answer: Answer) => {
  expect(Object.keys(answer.body as object).sort()).toEqual(RECEIPT_KEYS);
  return receiptSchema.parse(answer.body);
};

/** Reverses the order of keys at every level: the same notice, written differently. */
const reorder = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reorder);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reorder(v)]),
    );
  return value;
};

describe("the first post of a notice", () => {
  it("answers 201 with the receipt: status received, lead time in Swedish dates, the plan due on the release date", async () => {
    const body = noticeBody({ expectedReleaseDate: "2026-06-15" });
    const answer = await f.h.post(body);

    expect(answer.status).toBe(201);
    const receipt = receiptOf(answer);
    expect(receipt).toEqual({
      id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      noticeId: body.noticeId,
      status: "received",
      // 15 Jan (Stockholm) to 15 Jun.
      leadDays: 151,
      onTime: true,
      planDueDate: "2026-06-15",
    });
    expect(answer.headers.location).toBe(`/v1/release-notices/${body.noticeId}`);
  });

  it("sends exactly one release-notice.received to intake and to pilot reports, with what they need and the identity only sealed", async () => {
    const body = noticeBody({ expectedReleaseDate: "2026-06-15", needs: ["housing", "addiction", "threat"] });
    expect((await f.h.post(body)).status).toBe(201);

    const received = await f.events.about(body.noticeId);
    expect(received.map((r) => r.queue).sort()).toEqual(["intake", "pilot-reports"]);
    for (const r of received) {
      const { event, raw } = r;
      expect(event.type).toBe("release-notice.received");
      expect(event.municipality).toBe("0880");
      expect(event.source).toBe("release-notices");
      expect(event.data).toMatchObject({
        noticeId: body.noticeId,
        expectedReleaseDate: "2026-06-15",
        releaseType: "conditional",
        leadDays: 151,
        onTime: true,
        needs: ["housing", "addiction", "threat"],
        planDueDate: "2026-06-15",
      });
      const data = event.data as { subjectRef: string; subjectSealed: string };
      expect(data.subjectRef).toMatch(/^[0-9a-f]{64}$/);
      const identity = parseIdentityNumber(PERSON.thirteen, NOW);
      expect(identity).toBeDefined();
      if (identity) expect(data.subjectRef).toBe(subjectRef(identity, keys.linkingKey));
      if (r.queue === "intake") {
        // Intake opens the seal with the keys it shares; it holds the canonical 12-digit number.
        expect(unseal(data.subjectSealed, keys.sealingKeys)).toBe(PERSON.canonical);
      } else {
        // Pilot reports opens no identity: the sealed value is withheld (shared/events/subscriptions.ts).
        expect(data.subjectSealed).toBe(WITHHELD_SEALED);
      }
      for (const secret of personalStrings()) expect(raw).not.toContain(secret);
    }
    // Both queues got the same event, not two events.
    expect(new Set(received.map((r) => r.event.id)).size).toBe(1);
  });

  it("links notices about the same person whichever form of the number was typed", async () => {
    const a = noticeBody({ person: { personalIdentityNumber: PERSON.thirteen } });
    const b = noticeBody({ person: { personalIdentityNumber: PERSON.ten } });
    const c = noticeBody({ person: { personalIdentityNumber: OTHER_PERSON.canonical } });
    for (const body of [a, b, c]) expect((await f.h.post(body)).status).toBe(201);
    const refOf = async (noticeId: string) => {
      const [first] = await f.events.about(noticeId, "release-notice.received");
      return (first?.event.data as { subjectRef?: string } | undefined)?.subjectRef;
    };
    const [refA, refB, refC] = [await refOf(a.noticeId), await refOf(b.noticeId), await refOf(c.noticeId)];
    expect(refA).toBeDefined();
    expect(refB).toBe(refA);
    expect(refC).not.toBe(refA);
  });

  it("accepts a samordningsnummer (day + 60)", async () => {
    const coordination = withCheckDigit("19900161", "002");
    expect(parseIdentityNumber(coordination, NOW)?.kind).toBe("samordningsnummer");
    const answer = await f.h.post(noticeBody({ person: { personalIdentityNumber: coordination } }));
    expect(answer.status).toBe(201);
  });

  it("stores the identity sealed, never in clear", async () => {
    const body = noticeBody();
    expect((await f.h.post(body)).status).toBe(201);
    const item = JSON.stringify(await f.stored(body.noticeId));
    expect(item).toContain(body.noticeId);
    for (const form of PERSON.forms) expect(item).not.toContain(form);
  });
});

describe("retries", () => {
  it("answers the same body again with 200 and the same receipt, and sends no second event", async () => {
    const body = noticeBody();
    const first = await f.h.post(body);
    const again = await f.h.post(body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(receiptOf(again)).toEqual(receiptOf(first));
    expect(await f.events.about(body.noticeId)).toHaveLength(2); // one event, on two queues
  });

  it("recognises the same notice in another key order and another form of the identity number", async () => {
    const body = noticeBody({ person: { personalIdentityNumber: PERSON.thirteen } });
    const first = await f.h.post(body);
    expect(first.status).toBe(201);
    const variants: unknown[] = [
      reorder(body),
      { ...body, person: { personalIdentityNumber: PERSON.canonical } },
      { ...body, person: { personalIdentityNumber: PERSON.ten } },
      { ...body, person: { personalIdentityNumber: PERSON.eleven } },
      reorder({ ...body, person: { personalIdentityNumber: PERSON.ten } }),
    ];
    for (const variant of variants) {
      const answer = await f.h.post(variant);
      expect(answer.status).toBe(200);
      expect(receiptOf(answer)).toEqual(receiptOf(first));
    }
    expect(await f.events.about(body.noticeId)).toHaveLength(2);
  });

  it("still answers a late retry with 200 and the receipt once the release day has passed, not 422", async () => {
    const body = noticeBody({ expectedReleaseDate: "2026-01-16" });
    const first = await f.h.post(body);
    expect(first.status).toBe(201);
    // Kriminalvården's side replays its queue two days later.
    f.clock.set(new Date("2026-01-17T08:00:00Z"));
    try {
      const retry = await f.h.post(body);
      expect(retry.status).toBe(200);
      expect(receiptOf(retry)).toEqual(receiptOf(first));
    } finally {
      f.clock.set(NOW);
    }
  });

  it("gives ten concurrent identical posts one 201 and nine 200s with the same receipt, and one event", async () => {
    const body = noticeBody();
    const answers = await Promise.all(Array.from({ length: 10 }, () => f.h.post(body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const receipts = answers.map(receiptOf);
    for (const receipt of receipts) expect(receipt).toEqual(receipts[0]);
    const events = await f.events.about(body.noticeId);
    expect(events.map((e) => e.queue).sort()).toEqual(["intake", "pilot-reports"]);
    // Kriminalvården's receiver is told "received" once, not once per retry.
    const told = await f.events.statusChanges(body.noticeId);
    expect(told.map((e) => e.queue).sort()).toEqual(["pilot-reports", "release-notices"]);
    expect(told.map((e) => (e.event.data as { status?: unknown }).status)).toEqual(["received", "received"]);
  });
});

describe("a different notice under a noticeId already used", () => {
  const conflicts: [string, (body: NoticeBody) => NoticeBody][] = [
    ["another release date", (b) => ({ ...b, expectedReleaseDate: "2026-06-16" })],
    ["another person", (b) => ({ ...b, person: { personalIdentityNumber: OTHER_PERSON.thirteen } })],
    ["other needs", (b) => ({ ...b, needs: ["financial"] })],
  ];
  it.each(conflicts)("with %s answers 409 problem+json and changes nothing", async (_name, change) => {
    const body = noticeBody();
    expect((await f.h.post(body)).status).toBe(201);
    const before = await f.stored(body.noticeId);
    const itemsBefore = await f.itemCount();
    const eventsBefore = (await f.events.about(body.noticeId)).length;

    const answer = await f.h.post(change(body));

    expect(answer.status).toBe(409);
    expect(problemOf(answer).status).toBe(409);
    expect(await f.stored(body.noticeId)).toEqual(before);
    expect(await f.itemCount()).toBe(itemsBefore);
    expect(await f.events.about(body.noticeId)).toHaveLength(eventsBefore);
    for (const secret of personalStrings(OTHER_PERSON)) expect(answer.raw).not.toContain(secret);
  });
});

describe("the release date against today in Sweden", () => {
  it("answers a release date yesterday (in Stockholm) with 422 naming expectedReleaseDate, and writes nothing", async () => {
    // NOW is 14 Jan in UTC but 15 Jan in Stockholm: 14 Jan has passed.
    const items = await f.itemCount();
    const body = noticeBody({ expectedReleaseDate: "2026-01-14" });
    const answer = await f.h.post(body);
    expect(answer.status).toBe(422);
    expect(problemOf(answer).errors?.map((e) => e.path)).toEqual(["expectedReleaseDate"]);
    expect(await f.itemCount()).toBe(items);
    expect(await f.events.about(body.noticeId)).toHaveLength(0);
  });

  it("accepts a release today: lead 0 days, not on time", async () => {
    const answer = await f.h.post(noticeBody({ expectedReleaseDate: "2026-01-15" }));
    expect(answer.status).toBe(201);
    expect(receiptOf(answer)).toMatchObject({ leadDays: 0, onTime: false, planDueDate: "2026-01-15" });
  });

  it("is on time exactly three calendar months ahead in Swedish dates, and late a day less", async () => {
    const exactly = await f.h.post(noticeBody({ expectedReleaseDate: "2026-04-15" }));
    const dayLess = await f.h.post(noticeBody({ expectedReleaseDate: "2026-04-14" }));
    expect(receiptOf(exactly)).toMatchObject({ leadDays: 90, onTime: true });
    // In UTC it is still 14 Jan, which would make 14 Apr exactly three months: Swedish dates count.
    expect(receiptOf(dayLess)).toMatchObject({ leadDays: 89, onTime: false });
  });

  it("clamps to the end of the shorter month: a 31 May release noticed on 28 Feb is on time, on 1 Mar late", async () => {
    f.clock.set(new Date("2026-02-28T22:30:00Z")); // 23:30 on 28 Feb in Stockholm
    try {
      const onTime = await f.h.post(noticeBody({ expectedReleaseDate: "2026-05-31" }));
      expect(receiptOf(onTime)).toMatchObject({ onTime: true, leadDays: 92 });
      f.clock.set(new Date("2026-02-28T23:30:00Z")); // 00:30 on 1 Mar in Stockholm
      const late = await f.h.post(noticeBody({ expectedReleaseDate: "2026-05-31" }));
      expect(receiptOf(late)).toMatchObject({ onTime: false, leadDays: 91 });
    } finally {
      f.clock.set(NOW);
    }
  });
});
