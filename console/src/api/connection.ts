/** Whether the server can be reached, for the banner that says so while reads retry. */
export interface ConnectionState {
  readonly reachable: boolean;
  /** When the next attempt is made (ms since the epoch), while unreachable. */
  readonly retryAt: number | undefined;
}

type Listener = (state: ConnectionState) => void;

let state: ConnectionState = { reachable: true, retryAt: undefined };
const listeners = new Set<Listener>();
const set = (next: ConnectionState) => {
  if (next.reachable === state.reachable && next.retryAt === state.retryAt) return;
  state = next;
  for (const listener of listeners) listener(state);
};

export const connection = {
  get: (): ConnectionState => state,
  reachable: (): void => set({ reachable: true, retryAt: undefined }),
  unreachable: (retryAt?: number): void => set({ reachable: false, retryAt }),
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
