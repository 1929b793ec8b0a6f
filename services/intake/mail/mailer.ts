import { type SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { TaskMail } from "../domain/task-mail";

/** Sends one e-mail; rejects when the mail service did not accept it (the queue retries the task's event). */
export interface Mailer {
  send(mail: TaskMail): Promise<void>;
}

/**
 * Amazon SES v2's SendEmail with a simple (text-only) message from the configured sender. The
 * same client speaks to SES in AWS and to the local runtime's fake (infra/local/mailbox.ts).
 */
export const sesMailer = (client: SESv2Client, from: string): Mailer => ({
  async send(mail) {
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: from,
        Destination: { ToAddresses: [mail.to] },
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: "UTF-8" },
            Body: { Text: { Data: mail.text, Charset: "UTF-8" } },
          },
        },
      }),
    );
  },
});
