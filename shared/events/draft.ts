import type * as z from "zod/mini";
import type { EventContract } from "./envelope";

/**
 * An event a domain rule decided on: its contract and its data, type-checked where it is made.
 * The application layer wraps it in an envelope (id, time, municipality, correlation id).
 */
export interface EventDraft<C extends EventContract = EventContract> {
  readonly contract: C;
  readonly data: z.input<C["data"]>;
}

export const draft = <C extends EventContract>(contract: C, data: z.input<C["data"]>): EventDraft => ({
  contract,
  data,
});
