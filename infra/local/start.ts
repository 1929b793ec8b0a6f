/**
 * `npm start`: DynamoDB Local and fauxqs on loopback, the tables and queues from shared/resources,
 * and every service's handlers behind a local API Gateway, queue pollers and schedules.
 *
 * Environment: PORT (default 3000), LOCAL_DYNAMODB_PORT (PORT+1), LOCAL_SQS_PORT (PORT+2),
 * LOCAL_SCHEDULE_SECONDS (run every schedule this often instead of its own interval), LOCAL_DATA_DIR
 * (default .local/),
 * LOCAL_RECEIVER_PORT (PORT+3: a receiver for the status deliveries, infra/local/webhook-receiver.ts),
 * LOCAL_MAIL_PORT (PORT+4: the SES mailbox the task mail goes to, infra/local/mailbox.ts).
 *
 * Nothing is lost by a stop or a crash: DynamoDB Local keeps its tables in LOCAL_DATA_DIR, and every
 * queued message is journaled there before its send is answered and sent back into its queue here.
 */
import { derivedCredentials } from "../../services/hotline/webhook-auth";
import { type LocalAws, localClients, startLocalAws } from "./aws";
import { createLocalConsole, SIGN_IN_PATH } from "./console";
import { removeLock, runningInstance, writeLock } from "./lock";
import { consoleLogger } from "./log";
import { LOCAL_DYNAMODB_DIR, LOCAL_MAIL_FILE, LOCAL_SQS_JOURNAL, shownPath } from "./paths";
import { provisionLocalResources } from "./provision";
import { type LocalRuntime, startLocalRuntime } from "./runtime";
import { developmentTokens } from "./tokens";
import { receiverLines, startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

const port = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a port number (1-65535), not ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
};

// Lambda runs Node.js 22; the SDK's notice that a later release will need 22 concerns only this
// laptop's Node 20 (TOOLCHAIN.md) and would open every start with a wall of text.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** The telephony webhooks' basic-auth credentials; the provider puts them in our webhook URLs. */
const LOCAL_WEBHOOK_USER = "elks";
const LOCAL_WEBHOOK_PASSWORD = "local-webhook-password";
process.env.HOTLINE_WEBHOOK_USER ??= LOCAL_WEBHOOK_USER;
process.env.HOTLINE_WEBHOOK_PASSWORD ??= LOCAL_WEBHOOK_PASSWORD;

const main = async (): Promise<void> => {
  const httpPort = port("PORT", 3000);
  const dynamodbPort = port("LOCAL_DYNAMODB_PORT", httpPort + 1);
  const sqsPort = port("LOCAL_SQS_PORT", httpPort + 2);
  const scheduleSeconds = process.env.LOCAL_SCHEDULE_SECONDS
    ? Number(process.env.LOCAL_SCHEDULE_SECONDS)
    : undefined;
  if (scheduleSeconds !== undefined && !(scheduleSeconds > 0)) {
    console.error("LOCAL_SCHEDULE_SECONDS must be a positive number");
    process.exit(2);
  }

  const other = runningInstance();
  if (other) {
    console.error(`The local runtime is already running (pid ${other.pid}, ${other.url}); it owns .local/.`);
    process.exit(1);
  }

  let aws: LocalAws | undefined;
  let runtime: LocalRuntime | undefined;
  let receiver: WebhookReceiver | undefined;
  let stopping = false;
  const shutdown = async (code: number): Promise<never> => {
    if (stopping) process.exit(code);
    stopping = true;
    consoleLogger.info("stopping…");
    try {
      await runtime?.stop();
      await receiver?.stop();
      await aws?.stop();
    } finally {
      removeLock();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    consoleLogger.info("starting DynamoDB Local and fauxqs…");
    aws = await startLocalAws({
      dynamodbPort,
      sqsPort,
      dataDir: LOCAL_DYNAMODB_DIR,
      sqsJournalFile: LOCAL_SQS_JOURNAL,
    });
    const clients = localClients(aws);
    const resources = await provisionLocalResources(clients);
    // Before any consumer polls: the messages queued when the runtime last stopped or crashed.
    const restored = await aws.restoreQueues();
    if (restored?.restored || restored?.kept) {
      consoleLogger.info(
        `${restored.restored} queued messages restored from ${shownPath(LOCAL_SQS_JOURNAL)}${restored.kept ? `, ${restored.kept} kept for queues that do not exist` : ""}`,
      );
    }
    const tokens = await developmentTokens();
    consoleLogger.info("building the staff console…");
    runtime = await startLocalRuntime({
      console: await createLocalConsole({ tokens }),
      clients,
      resources,
      tokens,
      port: httpPort,
      mailbox: { port: port("LOCAL_MAIL_PORT", httpPort + 4), file: LOCAL_MAIL_FILE },
      ...(scheduleSeconds !== undefined ? { scheduleIntervalMs: () => scheduleSeconds * 1000 } : {}),
    });
    writeLock(runtime.url);
    receiver = await startWebhookReceiver({ port: port("LOCAL_RECEIVER_PORT", httpPort + 3) });

    const url = runtime.url;
    const byKind = (kind: string) => runtime?.functions.filter((f) => f.definition.kind === kind).length ?? 0;
    const skipped = runtime.skipped;
    const queues = Object.values(resources.queues)
      .map((q) => `${q.name} (+ ${q.deadLetter.name})`)
      .join(", ");
    // One ready token per role, as the design asks; the commands below mint others.
    const roles = [
      {
        name: "KV_TOKEN",
        who: "Kriminalvården",
        scope: "release-notices:write national",
        sub: "kriminalvarden-system",
      },
      {
        name: "STAFF_TOKEN",
        who: "staff in Kalmar (0880)",
        scope: "release-notices:read release-notices:manage",
        municipality: "0880",
        sub: "socsek-kalmar-1",
      },
      {
        name: "HOTLINE_ADMIN_TOKEN",
        who: "hotline schedule admin in Kalmar",
        scope: "hotline:admin",
        municipality: "0880",
        sub: "jour-admin-kalmar",
      },
      {
        name: "SETTINGS_ADMIN_TOKEN",
        who: "the municipality's administrator in Kalmar (its settings)",
        scope: "settings:admin",
        municipality: "0880",
        sub: "kommun-admin-kalmar",
      },
      {
        name: "JOUR_TOKEN",
        who: "on-call social worker in Kalmar",
        scope: "hotline:handle",
        municipality: "0880",
        sub: "jour-bo",
      },
      {
        name: "SOS_TOKEN",
        who: "Socialstyrelsen's förstärkningsteam",
        scope: "reports:read national",
        sub: "socialstyrelsen",
      },
      { name: "SUBMIT_TOKEN", who: "Borås's own figures", scope: "reports:submit", municipality: "1490" },
    ];
    const tokenLines = await Promise.all(
      roles.map(
        async ({ name, who, ...request }) => `  export ${name}=${await tokens.signToken(request)}   # ${who}`,
      ),
    );
    const lines = [
      "",
      "Ny riktning, local runtime",
      "",
      `  Console    ${url}/   (sign in at ${url}${SIGN_IN_PATH})`,
      `  API        ${url}`,
      `  Health     ${url}/health`,
      `  OpenAPI    ${url}/openapi.json`,
      `  DynamoDB   ${aws.dynamodbEndpoint}   data in ${shownPath(LOCAL_DYNAMODB_DIR)}/, kept across restarts (npm run reset empties it)`,
      `  SQS        ${aws.sqsEndpoint}   every queued message journaled in ${shownPath(LOCAL_SQS_JOURNAL)}, kept across restarts and crashes`,
      `  Mail       ${url}/_local/mail   task mail, newest first (SES fake at ${runtime.mailEndpoint}; kept in ${shownPath(LOCAL_MAIL_FILE)})`,
      "  Clock      real time; a clock pinned with /_local/clock goes back to real time on restart",
      "",
      `  Tables:  ${Object.values(resources.tables).join(", ")}`,
      `  Queues:  ${queues}`,
      `  Loaded:  ${byKind("http")} routes, ${byKind("queue")} queue consumers, ${byKind("schedule")} schedules${
        scheduleSeconds ? ` (every ${scheduleSeconds} s)` : ""
      }`,
      ...(skipped.length
        ? [
            `  Skipped: ${skipped.map((s) => `${s.id} (${s.reason === "missing" ? "module missing" : "failed to load"})`).join(", ")}`,
          ]
        : []),
      "",
      "Development tokens (RS256, valid 8 h, accepted only here):",
      ...tokenLines,
      `  Telephony webhooks: each municipality has its own basic credential, derived from ${process.env.HOTLINE_WEBHOOK_USER}:${process.env.HOTLINE_WEBHOOK_PASSWORD}; Kalmar's: HOOK="-u ${Object.values(derivedCredentials(process.env.HOTLINE_WEBHOOK_USER ?? "", process.env.HOTLINE_WEBHOOK_PASSWORD ?? "", "0880")).join(":")}" (others: services/hotline/README.md)`,
      "  or mint one:",
      `  Kriminalvården   TOKEN=$(npm run --silent token -- --scope "release-notices:write national")`,
      `  Municipal staff  TOKEN=$(npm run --silent token -- --scope "release-notices:read release-notices:manage" --municipality 0880)`,
      `  then             curl -H "Authorization: Bearer $TOKEN" ${url}/v1/release-notices`,
      "",
      ...receiverLines(receiver, url),
      "Local control surface (never deployed):",
      `  set the clock    curl -X POST -H 'content-type: application/json' -d '{"now":"2027-01-15T09:00:00+01:00"}' ${url}/_local/clock`,
      `  real time again  curl -X POST -H 'content-type: application/json' -d '{"now":null}' ${url}/_local/clock`,
      `  run sweeps, drain queues  curl -X POST -H 'content-type: application/json' ${url}/_local/tick`,
      "",
      "Ctrl-C stops everything.",
      "",
    ];
    console.log(lines.join("\n"));
  } catch (error) {
    consoleLogger.error("the local runtime did not start", error);
    console.error(
      `Ports: PORT=${httpPort}, LOCAL_DYNAMODB_PORT=${dynamodbPort}, LOCAL_SQS_PORT=${sqsPort} (set them to move).`,
    );
    await shutdown(1);
  }
};

await main();
