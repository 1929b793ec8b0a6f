/**
 * The custom metrics that make a fault visible (EMF, namespace NyRiktning, one `Service`
 * dimension). The functions write them; infra/constructs/fault-alarms.ts alarms on them. Kept free
 * of imports so the CDK app can read the names without loading the runtime.
 */
export const FAULT_NAMESPACE = "NyRiktning";
export const SERVICE_DIMENSION = "Service";

/** A due item the deadline sweep could not handle (unreadable, storage down, a bug): not a lost race. */
export const SWEEP_ITEM_FAILED_METRIC = "SweepItemFailed";
/** An error no handler expected: the edge answered 500 (Lambda's own Errors metric never sees it). */
export const UNHANDLED_ERROR_METRIC = "UnhandledError";
/** Seconds since the oldest undelivered outbox row was written, as the outbox sweep found it. */
export const OUTBOX_OLDEST_AGE_METRIC = "OutboxOldestAgeSeconds";
/** Outbox rows the sweep could not deliver in a run (each is tried again by the next run). */
export const OUTBOX_SWEEP_FAILED_METRIC = "OutboxSweepFailed";
