/**
 * One cold start, in a fresh Node process started by cold.ts: `node cold-child.mjs <bundle> <fixture>`.
 * Times the import of the bundle (as Lambda's init does), then the first invocation (the handler
 * builds what it builds lazily, and answers one request against the local servers), then the CPU
 * (user + system, this process) of each warm request. The import and the first answer are also
 * given as this process's CPU time, which other processes on the cores disturb far less than the
 * wall clock. Prints one line `COLD <json>` to stdout;
 * the handler's own log lines go to stdout as in Lambda, and are dropped by the parent.
 * Its own clock is `process.hrtime`, not the `performance` global: the global's first use loads
 * Node's performance timing modules (1.5-3.5 ms of CPU), which this process would then have paid
 * for the function before its import (docs/benchmarks.md, the eighth pass).
 */
import { subscribe } from "node:diagnostics_channel";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [bundle, fixtureFile] = process.argv.slice(2);
const fixture = JSON.parse(readFileSync(fixtureFile, "utf8"));

/**
 * The requests the first answer sends, by the local server they reach (the SDK's HTTP requests,
 * seen through Node's diagnostics channel, nothing in the bundle touched): the floor's first answer
 * sends one GetItem, so a function's ratio reads against how many it needs.
 */
const SERVERS = {
  DynamoDB: process.env.AWS_ENDPOINT_URL_DYNAMODB,
  SQS: process.env.AWS_ENDPOINT_URL_SQS,
  "Secrets Manager": process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER,
};
const serverOf = (hostHeader) =>
  Object.entries(SERVERS).find(([, url]) => url && new URL(url).host === hostHeader)?.[0] ?? "other";
let requests;
subscribe("http.client.request.start", ({ request }) => {
  if (!requests) return;
  const server = serverOf(String(request.getHeader("host")));
  requests[server] = (requests[server] ?? 0) + 1;
});

let invocation = 0;
const context = () => {
  invocation += 1;
  const unsupported = () => {
    throw new Error("not supported");
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: fixture.functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:eu-north-1:000000000000:function:${fixture.functionName}`,
    memoryLimitInMB: "512",
    awsRequestId: `cold-${process.pid}-${invocation}`,
    logGroupName: `/aws/lambda/${fixture.functionName}`,
    logStreamName: "cold",
    getRemainingTimeInMillis: () => 10_000,
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
};

const cpuMs = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const cpuAtStart = process.cpuUsage();
const started = nowMs();
const module = await import(pathToFileURL(bundle).href);
const loaded = nowMs();
const importCpuMs = cpuMs(cpuAtStart);
requests = {};
const first = await module.handler(fixture.first, context());
const answered = nowMs();
const answeredSinceProcessStartMs = process.uptime() * 1000;
const firstRequests = requests;
requests = undefined;
const firstAnswerCpuMs = cpuMs(cpuAtStart);

const warmCpuMs = [];
const warmRequests = [];
for (const event of fixture.warm) {
  requests = {};
  const before = process.cpuUsage();
  await module.handler(event, context());
  const used = process.cpuUsage(before);
  warmCpuMs.push((used.user + used.system) / 1000);
  warmRequests.push(requests);
}
requests = undefined;

const outcome = (result) => {
  if (result && typeof result === "object" && "statusCode" in result) return String(result.statusCode);
  if (result && typeof result === "object" && "batchItemFailures" in result) {
    return `${result.batchItemFailures.length} failed`;
  }
  return "ok";
};
process.stdout.write(
  `\nCOLD ${JSON.stringify({
    importMs: loaded - started,
    firstAnswerMs: answered - started,
    importCpuMs,
    firstAnswerCpuMs,
    sinceProcessStartMs: answeredSinceProcessStartMs,
    outcome: outcome(first),
    warmCpuMs,
    firstRequests,
    warmRequests,
  })}\n`,
);
