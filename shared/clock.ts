/**
 * Time is a dependency: handlers and sweeps read it from here so that tests and the local
 * runtime (`POST /_local/clock`) can move it without touching the machine's clock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that can be pinned to an instant and released again; used by tests and the local runtime. */
export class SettableClock implements Clock {
  #fixed: Date | undefined;
  constructor(fixed?: Date) {
    this.#fixed = fixed;
  }
  now(): Date {
    return this.#fixed ? new Date(this.#fixed.getTime()) : new Date();
  }
  set(instant: Date | undefined): void {
    this.#fixed = instant ? new Date(instant.getTime()) : undefined;
  }
  get pinned(): boolean {
    return this.#fixed !== undefined;
  }
}

/**
 * Milliseconds on the machine's monotonic clock, for how long something has taken or been kept (a
 * cache's age, a run's budget): never moved by the domain clock or by the wall clock's corrections.
 * `process.hrtime` rather than the `performance` global's clock: the first use of that global makes
 * Node load its performance timing modules, 1.5-3.5 ms of CPU here, and the settings cache was the
 * first to use it on a telephony webhook's first answer (docs/benchmarks.md, the eighth pass).
 */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
