/** Reading and writing through the API from a component, with the states a page must show. */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, ConnectionLost, type FieldProblem, type Problem } from "./api/problem";

export type Loaded<T> =
  | { readonly state: "loading" }
  | { readonly state: "ready"; readonly data: T }
  | { readonly state: "failed"; readonly problem: Problem };

/**
 * Loads on mount and whenever `key` changes; `reload` loads again. An error that is not the API's
 * answer (a bug, not the network: reads retry until the server answers) is rethrown to the
 * error boundary rather than swallowed.
 */
export const useLoad = <T>(load: (signal: AbortSignal) => Promise<T>, key: string) => {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [generation, setGeneration] = useState(0);
  const [crash, setCrash] = useState<unknown>(undefined);
  const loadRef = useRef(load);
  loadRef.current = load;
  const loadedKey = useRef(key);
  useEffect(() => {
    const controller = new AbortController();
    // A reload keeps what is shown until the new answer comes; another key shows nothing stale.
    const sameKey = loadedKey.current === key && generation > 0;
    loadedKey.current = key;
    setLoaded((previous) => (sameKey && previous.state === "ready" ? previous : { state: "loading" }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setLoaded({ state: "ready", data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError) setLoaded({ state: "failed", problem: error.problem });
        else setCrash(error);
      },
    );
    return () => controller.abort();
  }, [key, generation]);
  if (crash !== undefined) throw crash;
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  /** Replaces the data with what a write answered, without another read. */
  const replace = useCallback((data: T) => setLoaded({ state: "ready", data }), []);
  return { loaded, reload, replace };
};

export type ActionOutcome =
  | { readonly state: "idle" }
  | { readonly state: "pending" }
  | { readonly state: "failed"; readonly problem: Problem }
  | { readonly state: "lost" }
  | { readonly state: "done" };

/** One write at a time from a form: its pending state, and its problem to show next to the form. */
export const useAction = () => {
  const [outcome, setOutcome] = useState<ActionOutcome>({ state: "idle" });
  const run = useCallback(async <T>(write: () => Promise<T>): Promise<T | undefined> => {
    setOutcome({ state: "pending" });
    try {
      const result = await write();
      setOutcome({ state: "done" });
      return result;
    } catch (error) {
      if (error instanceof ApiError) setOutcome({ state: "failed", problem: error.problem });
      else if (error instanceof ConnectionLost) setOutcome({ state: "lost" });
      else throw error;
      return undefined;
    }
  }, []);
  const reset = useCallback(() => setOutcome({ state: "idle" }), []);
  /**
   * A form's own check found fields missing (or, with `message`, breaking that rule, in the API's
   * words): shown the way the API's 400 would be, nothing sent.
   */
  const refuse = useCallback((paths: readonly string[], message = "is required") => {
    setOutcome({
      state: "failed",
      problem: {
        status: 400,
        code: undefined,
        detail: undefined,
        correlationId: undefined,
        fields: paths.map((path) => ({ path, message })),
      },
    });
  }, []);
  /** A form's own check found these fields at fault, each in the API's words: nothing sent. */
  const reject = useCallback((fields: readonly FieldProblem[]) => {
    setOutcome({
      state: "failed",
      problem: { status: 400, code: undefined, detail: undefined, correlationId: undefined, fields },
    });
  }, []);
  return { outcome, run, reset, refuse, reject };
};

/** The current time, updated every `intervalMs`, for countdowns. */
export const useNow = (intervalMs: number): number => {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};
