import type { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "../../shared/clock";
import { documentClient } from "../../shared/dynamo";
import { EventPublisher } from "../../shared/events/outbox";
import { createLogger } from "../../shared/logger";
import { DEADLINE_BREACHED_METRIC } from "../../shared/metrics";
import type { RuntimeConfig } from "../../shared/runtime/config";
import type { KeyRing } from "../../shared/runtime/keys";

export interface IntakeDeps {
  readonly clock: Clock;
  readonly tableName: string;
  readonly doc: DynamoDBDocumentClient;
  readonly publisher: EventPublisher;
  readonly keys: KeyRing;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** Built once per container (or once per local process) and handed to every handler. */
export const createDeps = (runtime: RuntimeConfig): IntakeDeps => {
  const logger = createLogger("intake");
  const doc = documentClient(runtime.dynamodb);
  return {
    clock: runtime.clock,
    tableName: runtime.tableName,
    doc,
    publisher: new EventPublisher(runtime, doc, logger),
    keys: runtime.keys,
    logger,
    metrics: new Metrics({ namespace: DEADLINE_BREACHED_METRIC.namespace, serviceName: "intake" }),
  };
};
