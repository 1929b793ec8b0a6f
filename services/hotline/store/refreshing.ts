/**
 * A value fetched on first use and kept for a short lifetime, so that a container picks up a
 * rotated secret within minutes instead of living with the old one until it is recycled. Belongs in
 * shared/ (the identity keys want the same); kept here until it moves.
 *
 * - After `ttlMs` the next use fetches again; concurrent uses share one fetch.
 * - A failed refresh keeps serving the value it has (Secrets Manager being down must not take the
 *   hotline down with it) and tries again after `retryMs`; with no value yet, the failure is thrown.
 * - `reload()` fetches at once, but at most once per `retryMs` (otherwise it is `get()`): it is
 *   called when something presented is unknown, which a stranger can cause at will.
 */
export interface RefreshingValue<T> {
  get(): Promise<T>;
  reload(): Promise<T>;
}

export interface RefreshingOptions {
  /** How long a fetched value is used before the next use fetches again. Default 5 minutes. */
  readonly ttlMs?: number;
  /** The least time between fetches forced by reload() or retried after a failure. Default 30 s. */
  readonly retryMs?: number;
  /** Plumbing time, not the domain clock (which the local runtime can move). */
  readonly now?: () => number;
  /** Told of a failed refresh while an older value is still served (it is not thrown). */
  readonly onStaleError?: (error: unknown) => void;
}

export const DEFAULT_SECRET_TTL_MS = 5 * 60_000;
export const DEFAULT_SECRET_RETRY_MS = 30_000;

export const refreshingValue = <T>(
  fetch: () => Promise<T>,
  options: RefreshingOptions = {},
): RefreshingValue<T> => {
  const ttlMs = options.ttlMs ?? DEFAULT_SECRET_TTL_MS;
  const retryMs = options.retryMs ?? DEFAULT_SECRET_RETRY_MS;
  const now = options.now ?? Date.now;
  let value: { readonly value: T } | undefined;
  /** When the value in hand stops being used without a fetch. */
  let freshUntil = 0;
  /** When the last fetch started: reloads and retries wait retryMs from it. */
  let lastFetchAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<T> | undefined;

  const fetchNow = (): Promise<T> => {
    pending ??= (async () => {
      lastFetchAt = now();
      try {
        const fetched = await fetch();
        value = { value: fetched };
        freshUntil = now() + ttlMs;
        return fetched;
      } catch (error) {
        if (!value) throw error;
        options.onStaleError?.(error);
        freshUntil = now() + retryMs;
        return value.value;
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };

  const get = (): Promise<T> => (value && now() < freshUntil ? Promise.resolve(value.value) : fetchNow());
  return { get, reload: () => (now() - lastFetchAt >= retryMs ? fetchNow() : get()) };
};
