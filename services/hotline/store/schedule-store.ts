import type { OnCallSchedule } from "../domain/on-call-schedule";
import { type AuditEntry, auditPut } from "./audit-trail";
import { scheduleKey } from "./keys";
import { scheduleFromItem } from "./records";
import { readItem, type TableDeps } from "./table";

export class ScheduleStore {
  constructor(private readonly deps: TableDeps) {}

  read(municipality: string, options = { consistent: false }): Promise<OnCallSchedule | undefined> {
    return readItem(this.deps, scheduleKey(municipality), scheduleFromItem, options);
  }

  /**
   * The schedule as replaced, with its audit row, on condition nobody saved one since the version
   * read (`undefined`: there was none). A lost race is thrown as DynamoDB reports it.
   */
  async replace(next: OnCallSchedule, expectedVersion: number | undefined, audit: AuditEntry): Promise<void> {
    const condition =
      expectedVersion === undefined
        ? { ConditionExpression: "attribute_not_exists(pk)" }
        : { ConditionExpression: "version = :v", ExpressionAttributeValues: { ":v": expectedVersion } };
    await this.deps.publisher.commit(
      [
        {
          Put: {
            TableName: this.deps.tableName,
            Item: { ...scheduleKey(next.municipality), ...next },
            ...condition,
          },
        },
        auditPut(this.deps.auditTableName, audit),
      ],
      [],
    );
  }
}
