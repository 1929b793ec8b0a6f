/**
 * Schedules through the handlers on DynamoDB Local: an administrator sets one, staff ask who is on
 * call (overrides, the daylight-saving switch), and the gaps of the coming week are reported.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  ANNA,
  admin,
  BO,
  field,
  type HotlineFixture,
  hotlineFixture,
  onCallStaff,
  personalStrings,
  scheduleBody,
} from "../../support/hotline";

// Wednesday 25 March 2026, noon in Sweden: the rotation starts on Friday the 27th at 08:00.
const NOW = new Date("2026-03-25T11:00:00Z");

let f: HotlineFixture;
beforeAll(async () => {
  f = await hotlineFixture(NOW);
});

describe("PUT /v1/hotline/schedules/{municipality}", () => {
  it("creates (201) and then replaces (200) the schedule, recording who changed it", async () => {
    const created = await f.h.putSchedule(scheduleBody());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      municipality: "0880",
      handoffTime: "08:00",
      rotation: { shiftDays: 1, members: [{ id: "anna" }, { id: "bo" }, { id: "cilla" }] },
      manager: { id: "maja" },
      updatedBy: "admin-0880",
    });
    const replaced = await f.h.putSchedule(
      scheduleBody({
        overrides: [
          { start: "2026-03-28T12:00:00+01:00", end: "2026-03-28T20:00:00+01:00", memberId: "anna" },
        ],
      }),
    );
    expect(replaced.status).toBe(200);
    expect(field(replaced.body, "overrides")).toHaveLength(1);
  });

  it("names every bad field in one 400 and writes nothing, echoing no phone number", async () => {
    const before = (await f.items()).length;
    const answer = await f.h.putSchedule(
      scheduleBody({
        timeZone: "Europe/Nowhere",
        handoffTime: "8:00",
        rotation: {
          startDate: "2026-03-27",
          shiftDays: 0,
          members: [ANNA, { ...BO, phone: "0701000002" }],
        },
        overrides: [{ start: "2026-03-28T20:00:00Z", end: "2026-03-28T12:00:00Z", memberId: "zed" }],
        ringSeconds: 500,
        unknown: 1,
      }),
    );
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    const paths = (field(answer.body, "errors") as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(
      [
        "handoffTime",
        "overrides.0.end",
        "overrides.0.memberId",
        "ringSeconds",
        "rotation.members.1.phone",
        "rotation.shiftDays",
        "timeZone",
        "unknown",
      ].sort(),
    );
    expect(answer.raw).not.toContain("0701000002");
    expect((await f.items()).length).toBe(before);
  });

  it("is refused for another municipality's administrator, and for on-call staff", async () => {
    expect((await f.h.putSchedule(scheduleBody(), admin("0180"))).status).toBe(403);
    expect((await f.h.putSchedule(scheduleBody(), onCallStaff())).status).toBe(403);
  });
});

describe("GET /v1/hotline/on-call", () => {
  it("says who is on call and for how long, honouring an override", async () => {
    const during = await f.h.onCall({ municipality: "0880", at: "2026-03-28T13:00:00Z" });
    expect(during.status).toBe(200);
    expect(during.body).toEqual({
      memberId: "anna",
      name: ANNA.name,
      from: "2026-03-28T11:00:00.000Z",
      until: "2026-03-28T19:00:00.000Z",
      override: true,
    });
    const after = await f.h.onCall({ municipality: "0880", at: "2026-03-28T20:00:00Z" }, admin());
    expect(after.body).toMatchObject({ memberId: "bo", from: "2026-03-28T19:00:00.000Z" });
    expect(after.raw).not.toContain(BO.phone);
  });

  it("hands over at 08:00 Swedish time on the day summer time begins", async () => {
    const before = await f.h.onCall({ municipality: "0880", at: "2026-03-29T05:59:00Z" });
    const after = await f.h.onCall({ municipality: "0880", at: "2026-03-29T06:00:00Z" });
    expect(field(before.body, "memberId")).toBe("bo");
    expect(field(before.body, "until")).toBe("2026-03-29T06:00:00.000Z");
    expect(field(after.body, "memberId")).toBe("cilla");
  });

  it("answers 404 when nobody is on call, and for another municipality", async () => {
    const gap = await f.h.onCall({ municipality: "0880" }); // now: before the rotation starts
    expect(gap.status).toBe(404);
    expect(field(gap.body, "type")).toMatch(/nobody-on-call$/);
    expect((await f.h.onCall({ municipality: "0880" }, onCallStaff("0180"))).status).toBe(403);
    expect((await f.h.onCall({ municipality: "0180" }, onCallStaff("0180"))).status).toBe(404);
  });
});

describe("GET /v1/hotline/schedules/{municipality}/gaps", () => {
  it("reports the coming days with nobody on call and members without a phone", async () => {
    await f.h.putSchedule(
      scheduleBody({
        rotation: { startDate: "2026-03-27", shiftDays: 1, members: [ANNA, { id: "bo", name: "Bo Ek" }] },
      }),
    );
    const answer = await f.h.gaps({ days: "4" });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      municipality: "0880",
      from: "2026-03-25T11:00:00.000Z",
      until: "2026-03-29T11:00:00.000Z",
      gaps: [
        { kind: "nobody-on-call", start: "2026-03-25T11:00:00.000Z", end: "2026-03-27T07:00:00.000Z" },
        {
          kind: "no-phone",
          memberId: "bo",
          start: "2026-03-28T07:00:00.000Z",
          end: "2026-03-29T06:00:00.000Z",
        },
      ],
      fallbackMessageMissing: false,
    });
    for (const secret of personalStrings()) expect(answer.raw).not.toContain(secret);
  });

  it("rejects a horizon beyond 60 days", async () => {
    const answer = await f.h.gaps({ days: "400" });
    expect(answer.status).toBe(400);
    expect(field(answer.body, "errors", "0", "path")).toBe("query.days");
  });
});
