/**
 * The runtime the cold-start bench's own process makes its fixtures with (a call begun, a referral
 * or a notice made before a function acts on it): the same tables, queues and development keys as
 * the functions' processes, through the bench's local clients.
 */
import type { LocalClients } from "../../infra/local/aws";
import type { ProvisionedResources } from "../../infra/local/provision";
import { systemClock } from "../../shared/clock";
import type { ServiceName } from "../../shared/resources";
import type { RuntimeConfig } from "../../shared/runtime/config";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret, staticKeyRing } from "../../shared/runtime/keys";

export const benchRuntime = (
  service: ServiceName,
  clients: LocalClients,
  provisioned: ProvisionedResources,
  options: { readonly publicBaseUrl?: string } = {},
): RuntimeConfig => {
  const tableName = provisioned.tables[service];
  if (!tableName) throw new Error(`no ${service} table was provisioned`);
  return {
    service,
    clock: systemClock,
    dynamodb: clients.dynamodb,
    sqs: clients.sqs,
    tableName,
    auditTableName: provisioned.auditTable,
    settingsTableName: provisioned.settingsTable,
    queueUrls: provisioned.queueUrls,
    keys: staticKeyRing(parseKeySecret(DEVELOPMENT_KEYS_JSON)),
    ...options,
  };
};
