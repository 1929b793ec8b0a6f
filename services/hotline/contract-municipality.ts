import * as z from "zod/mini";
import { kommunkodSchema } from "../../shared/events/envelope";

/**
 * `{municipality}` in a path: the telephony webhooks' and the schedules'. A module of its own, so
 * that neither side's functions build the other's schemas to read it.
 */
export const municipalityParamsSchema = z.object({ municipality: kommunkodSchema });
