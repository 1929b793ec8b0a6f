import { randomUUID } from "node:crypto";
import type { ScheduledEvent } from "aws-lambda";
import type { Clock } from "../../shared/clock";
import type { FunctionDefinition } from "../../shared/service";
import { LOCAL_REGION } from "./aws";
import type { ScheduleFunction } from "./lambda";
import type { LocalLogger } from "./log";

export type ScheduleDefinition = Extract<FunctionDefinition, { kind: "schedule" }>;

export interface ScheduleRun {
  readonly id: string;
  readonly ok: boolean;
  readonly timedOut: boolean;
  readonly ms: number;
}

export interface SchedulerOptions {
  readonly functions: readonly ScheduleFunction[];
  /** The time the events carry: the runtime's settable clock. */
  readonly clock: Clock;
  readonly logger: LocalLogger;
  /** Default: the definition's `everyMinutes`. */
  readonly intervalMs?: (definition: ScheduleDefinition) => number;
}

/** EventBridge's scheduled event, as the rule that the CDK app creates would send it. */
export const scheduledEvent = (definition: ScheduleDefinition, time: Date): ScheduledEvent => ({
  version: "0",
  id: randomUUID(),
  "detail-type": "Scheduled Event",
  source: "aws.events",
  account: "000000000000",
  time: `${time.toISOString().slice(0, 19)}Z`,
  region: LOCAL_REGION,
  resources: [`arn:aws:events:${LOCAL_REGION}:000000000000:rule/${definition.id}`],
  detail: {},
});

export class Scheduler {
  readonly #options: SchedulerOptions;
  readonly #timers: NodeJS.Timeout[] = [];
  /** The run in progress per function: a sweep never overlaps itself here (EventBridge would let it). */
  readonly #running = new Map<string, Promise<ScheduleRun>>();

  constructor(options: SchedulerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#timers.length) return;
    for (const fn of this.#options.functions) {
      const every = this.#options.intervalMs?.(fn.definition) ?? fn.definition.everyMinutes * 60_000;
      const timer = setInterval(() => {
        if (!this.#running.has(fn.definition.id)) void this.run(fn);
      }, every);
      this.#timers.push(timer);
    }
  }

  /** Stops the timers and waits for runs in progress. */
  async stop(): Promise<void> {
    for (const timer of this.#timers.splice(0)) clearInterval(timer);
    await Promise.all(this.#running.values());
  }

  /** Runs one function once, after its run in progress if there is one. */
  run(fn: ScheduleFunction): Promise<ScheduleRun> {
    const id = fn.definition.id;
    const previous = this.#running.get(id);
    const next = (async () => {
      await previous;
      const result = await fn.invoke(scheduledEvent(fn.definition, this.#options.clock.now()));
      if (!result.ok) {
        this.#options.logger.error(`${id} ${result.timedOut ? "timed out" : "threw"}`, result.error);
      } else {
        this.#options.logger.info(`${id} ran (${result.ms}ms)`);
      }
      return { id, ok: result.ok, timedOut: !result.ok && result.timedOut, ms: result.ms };
    })();
    this.#running.set(id, next);
    void next.finally(() => {
      if (this.#running.get(id) === next) this.#running.delete(id);
    });
    return next;
  }

  /** Every function once, one after another in definition order, so a tick is repeatable. */
  async runAll(): Promise<ScheduleRun[]> {
    const runs: ScheduleRun[] = [];
    for (const fn of this.#options.functions) runs.push(await this.run(fn));
    return runs;
  }
}
