/**
 * The local mailbox: a fake of Amazon SES's SendEmail wire call (the SES API of 2010-12-01, AWS query
 * protocol: a form `POST /` with `Action=SendEmail`, answered in XML) on a loopback port, so the
 * intake service's real SES client sends its task mail here (services/intake/mail/mailer.ts says why
 * that API).
 * Every mail is appended to a file and synced to disk before the send is answered, so a crash
 * loses no mail that was reported sent; `list()` (served as GET /_local/mail) shows them newest first.
 * Local only: nothing here is deployed.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { SESClient } from "@aws-sdk/client-ses";
import { z } from "zod";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "./aws";
import { readBody } from "./http-io";

const LOOPBACK = "127.0.0.1";
const SEND_PATH = "/";
const SES_XMLNS = "http://ses.amazonaws.com/doc/2010-12-01/";
const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export interface LocalMail {
  readonly messageId: string;
  readonly receivedAt: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
}

const mailSchema = z.object({
  messageId: z.string(),
  receivedAt: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
});

/**
 * The part of SendEmail's request this fake understands, from the query protocol's flattened form
 * (`Destination.ToAddresses.member.1`, `Message.Body.Text.Data`): a simple message, text or HTML.
 */
const sendEmailSchema = z.object({
  Source: z.string().min(1),
  to: z.array(z.string().min(1)).min(1).max(50),
  subject: z.string(),
  text: z.string().optional(),
  html: z.string().optional(),
});

const sendEmailFields = (form: URLSearchParams) => ({
  Source: form.get("Source") ?? undefined,
  to: [...form.entries()]
    .filter(([name]) => /^Destination\.ToAddresses\.member\.\d+$/.test(name))
    .sort(([a], [b]) => Number(a.split(".").pop()) - Number(b.split(".").pop()))
    .map(([, value]) => value),
  subject: form.get("Message.Subject.Data") ?? undefined,
  text: form.get("Message.Body.Text.Data") ?? undefined,
  html: form.get("Message.Body.Html.Data") ?? undefined,
});

const xmlEscape = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface LocalMailbox {
  /** The SES endpoint to give the SDK (`endpoint`). */
  readonly endpoint: string;
  readonly port: number;
  /** Every mail received, newest first. */
  list(): readonly LocalMail[];
  stop(): Promise<void>;
}

export interface StartLocalMailboxOptions {
  /** 0 or absent: a free port. */
  readonly port?: number;
  /** Where the mails are kept (one JSON line each); absent: in memory only (tests). */
  readonly file?: string;
}

/** The mails a file holds; a line torn by a crash mid-write (never answered as sent) is dropped. */
const readMails = (file: string): LocalMail[] => {
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return [];
    throw error;
  }
  return content.split("\n").flatMap((line) => {
    if (!line.trim()) return [];
    try {
      const parsed = mailSchema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
};

const sendXml = (res: ServerResponse, status: number, xml: string): void => {
  res.writeHead(status, { "content-type": "text/xml" });
  res.end(xml);
};

/** SES answers an error as an XML ErrorResponse whose Code the SDK turns into the error's name. */
const sesError = (res: ServerResponse, status: number, code: string, message: string): void =>
  sendXml(
    res,
    status,
    `<ErrorResponse xmlns="${SES_XMLNS}"><Error><Type>${status >= 500 ? "Receiver" : "Sender"}</Type>` +
      `<Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error>` +
      `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );

export const startLocalMailbox = async (options: StartLocalMailboxOptions = {}): Promise<LocalMailbox> => {
  const mails: LocalMail[] = options.file ? readMails(options.file) : [];
  let handle: FileHandle | undefined;
  if (options.file) {
    mkdirSync(dirname(options.file), { recursive: true });
    handle = await open(options.file, "a");
  }
  // One append at a time, each synced before its send is answered.
  let writing: Promise<void> = Promise.resolve();
  const keep = (mail: LocalMail): Promise<void> => {
    const run = writing.then(async () => {
      if (handle) {
        await handle.appendFile(`${JSON.stringify(mail)}\n`, "utf8");
        await handle.datasync();
      }
      mails.push(mail);
    });
    writing = run.catch(() => undefined);
    return run;
  };

  const onlySendEmail = (res: ServerResponse) =>
    sesError(res, 400, "InvalidAction", "Only SendEmail is served here");

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "POST" || path !== SEND_PATH) return onlySendEmail(res);
    const read = await readBody(req, BODY_LIMIT_BYTES);
    if (read.kind === "too-large") return sesError(res, 400, "MessageRejected", "The message is too large");
    const form = new URLSearchParams(read.body.toString("utf8"));
    if (form.get("Action") !== "SendEmail") return onlySendEmail(res);
    const parsed = sendEmailSchema.safeParse(sendEmailFields(form));
    if (!parsed.success) {
      return sesError(
        res,
        400,
        "InvalidParameterValue",
        "Only a simple message with ToAddresses is supported",
      );
    }
    const request = parsed.data;
    const mail: LocalMail = {
      messageId: `local-${randomUUID()}`,
      receivedAt: new Date().toISOString(),
      from: request.Source,
      to: request.to,
      subject: request.subject,
      text: request.text ?? request.html ?? "",
    };
    try {
      await keep(mail);
    } catch {
      return sesError(res, 500, "InternalFailure", "The mail could not be kept");
    }
    sendXml(
      res,
      200,
      `<SendEmailResponse xmlns="${SES_XMLNS}"><SendEmailResult><MessageId>${xmlEscape(mail.messageId)}</MessageId>` +
        `</SendEmailResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></SendEmailResponse>`,
    );
  };

  const server = createServer((req, res) => {
    onRequest(req, res).catch(() => {
      if (!res.headersSent) sesError(res, 500, "InternalFailure", "The local mailbox failed");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port ?? 0, host: LOOPBACK }, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let stopping: Promise<void> | undefined;
  return {
    endpoint: `http://${LOOPBACK}:${port}`,
    port,
    list: () => [...mails].reverse(),
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await writing;
        await handle?.close();
      })();
      return stopping;
    },
  };
};

/** The SES client a service uses locally: pointed at the mailbox like the other local AWS parts. */
export const localMailClient = (mailbox: Pick<LocalMailbox, "endpoint">): SESClient =>
  new SESClient({ region: LOCAL_REGION, endpoint: mailbox.endpoint, credentials: LOCAL_CREDENTIALS });

/**
 * The task mail settings the local runtime gives intake (in AWS they are its environment, see
 * services/intake/README.md): every unit's inbox and every caseworker at the reserved `.invalid`
 * domain, so that no local mail could ever reach a real address. The environment overrides them.
 */
export const localTaskMailEnv = (consoleUrl: string): Record<string, string> => ({
  TASKS_MAIL_FROM: "uppgifter@ny-riktning.invalid",
  CONSOLE_URL: consoleUrl,
  TASKS_MAIL_DIRECTORY: JSON.stringify({
    "*": { inbox: "{unit}.{municipality}@kommun.invalid", caseworker: "{id}.{municipality}@kommun.invalid" },
  }),
});
