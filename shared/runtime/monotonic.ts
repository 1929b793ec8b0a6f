/**
 * Milliseconds on the machine's monotonic clock, for how long something has taken or been kept (a
 * cache's age, a run's budget): never moved by the domain clock or by the wall clock's corrections.
 * `process.hrtime` rather than the `performance` global's clock: the first use of that global makes
 * Node load its performance timing modules, 1.5-3.5 ms of CPU here, and the settings cache was the
 * first to use it on a telephony webhook's first answer (docs/benchmarks.md, the eighth pass).
 */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
