/**
 * The local mailbox: a fake of Amazon SES v2's SendEmail wire call (`POST /v2/email/outbound-emails`,
 * REST-JSON) on a loopback port, so the intake service's real SES client sends its task mail here.
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
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { z } from "zod";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "./aws";
import { readBody, sendJson } from "./http-io";

const LOOPBACK = "127.0.0.1";
const SEND_PATH = "/v2/email/outbound-emails";
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

/** The part of SendEmail's request this fake understands: a simple message, text or HTML. */
const sendEmailSchema = z.object({
  FromEmailAddress: z.string().min(1),
  Destination: z.object({
    ToAddresses: z.array(z.string().min(1)).min(1).max(50),
    CcAddresses: z.array(z.string()).optional(),
    BccAddresses: z.array(z.string()).optional(),
  }),
  Content: z.object({
    Simple: z.object({
      Subject: z.object({ Data: z.string() }),
      Body: z.object({
        Text: z.object({ Data: z.string() }).optional(),
        Html: z.object({ Data: z.string() }).optional(),
      }),
    }),
  }),
});

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

/** SES answers errors as JSON with the error's name in a header; the SDK reads both. */
const sesError = (res: ServerResponse, status: number, type: string, message: string): void => {
  res.setHeader("x-amzn-errortype", type);
  sendJson(res, status, { message });
};

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

  const handle404 = (res: ServerResponse) =>
    sesError(res, 404, "NotFoundException", "Only SendEmail is served here");

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "POST" || path !== SEND_PATH) return handle404(res);
    const read = await readBody(req, BODY_LIMIT_BYTES);
    if (read.kind === "too-large") return sesError(res, 400, "MessageRejected", "The message is too large");
    let body: unknown;
    try {
      body = JSON.parse(read.body.toString("utf8"));
    } catch {
      return sesError(res, 400, "BadRequestException", "The body is not JSON");
    }
    const parsed = sendEmailSchema.safeParse(body);
    if (!parsed.success) {
      return sesError(res, 400, "BadRequestException", "Only a Simple message with ToAddresses is supported");
    }
    const request = parsed.data;
    const mail: LocalMail = {
      messageId: `local-${randomUUID()}`,
      receivedAt: new Date().toISOString(),
      from: request.FromEmailAddress,
      to: request.Destination.ToAddresses,
      subject: request.Content.Simple.Subject.Data,
      text: request.Content.Simple.Body.Text?.Data ?? request.Content.Simple.Body.Html?.Data ?? "",
    };
    try {
      await keep(mail);
    } catch {
      return sesError(res, 500, "InternalFailure", "The mail could not be kept");
    }
    sendJson(res, 200, { MessageId: mail.messageId });
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

/** The SES v2 client a service uses locally: pointed at the mailbox like the other local AWS parts. */
export const localMailClient = (mailbox: Pick<LocalMailbox, "endpoint">): SESv2Client =>
  new SESv2Client({ region: LOCAL_REGION, endpoint: mailbox.endpoint, credentials: LOCAL_CREDENTIALS });

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
