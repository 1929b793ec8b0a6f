import type { SQSClient } from "@aws-sdk/client-sqs";
import type { RuntimeConfig } from "../../shared/runtime/config";
import { createServiceDeps, type ServiceDeps } from "../../shared/runtime/service-deps";
import type { SettingsReader } from "../../shared/settings";
import { isLoopback } from "./domain/subscription";
import { settingsReader } from "./store/settings";

export interface ReleaseNoticesDeps extends ServiceDeps {
  /** For holding back a failed status delivery on its own queue. */
  readonly sqs: SQSClient;
  /** The service's own queue (status deliveries); absent where nothing is delivered. */
  readonly deliveryQueueUrl: string | undefined;
  /** Plain http to a loopback receiver: only where the service itself is served on loopback (locally). */
  readonly allowLoopbackHttp: boolean;
  /** How deliveries reach the receiver; a test may pass its own. */
  readonly fetch: typeof fetch;
  /** Each municipality's settings in force on a date (shared/settings), cached a minute. */
  readonly settings: SettingsReader;
}

const servedOnLoopback = (baseUrl: string | undefined): boolean => {
  if (!baseUrl) return false;
  const url = new URL(baseUrl);
  return url.protocol === "http:" && isLoopback(url);
};

/** Built once per container (or once per local process) and handed to every handler. */
export const createDeps = (runtime: RuntimeConfig): ReleaseNoticesDeps => {
  const base = createServiceDeps("release-notices", runtime);
  return {
    ...base,
    settings: settingsReader({ doc: base.doc, settingsTableName: runtime.settingsTableName }),
    sqs: runtime.sqs,
    deliveryQueueUrl: runtime.queueUrls["release-notices"],
    allowLoopbackHttp: servedOnLoopback(runtime.publicBaseUrl),
    fetch: globalThis.fetch,
  };
};
