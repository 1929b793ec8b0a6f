/**
 * Starts the journaled SQS on the journal file given as argv[2], creates queue `q`, sends the count
 * of messages given as argv[3] (in batches and one by one), prints "sent" once every send was
 * answered, and waits to be killed: durable-sqs.test.ts kills it with SIGKILL right after.
 */
import {
  CreateQueueCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { startDurableSqs } from "../../../../infra/local/durable-sqs";
import { silentLogger } from "../../../../infra/local/log";

const [journalFile, countArg] = process.argv.slice(2);
if (!journalFile) throw new Error("usage: durable-sqs-child.ts <journal file> <count>");
const count = Number(countArg ?? "10");
const sqs = await startDurableSqs({ port: 0, journalFile, logger: silentLogger });
const client = new SQSClient({
  region: "eu-north-1",
  endpoint: `http://127.0.0.1:${sqs.port}`,
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: "q" }));
await sqs.restore();
const half = Math.floor(count / 2);
const sends: Promise<unknown>[] = [];
for (let i = 0; i < half; i += 10) {
  const ids = Array.from({ length: Math.min(10, half - i) }, (_, k) => i + k);
  sends.push(
    client.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: ids.map((id) => ({ Id: String(id), MessageBody: `message ${id}` })),
      }),
    ),
  );
}
for (let id = half; id < count; id++) {
  sends.push(client.send(new SendMessageCommand({ QueueUrl, MessageBody: `message ${id}` })));
}
await Promise.all(sends);
process.stdout.write("sent\n");
setInterval(() => {}, 60_000);
