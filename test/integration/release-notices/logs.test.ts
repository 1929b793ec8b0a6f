/**
 * No personnummer, name, phone number or e-mail address in any log line: everything the handlers
 * write to stdout and stderr is captured across good and bad requests, reads and the sweep.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createHandler as createSweep } from "../../../services/release-notices/handlers/deadline-sweep";
import { captureOutput } from "../../support/output";
import {
  noticeBody,
  OTHER_PERSON,
  PERSON,
  personalStrings,
  type ReleaseNoticesFixture,
  releaseNoticesFixture,
  staff,
  updateBody,
} from "../../support/release-notices";

const NOW = new Date("2026-01-14T23:30:00Z");
const WRONG_CHECK_DIGIT = ["19900101-0018", "199001010018", "9001010018", "900101-0018"];

let f: ReleaseNoticesFixture;
beforeAll(async () => {
  f = await releaseNoticesFixture(NOW);
});

let output = { text: () => "" };
const capture = () => {
  output = captureOutput();
};
afterEach(() => {
  vi.restoreAllMocks();
});

const expectClean = (secrets: readonly string[]) => {
  const text = output.text();
  for (const secret of secrets) expect(text, `a log line contains "${secret}"`).not.toContain(secret);
};

describe("what the handlers log", () => {
  it("holds no identity number and no contact details, for bad requests", async () => {
    capture();
    const bad = [
      noticeBody({ person: { personalIdentityNumber: "19900101-0018" } }),
      noticeBody({ municipality: "9999" }),
      noticeBody({ expectedReleaseDate: "2026-01-14" }),
      { ...noticeBody(), unknownField: PERSON.thirteen },
      `{"person":{"personalIdentityNumber":"${PERSON.thirteen}"},"contact":{"name":"Anna Andersson"`,
      { ...noticeBody(), padding: `${PERSON.thirteen} `.repeat(6000) },
    ];
    const statuses: number[] = [];
    for (const body of bad) statuses.push((await f.h.post(body)).status);
    vi.restoreAllMocks();

    expect(statuses).toEqual([400, 400, 422, 400, 400, 413]);
    // The capture worked: the edge's access lines are there, with the status codes.
    const lines = output.text().split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(bad.length);
    expect(output.text()).toContain('"status":422');
    expectClean([...personalStrings(), ...WRONG_CHECK_DIGIT]);
  });

  it("holds no identity number and no contact details, for good requests, conflicts, reads and the sweep", async () => {
    const body = noticeBody({ expectedReleaseDate: "2026-01-20" });
    capture();
    const statuses = [
      (await f.h.post(body)).status,
      (await f.h.post({ ...body, person: { personalIdentityNumber: PERSON.ten } })).status,
      (await f.h.post({ ...body, person: { personalIdentityNumber: OTHER_PERSON.thirteen } })).status,
      (
        await f.h.put(
          body.noticeId,
          updateBody(body, { person: { personalIdentityNumber: OTHER_PERSON.eleven } }),
        )
      ).status,
      (await f.h.put(body.noticeId, updateBody(body, { needs: ["threat"] }))).status,
      (await f.h.get(body.noticeId, staff("0880"))).status,
      (await f.h.get(body.noticeId)).status,
      (await f.h.list({}, staff("0880"))).status,
      (
        await f.h.plan(
          body.noticeId,
          { milestone: "contact-made", note: `Ringt ${PERSON.thirteen}` },
          staff("0880"),
        )
      ).status,
    ];
    f.clock.set(new Date("2026-01-19T23:00:00Z"));
    const sweep = await createSweep(f.deps)({}, {});
    f.clock.set(NOW);
    vi.restoreAllMocks();

    expect(statuses).toEqual([201, 200, 409, 409, 200, 200, 200, 200, 200]);
    expect(sweep.breaches).toBe(1);
    expect(output.text()).toContain("notice received");
    expectClean([...personalStrings(), ...personalStrings(OTHER_PERSON)]);
  });
});
