/**
 * No identity number, summary, note or caseworker name in any log line: everything the handlers,
 * the consumer and the sweep write to stdout and stderr is captured across good and bad input.
 */
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import { referralViewSchema } from "../../../services/intake/contract";
import {
  ADULT,
  CHILD,
  type IntakeFixture,
  intakeFixture,
  noticeReceived,
  referralBody,
  SUMMARY,
  staff,
} from "../../support/intake";
import { captureOutput } from "../../support/output";

const NOW = new Date("2026-11-23T10:00:00+01:00");
const NOTE = "Pappan Per Persson hotade läraren.";
const NAME = "Karin Lund";

let f: IntakeFixture;
beforeAll(async () => {
  f = await intakeFixture(NOW);
});

let output = { text: () => "" };
const capture = () => {
  output = captureOutput();
};
afterEach(() => {
  vi.restoreAllMocks();
});

it("logs no identity number, free text or name, whatever the request", async () => {
  capture();
  const wrongCheck = `${CHILD.thirteen.slice(0, -1)}${(Number(CHILD.thirteen.slice(-1)) + 1) % 10}`;
  const statuses = [
    (await f.h.post(referralBody({ subject: { personalIdentityNumber: wrongCheck } }))).status,
    (await f.h.post({ ...referralBody(), kind: SUMMARY })).status,
    (await f.h.post(`{"subject":{"personalIdentityNumber":"${CHILD.thirteen}"},"summary":"${SUMMARY}"`))
      .status,
  ];
  const posted = await f.h.post(referralBody());
  const referral = referralViewSchema.parse(posted.body);
  await f.h.protection(referral.id, { immediateProtectionNeeded: true, note: NOTE }, staff("0880"));
  await f.h.putCaseworker("mottag-barn", "cw-1", { name: NAME, capacity: 10 }, staff("0880"));
  await f.h.assign(referral.id, {}, staff("0880"));
  await f.h.get(referral.id, staff("0880"));
  await f.consume([noticeReceived(`KV-logs-${Date.now()}`, ADULT)]);
  f.clock.set(new Date("2026-12-31T12:00:00Z"));
  await f.sweep();
  vi.restoreAllMocks();
  expect(statuses).toEqual([400, 400, 400]);
  expect(posted.status).toBe(201);
  const text = output.text();
  expect(text).toContain("referral received");
  for (const secret of [...CHILD.forms, ...ADULT.forms, SUMMARY, NOTE, NAME]) {
    expect(text, `a log line contains "${secret}"`).not.toContain(secret);
  }
});
