/**
 * The shared settings table as intake sees it: the history of a municipality's settings (read
 * uncached for its administrator, who must see a change at once; cached a minute for the rules)
 * and a change appended beside its audit row in one transaction. Items are never updated or
 * deleted: the history is the record of who set what, from when.
 */
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { auditKey, auditPut } from "../../../shared/audit-trail";
import { newMonotonicId } from "../../../shared/ids";
import {
  cachedSettingsReader,
  type SettingsChange,
  type SettingsReader,
  settingsChangeKey,
} from "../../../shared/settings";
import { querySettingsHistory, type SettingsTable } from "../../../shared/settings/table";

/** Consistent for the administrator, who must see their own change at once. */
export const readSettingsHistory = (
  table: SettingsTable,
  municipality: string,
  options: { readonly consistent?: boolean } = {},
): Promise<SettingsChange[]> => querySettingsHistory(table, municipality, options);

/** What intake's rules read: the settings in force on a date, the history kept a minute in the container. */
export const settingsReader = (table: SettingsTable): SettingsReader =>
  cachedSettingsReader((municipality) => readSettingsHistory(table, municipality));

/** A municipality's settings trail in the audit table, beside the referrals' trails. */
export const settingsAuditSubject = (municipality: string): string => `settings#${municipality}`;

/**
 * The change and its audit row (in the append-only audit table) together, or neither. The
 * history is kept for good, and so is its audit row (no expiry).
 */
export const appendSettingsChange = async (
  table: SettingsTable & { readonly auditTableName: string },
  change: SettingsChange,
  correlationId: string,
): Promise<void> => {
  const id = newMonotonicId();
  await table.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table.settingsTableName,
            Item: {
              ...settingsChangeKey(change.municipality, change.changedAt, id),
              ...change,
              correlationId,
            },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        auditPut(table.auditTableName, {
          key: auditKey("intake", settingsAuditSubject(change.municipality), change.changedAt, id),
          municipality: change.municipality,
          attributes: {
            action: "settings-change",
            actor: change.changedBy,
            at: change.changedAt,
            effectiveFrom: change.effectiveFrom,
            correlationId,
          },
          expiresAt: undefined,
        }),
      ],
    }),
  );
};
