/**
 * GET /v1/release-notices?status=…: each status but withdrawn is a list of its own (gsi3), by
 * release date. A notice moves between the lists as its status changes, and leaves them when it
 * is withdrawn; a cursor of one list is not accepted by another.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { noticeBody, releaseNoticesFixture, staff } from "../../support/release-notices";

const NOW = new Date("2026-01-14T23:30:00Z");
const MUNI = "2580";
const reader = staff(MUNI);
const pageSchema = z.object({
  items: z.array(z.object({ noticeId: z.string(), status: z.string() })),
  cursor: z.string().optional(),
});

describe("a status list", () => {
  it("holds the notices in that status only, follows a change of status, and drops a withdrawal", async () => {
    const f = await releaseNoticesFixture(NOW);
    const list = async (query: Record<string, string>) => {
      const answer = await f.h.list(query, reader);
      expect(answer.status).toBe(200);
      return pageSchema.parse(answer.body);
    };
    const ids: string[] = [];
    for (const date of ["2026-08-01", "2026-05-01", "2026-06-01"]) {
      const body = noticeBody({ municipality: MUNI, expectedReleaseDate: date });
      expect((await f.h.post(body)).status).toBe(201);
      ids.push(body.noticeId);
    }
    const [august, may, june] = ids;
    expect((await f.h.plan(may ?? "", { milestone: "contact-made" }, reader)).status).toBe(200);
    expect((await f.h.withdraw(june ?? "")).status).toBe(200);

    expect((await list({ status: "received" })).items.map((i) => i.noticeId)).toEqual([august]);
    expect((await list({ status: "planning" })).items).toEqual([{ noticeId: may, status: "planning" }]);
    // Withdrawn: off the status lists, still found among all notices.
    const stored = await f.stored(june ?? "");
    expect(stored?.gsi3pk).toBeUndefined();
    expect((await list({ status: "withdrawn" })).items.map((i) => i.noticeId)).toEqual([june]);

    // A cursor is good for the list it came from only.
    const first = await list({ limit: "1" });
    expect(first.cursor).toBeDefined();
    expect((await f.h.list({ status: "received", cursor: first.cursor ?? "" }, reader)).status).toBe(400);
    expect((await list({ limit: "1", cursor: first.cursor ?? "" })).items).toHaveLength(1);
  });
});
