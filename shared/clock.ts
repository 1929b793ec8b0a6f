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
