/**
 * GET /v1/release-notices/{noticeId} and GET /v1/release-notices: Kriminalvården sees a status and
 * nothing personal, the municipality's staff see their own notices in full (and are audited),
 * everyone else sees nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { noticeStatusViewSchema, noticeViewSchema } from "../../../services/release-notices/contract";
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
} from "../../support/release-notices";

const NOW = new Date("2026-01-14T23:30:00Z");
const STATUS_VIEW_KEYS = [
  "expectedReleaseDate",
  "id",
  "leadDays",
  "municipality",
  "noticeId",
  "onTime",
  "planDueDate",
  "status",
  "updatedAt",
];

let f: ReleaseNoticesFixture;
beforeAll(async () => {
  f = await releaseNoticesFixture(NOW);
});

const problemOf = (answer: Answer) => {
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  return problemSchema().parse(answer.body);
};

describe("reading one notice", () => {
  let noticeId: string;
  beforeAll(async () => {
    const body = noticeBody({ expectedReleaseDate: "2026-06-15", needs: ["housing", "mental-health"] });
    noticeId = body.noticeId;
    expect((await f.h.post(body)).status).toBe(201);
  });

  it("gives Kriminalvården the status and nothing personal", async () => {
    const answer = await f.h.get(noticeId, KRIMINALVARDEN);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body as object).sort()).toEqual(STATUS_VIEW_KEYS);
    expect(noticeStatusViewSchema.parse(answer.body)).toMatchObject({
      noticeId,
      status: "received",
      municipality: "0880",
      expectedReleaseDate: "2026-06-15",
      planDueDate: "2026-06-15",
      leadDays: 151,
      onTime: true,
    });
    for (const secret of [...personalStrings(), "Anstalten Kumla", "mental-health"])
      expect(answer.raw).not.toContain(secret);
  });

  it("gives the municipality's staff the full notice, the identity number in canonical form and the open deadline", async () => {
    const answer = await f.h.get(noticeId, staff("0880"));
    expect(answer.status).toBe(200);
    const view = noticeViewSchema.parse(answer.body);
    expect(view).toMatchObject({
      noticeId,
      status: "received",
      person: { personalIdentityNumber: PERSON.canonical },
      institution: "Anstalten Kumla",
      releaseType: "conditional",
      needs: ["housing", "mental-health"],
      contact: { name: "Anna Andersson", phone: "+46101234567", email: "anna.andersson@kriminalvarden.se" },
      planDeadline: { dueDate: "2026-06-15", state: "open", remindersSent: [] },
      milestones: [],
      receivedAt: NOW.toISOString(),
    });
  });

  it("audits the staff's read: who read it, when, as a read", async () => {
    const reader = staff("0880", "handlaggare-42");
    f.clock.set(new Date("2026-01-20T09:15:00Z"));
    try {
      expect((await f.h.get(noticeId, reader)).status).toBe(200);
    } finally {
      f.clock.set(NOW);
    }
    const reads = (await f.audit(noticeId)).filter((row) => row.actor === "handlaggare-42");
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ action: "read", noticeId, at: "2026-01-20T09:15:00.000Z" });
    // The creation is audited too, by Kriminalvården's client.
    expect((await f.audit(noticeId)).map((row) => row.action)).toContain("create");
    for (const row of await f.audit(noticeId)) {
      for (const secret of personalStrings()) expect(JSON.stringify(row)).not.toContain(secret);
    }
  });

  it("tells staff of another municipality nothing: 404, as if it did not exist", async () => {
    const other = await f.h.get(noticeId, staff("0180"));
    const missing = await f.h.get("KV-never-posted", staff("0180"));
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(problemOf(other)).toMatchObject({
      title: problemOf(missing).title,
      detail: problemOf(missing).detail,
    });
    for (const secret of personalStrings()) expect(other.raw).not.toContain(secret);
  });

  it("refuses a read-scope token without a municipality claim (403): it is neither Kriminalvården nor staff", async () => {
    const answer = await f.h.get(noticeId, { sub: "someone", scope: "release-notices:read" });
    expect(answer.status).toBe(403);
    problemOf(answer);
  });

  it("refuses a token without either scope (403)", async () => {
    const answer = await f.h.get(noticeId, { sub: "someone", scope: "intake:read", municipality: "0880" });
    expect(answer.status).toBe(403);
  });

  it("answers 404 for a notice nobody posted, to Kriminalvården as well", async () => {
    expect((await f.h.get("KV-never-posted", KRIMINALVARDEN)).status).toBe(404);
  });
});

describe("listing the municipality's notices", () => {
  // Borås is used by this describe alone; a few notices elsewhere must not show.
  const MUNI = "1490";
  const dates = [
    "2026-09-01",
    "2026-03-10",
    "2026-05-05",
    "2026-03-10",
    "2026-12-24",
    "2026-07-07",
    "2026-04-01",
  ];
  const mine: { noticeId: string; date: string }[] = [];
  let withdrawnId = "";
  const itemSchema = z.object({ noticeId: z.string(), expectedReleaseDate: z.string(), status: z.string() });
  const pageSchema = z.object({
    items: z.array(z.record(z.string(), z.unknown())),
    cursor: z.string().optional(),
  });
  const reader = staff(MUNI);

  const list = async (query: Record<string, string>) => {
    const answer = await f.h.list(query, reader);
    expect(answer.status).toBe(200);
    return pageSchema.parse(answer.body);
  };
  const allPages = async (query: Record<string, string>) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list({ ...query, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((i) => itemSchema.parse(i).noticeId));
      cursor = page.cursor;
      pages += 1;
      expect(pages).toBeLessThan(20);
    } while (cursor);
    return { ids, pages };
  };
  const sorted = (entries: { noticeId: string; date: string }[]) =>
    [...entries].sort((a, b) => (a.date + a.noticeId < b.date + b.noticeId ? -1 : 1)).map((e) => e.noticeId);

  beforeAll(async () => {
    for (const date of dates) {
      const body = noticeBody({ municipality: MUNI, expectedReleaseDate: date });
      expect((await f.h.post(body)).status).toBe(201);
      mine.push({ noticeId: body.noticeId, date });
    }
    for (const municipality of ["0880", "0180"]) {
      expect((await f.h.post(noticeBody({ municipality, expectedReleaseDate: "2026-05-05" }))).status).toBe(
        201,
      );
    }
    withdrawnId = mine[2]?.noticeId ?? "";
    expect((await f.h.withdraw(withdrawnId)).status).toBe(200);
  });

  it("lists only their municipality's notices, soonest release first, without person or contact", async () => {
    const page = await list({});
    const items = page.items.map((i) => itemSchema.parse(i));
    expect(items.map((i) => i.noticeId)).toEqual(sorted(mine));
    const releaseDates = items.map((i) => i.expectedReleaseDate);
    expect(releaseDates).toEqual([...releaseDates].sort());
    for (const item of page.items) {
      expect(item).not.toHaveProperty("person");
      expect(item).not.toHaveProperty("contact");
      expect(item).toMatchObject({ municipality: MUNI, planDeadline: { state: "open" } });
    }
    for (const secret of personalStrings()) expect(JSON.stringify(page)).not.toContain(secret);
    expect(page.cursor).toBeUndefined();
  });

  it("audits each notice a list shows (the needs are sensitive), by whom, and no other", async () => {
    const before = await Promise.all(mine.map(async (m) => (await f.audit(m.noticeId)).length));
    const page = await list({ releaseFrom: "2026-03-10", releaseTo: "2026-04-01" });
    const shown = page.items.map((i) => itemSchema.parse(i).noticeId);
    expect(shown.length).toBeGreaterThan(0);
    for (const [index, m] of mine.entries()) {
      const rows = await f.audit(m.noticeId);
      const added = rows.slice(before[index]);
      if (shown.includes(m.noticeId)) {
        expect(added).toEqual([expect.objectContaining({ action: "list", actor: reader.sub })]);
      } else {
        expect(added).toEqual([]);
      }
    }
  });

  it("filters by status", async () => {
    const withdrawn = await list({ status: "withdrawn" });
    expect(withdrawn.items.map((i) => itemSchema.parse(i).noticeId)).toEqual([withdrawnId]);
    const received = await list({ status: "received" });
    expect(received.items.map((i) => itemSchema.parse(i).noticeId)).toEqual(
      sorted(mine.filter((m) => m.noticeId !== withdrawnId)),
    );
  });

  it("filters by release date, both ends included", async () => {
    const page = await list({ releaseFrom: "2026-03-10", releaseTo: "2026-07-07" });
    expect(page.items.map((i) => itemSchema.parse(i).noticeId)).toEqual(
      sorted(mine.filter((m) => m.date >= "2026-03-10" && m.date <= "2026-07-07")),
    );
    const from = await list({ releaseFrom: "2026-07-07" });
    expect(from.items.map((i) => itemSchema.parse(i).noticeId)).toEqual(
      sorted(mine.filter((m) => m.date >= "2026-07-07")),
    );
  });

  it("pages with limit and cursor: every notice once, in order", async () => {
    for (const limit of ["1", "2", "3", "7"]) {
      const { ids, pages } = await allPages({ limit });
      expect(ids).toEqual(sorted(mine));
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(mine.length / Number(limit)));
    }
    const first = await list({ limit: "2" });
    expect(first.items).toHaveLength(2);
    expect(first.cursor).toBeDefined();
  });

  it("pages through a status filter too, with full pages until the end", async () => {
    const { ids } = await allPages({ limit: "2", status: "received" });
    expect(ids).toEqual(sorted(mine.filter((m) => m.noticeId !== withdrawnId)));
    const firstPage = await list({ limit: "2", status: "received" });
    expect(firstPage.items).toHaveLength(2);
  });

  it("answers a cursor it did not issue with 400 naming query.cursor", async () => {
    const answer = await f.h.list({ cursor: "not a cursor!" }, reader);
    expect(answer.status).toBe(400);
    expect(problemOf(answer).errors?.map((e) => e.path)).toEqual(["query.cursor"]);
  });

  it("answers a well-formed cursor that is not one of ours with 400, not 500", async () => {
    const foreign = Buffer.from(JSON.stringify({ pk: "x", sk: "y" }), "utf8").toString("base64url");
    const answer = await f.h.list({ cursor: foreign }, reader);
    expect(answer.status).toBe(400);
    expect(problemOf(answer).errors?.map((e) => e.path)).toEqual(["query.cursor"]);
  });

  it("does not let another municipality's cursor read past it: 400, not 500", async () => {
    const other = await f.h.list({ limit: "1" }, staff("0880"));
    const cursor = pageSchema.parse(other.body).cursor;
    expect(cursor).toBeDefined();
    const answer = await f.h.list({ cursor: cursor ?? "" }, reader);
    expect(answer.status).toBe(400);
  });

  it("answers an empty or reversed date range without a server error", async () => {
    const answer = await f.h.list({ releaseFrom: "2026-08-01", releaseTo: "2026-04-01" }, reader);
    expect(answer.status).toBeLessThan(500);
    if (answer.status === 200) expect(pageSchema.parse(answer.body).items).toEqual([]);
    else expect(problemOf(answer).status).toBe(400);
  });

  it("answers bad query values with 400 naming them", async () => {
    const answer = await f.h.list({ status: "lost", limit: "0", releaseFrom: "2026-02-30" }, reader);
    expect(answer.status).toBe(400);
    expect(
      problemOf(answer)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(["query.limit", "query.releaseFrom", "query.status"]);
  });

  it("is refused to Kriminalvården: the route needs release-notices:read (403)", async () => {
    const answer = await f.h.list({}, KRIMINALVARDEN);
    expect(answer.status).toBe(403);
    problemOf(answer);
    for (const entry of mine) expect(answer.raw).not.toContain(entry.noticeId);
  });

  it("is refused to a read-scope token without a municipality (403)", async () => {
    const answer = await f.h.list({}, { sub: "someone", scope: "release-notices:read" });
    expect(answer.status).toBe(403);
  });
});
