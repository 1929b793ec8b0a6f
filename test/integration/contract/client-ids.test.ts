/**
 * Ids a client chooses go into keys, logs, events and URLs. One that holds a valid personnummer
 * or samordningsnummer is refused with a problem that names the field and the rule, writes
 * nothing, and does not echo the number. Ordinary digit runs (a check digit that fails) pass.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { problemSchema } from "../../../shared/http/problem";
import { IDENTITY_IN_ID_MESSAGE } from "../../../shared/identity/in-text";
import {
  desk,
  type IntakeFixture,
  intakeFixture,
  personnummer,
  referralBody,
  staff,
} from "../../support/intake";
import type { Answer } from "../../support/lambda";
import { noticeBody, type ReleaseNoticesFixture, releaseNoticesFixture } from "../../support/release-notices";

const NOW = new Date("2026-11-23T10:00:00+01:00");
// A valid number (its check digit holds), and the same digits with a wrong check digit.
const PERSON = personnummer("19900101", "001");
const VALID = PERSON.thirteen.replace("-", "");
const NOT_A_NUMBER = `${VALID.slice(0, -1)}${(Number(VALID.slice(-1)) + 1) % 10}`;

let notices: ReleaseNoticesFixture;
let intake: IntakeFixture;
beforeAll(async () => {
  [notices, intake] = await Promise.all([releaseNoticesFixture(NOW), intakeFixture(NOW)]);
});

const refusal = (answer: Answer, path: string) => {
  expect(answer.status).toBe(400);
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  const problem = problemSchema().parse(answer.body);
  expect(problem.errors).toContainEqual({ path, message: IDENTITY_IN_ID_MESSAGE });
  const text = JSON.stringify(answer.body);
  expect(text).not.toContain(VALID);
  expect(text).not.toContain(VALID.slice(2));
};

describe("client-chosen ids that carry a personnummer", () => {
  it("refuse a release notice whose noticeId holds one, and write nothing", async () => {
    const before = await notices.itemCount();
    refusal(await notices.h.post(noticeBody({ noticeId: `KV-${VALID}` })), "noticeId");
    refusal(
      await notices.h.post(noticeBody({ noticeId: `KV-${VALID.slice(2, 8)}-${VALID.slice(8)}` })),
      "noticeId",
    );
    expect(await notices.itemCount()).toBe(before);
    // Digits that are not a number with a valid check digit are an ordinary id.
    expect(
      (
        await notices.h.post(
          noticeBody({ noticeId: `KV-${NOT_A_NUMBER}`, expectedReleaseDate: "2027-06-15" }),
        )
      ).status,
    ).toBe(201);
  });

  it("refuse an Idempotency-Key that holds one", async () => {
    const before = await intake.itemCount();
    const answer = await intake.h.post(referralBody(), desk(), { "idempotency-key": `school-${VALID}` });
    refusal(answer, "header.idempotency-key");
    expect(await intake.itemCount()).toBe(before);
  });

  it("refuse a caseworker id that holds one", async () => {
    const answer = await intake.h.putCaseworker(
      "utredning-unga-vuxna",
      `cw-${VALID}`,
      { name: "Anna Berg", capacity: 20 },
      staff("0880"),
    );
    refusal(answer, "path.caseworkerId");
  });
});
