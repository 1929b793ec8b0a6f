import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "../clock";
import { documentClient } from "../dynamo";
import { EventPublisher } from "../events/outbox";
import { createLogger, type Logger } from "../logger";
import { DEADLINE_BREACHED_METRIC } from "../metrics";
import type { ServiceName } from "../resources";
import type { RuntimeConfig } from "./config";
import { EmfMetrics } from "./emf-metrics";
import type { KeyRing } from "./keys";
import type { MetricsSink } from "./publish-metric";

/** What every service's handlers share: its table, the outbox, the keys, logs and metrics. */
export interface ServiceDeps {
  readonly clock: Clock;
  readonly tableName: string;
  /** Where the service's audit rows go: append-only, kept longer than the records (shared/audit-trail.ts). */
  readonly auditTableName: string;
  readonly doc: DynamoDBDocumentClient;
  readonly publisher: EventPublisher;
  readonly keys: KeyRing;
  readonly logger: Logger;
  readonly metrics: MetricsSink;
}

/** Built once per container (or once per local process); a service's `createDeps` adds its own. */
export const createServiceDeps = (service: ServiceName, runtime: RuntimeConfig): ServiceDeps => {
  const logger = createLogger(service);
  const doc = documentClient(runtime.dynamodb);
  const metrics = new EmfMetrics(DEADLINE_BREACHED_METRIC.namespace, service);
  return {
    clock: runtime.clock,
    tableName: runtime.tableName,
    auditTableName: runtime.auditTableName,
    doc,
    publisher: new EventPublisher(runtime, doc, logger, { sink: metrics, service }),
    keys: runtime.keys,
    logger,
    metrics,
  };
};
