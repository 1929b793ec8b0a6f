import * as z from "zod/mini";

/**
 * What every telephony webhook answers (the form bodies are the provider adapter's, telephony/;
 * the queries of the URLs we hand out, contract-webhook-urls.ts): a module of its own, so that a
 * caller's webhook loads these and not the staff API's contract.
 */

/**
 * The answer to the provider: one call action (its shape is the provider adapter's). Built on first
 * use (z.lazy): OpenAPI and the tests read it, the edge never does.
 */
export const callActionSchema = z.lazy(() => z.record(z.string(), z.unknown()));
