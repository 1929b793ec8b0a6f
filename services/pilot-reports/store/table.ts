import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** What the store needs to reach the service's table; the application layer passes it through. */
export interface TableDeps {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Where the submissions' audit rows go: apart, append-only (shared/audit-trail.ts). */
  readonly auditTableName: string;
}
