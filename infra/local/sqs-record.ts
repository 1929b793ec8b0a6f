/**
 * The wire between a queue and its consumer as Lambda's event source mapping has it: the record it
 * builds from a received message, and how it reads a ReportBatchItemFailures response.
 */
import type { Message } from "@aws-sdk/client-sqs";
import type { SQSMessageAttributes, SQSRecord, SQSRecordAttributes } from "aws-lambda";
import { z } from "zod";
import { LOCAL_REGION } from "./aws";

/** The record Lambda's event source mapping builds from a received message. */
export const toSqsRecord = (message: Message, queueArn: string): SQSRecord => {
  const messageAttributes: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    messageAttributes[name] = {
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined
        ? { binaryValue: Buffer.from(value.BinaryValue).toString("base64") }
        : {}),
      stringListValues: value.StringListValues ?? [],
      binaryListValues: (value.BinaryListValues ?? []).map((v) => Buffer.from(v).toString("base64")),
      dataType: value.DataType ?? "String",
    };
  }
  const system = message.Attributes ?? {};
  const attributes: SQSRecordAttributes = {
    ...system,
    ApproximateReceiveCount: system.ApproximateReceiveCount ?? "1",
    SentTimestamp: system.SentTimestamp ?? String(Date.now()),
    SenderId: system.SenderId ?? "000000000000",
    ApproximateFirstReceiveTimestamp: system.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
  };
  return {
    messageId: message.MessageId ?? "",
    receiptHandle: message.ReceiptHandle ?? "",
    body: message.Body ?? "",
    attributes,
    messageAttributes,
    md5OfBody: message.MD5OfBody ?? "",
    ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
    eventSource: "aws:sqs",
    eventSourceARN: queueArn,
    awsRegion: LOCAL_REGION,
  };
};

const batchResponseSchema = z
  .object({ batchItemFailures: z.array(z.object({ itemIdentifier: z.string().min(1) })).nullish() })
  .nullish();

/**
 * Which messages failed, read as Lambda reads a ReportBatchItemFailures response: nothing, null or an
 * empty list is full success; a response that does not parse, or names a message not in the batch,
 * fails the whole batch.
 */
export const failedMessageIds = (
  response: unknown,
  batch: readonly SQSRecord[],
): { readonly failed: ReadonlySet<string>; readonly unreadable: boolean } => {
  const all = new Set(batch.map((r) => r.messageId));
  const parsed = batchResponseSchema.safeParse(response);
  if (!parsed.success) return { failed: all, unreadable: true };
  const failures = parsed.data?.batchItemFailures ?? [];
  if (failures.some((f) => !all.has(f.itemIdentifier))) return { failed: all, unreadable: true };
  return { failed: new Set(failures.map((f) => f.itemIdentifier)), unreadable: false };
};
