import { type SESClient, SendEmailCommand } from "@aws-sdk/client-ses";
import type { TaskMail } from "../domain/task-mail";

/** Sends one e-mail; rejects when the mail service did not accept it (the queue retries the task's event). */
export interface Mailer {
  send(mail: TaskMail): Promise<void>;
}

/**
 * Amazon SES's SendEmail (the SES API's first version) with a plain-text message from the configured
 * sender. The same client speaks to SES in AWS and to the local runtime's fake (infra/local/mailbox.ts).
 *
 * Why not SES API v2, which AWS recommends for new features: its SDK client writes every operation's
 * HTTP binding with a computed key, which esbuild cannot prove free of side effects, so all 122
 * operations' schemas stay in the bundle where one is sent (aws/aws-sdk-js-v3#7607, open): 60 KiB
 * against this client's 25, in the queue consumer, the one function that mails. SendEmail with a
 * simple message is the same call in both, with the same IAM action (ses:SendEmail) and the same
 * verified identities.
 */
export const sesMailer = (client: SESClient, from: string): Mailer => ({
  async send(mail) {
    await client.send(
      new SendEmailCommand({
        Source: from,
        Destination: { ToAddresses: [mail.to] },
        Message: {
          Subject: { Data: mail.subject, Charset: "UTF-8" },
          Body: { Text: { Data: mail.text, Charset: "UTF-8" } },
        },
      }),
    );
  },
});
