/**
 * Runs DynamoDB Local and fauxqs in a process of their own, so that the SQS server's work does not
 * share the benchmark's event loop (in Lambda the handler shares its process with nobody).
 *
 * Protocol: prints one line `READY <json>` on stdout once both answer; stops both when stdin ends
 * (the parent closed it, or died), then prints `STOPPED` and exits.
 */
import { startLocalAws } from "../../infra/local/aws";

const aws = await startLocalAws();
process.stdout.write(
  `READY ${JSON.stringify({
    dynamodbEndpoint: aws.dynamodbEndpoint,
    sqsEndpoint: aws.sqsEndpoint,
    dynamodbPid: aws.dynamodbPid,
  })}\n`,
);

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await aws.stop();
  process.stdout.write("STOPPED\n");
  process.exit(code);
};

process.stdin.on("data", () => undefined);
process.stdin.on("end", () => void stop(0));
process.stdin.on("error", () => void stop(0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(130));
