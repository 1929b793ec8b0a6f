/**
 * The local mailbox speaks SES's SendEmail to the real SDK client, lists mail newest first, and
 * keeps every mail it answered across a restart; a line torn by a crash mid-write is dropped.
 */
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localMailClient, startLocalMailbox } from "../../../infra/local/mailbox";
import { sesMailer } from "../../../services/intake/mail/mailer";

const dir = mkdtempSync(join(tmpdir(), "ny-riktning-mailbox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the local mailbox", () => {
  it("takes the SDK's SendEmail, lists newest first, and keeps the mail across a restart", async () => {
    const file = join(dir, "mail.ndjson");
    const first = await startLocalMailbox({ file });
    const client = localMailClient(first);
    const mailer = sesMailer(client, "uppgifter@ny-riktning.invalid");
    await mailer.send({ to: "a@kommun.invalid", subject: "Första", text: "ett" });
    await mailer.send({ to: "b@kommun.invalid", subject: "Andra", text: "två" });
    expect(first.list().map((m) => [m.to, m.subject, m.from])).toEqual([
      [["b@kommun.invalid"], "Andra", "uppgifter@ny-riktning.invalid"],
      [["a@kommun.invalid"], "Första", "uppgifter@ny-riktning.invalid"],
    ]);
    client.destroy();
    await first.stop();

    // A crash in the middle of the next write leaves half a line behind.
    appendFileSync(file, '{"messageId":"local-torn","receivedAt":');
    const second = await startLocalMailbox({ file });
    try {
      expect(second.list().map((m) => m.subject)).toEqual(["Andra", "Första"]);
    } finally {
      await second.stop();
    }
  });

  it("refuses what is not a simple SendEmail, as SES does, so the sender's retry shows", async () => {
    const mailbox = await startLocalMailbox();
    try {
      const post = (form: Record<string, string>) =>
        fetch(`${mailbox.endpoint}/`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(form).toString(),
        });
      const wrong = await post({ Action: "SendEmail", Version: "2010-12-01", Source: "x@y.invalid" });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain("<Code>InvalidParameterValue</Code>");
      // The SDK reads the refusal as SES's own error, by its code.
      const client = localMailClient(mailbox);
      await expect(
        sesMailer(client, "x@y.invalid").send({ to: "", subject: "Tom", text: "ingen mottagare" }),
      ).rejects.toMatchObject({ name: "InvalidParameterValue" });
      client.destroy();
      const other = await post({ Action: "VerifyEmailIdentity", EmailAddress: "x@y.invalid" });
      expect(other.status).toBe(400);
      expect(await other.text()).toContain("<Code>InvalidAction</Code>");
      expect(mailbox.list()).toEqual([]);
    } finally {
      await mailbox.stop();
    }
  });
});
