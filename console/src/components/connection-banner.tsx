import { useEffect, useState } from "preact/hooks";
import { type ConnectionState, connection } from "../api/connection";
import { useNow } from "../hooks";
import { t } from "../i18n";

/** Says that the server cannot be reached while reads retry, and when it is back. */
export const ConnectionBanner = () => {
  const [state, setState] = useState<ConnectionState>(connection.get);
  const [recovered, setRecovered] = useState(false);
  const now = useNow(1000);
  useEffect(
    () =>
      connection.subscribe((next) => {
        // Listeners hear only changes, so a reachable state here is a recovery.
        setRecovered(next.reachable);
        setState(next);
      }),
    [],
  );
  useEffect(() => {
    if (!recovered) return;
    const timer = setTimeout(() => setRecovered(false), 5000);
    return () => clearTimeout(timer);
  }, [recovered]);
  const seconds = state.retryAt ? Math.max(1, Math.ceil((state.retryAt - now) / 1000)) : undefined;
  // The region is always in the page, so its changes are announced; the ticking countdown is not,
  // or a screen reader would read it out every second.
  return (
    <div class={`connection${state.reachable ? (recovered ? " connection-ok" : "") : " connection-lost"}`}>
      <span role="status">
        {state.reachable ? (recovered ? t.connection.back : "") : t.connection.offline}
      </span>
      {!state.reachable && seconds !== undefined ? (
        <span aria-hidden="true"> {t.connection.retryIn(seconds)}</span>
      ) : null}
    </div>
  );
};
