import type * as z from "zod/mini";
import type { ServiceName } from "./resources";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RouteAuth =
  /** Bearer JWT verified by API Gateway's authorizer (locally by infra/local); any one of `scopes` suffices. */
  | { readonly type: "jwt"; readonly scopes: readonly string[] }
  /**
   * Telephony webhooks: no JWT authorizer, a secret of their own checked in the handler. Served by
   * an HTTP API of their own (the telephony API), with its own throttle, so that traffic at the staff
   * API cannot starve a caller's webhooks, nor a flood at the webhooks the staff.
   */
  | { readonly type: "webhook" };

/**
 * The environment variable the infrastructure sets on every webhook function from the CDK context
 * `telephonySourceAddresses`: the addresses the provider's webhooks may come from, checked in the
 * handler (services/hotline/webhook-sources.ts). Unset: the provider's published addresses.
 */
export const WEBHOOK_SOURCES_ENV = "TELEPHONY_WEBHOOK_SOURCES";

/**
 * API Gateway's token bucket for one route: requests per second on average, and how many may come
 * at once. Above it the gateway answers 429 before any function runs.
 */
export interface RouteThrottle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export interface RouteResponse {
  readonly description: string;
  readonly schema?: z.core.$ZodType;
  /** Defaults to application/json; errors are application/problem+json. */
  readonly contentType?: string;
  /**
   * Other representations of the same answer, chosen by the request (a `format` parameter or
   * `Accept`): each documented beside the main one, as text.
   */
  readonly alternativeContentTypes?: readonly string[];
}

export interface HttpRoute {
  readonly method: HttpMethod;
  /** API Gateway syntax: `/v1/release-notices/{noticeId}`. */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly request: {
    readonly params?: z.core.$ZodObject;
    readonly query?: z.core.$ZodObject;
    readonly body?: z.core.$ZodType;
    /** Defaults to application/json. */
    readonly bodyContentType?: "application/json" | "application/x-www-form-urlencoded";
    readonly headers?: z.core.$ZodObject;
  };
  readonly responses: Readonly<Record<number, RouteResponse>>;
  /**
   * This route's throttle, sized for its traffic; without one the infrastructure's default for its
   * method applies (infra/constructs/route-throttles.ts).
   */
  readonly throttle?: RouteThrottle;
}

interface FunctionBase {
  /** Unique across the system; becomes the CDK construct id and the local name. kebab-case. */
  readonly id: string;
  /** Module path from the repository root; it exports `createHandler(deps)` and `handler`. */
  readonly entry: string;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  /**
   * Needs the telephony provider's credentials (webhook routes have them anyway): e.g. a sweep
   * that sends SMS through the provider's API.
   */
  readonly usesTelephonyProvider?: boolean;
  /** Sends e-mail through Amazon SES (task mail): granted SendEmail from the configured sender only. */
  readonly sendsMail?: boolean;
  /**
   * Seals, opens or links identities, so it is granted the identity-key secret; no other function
   * can read it. test/infra/identity-keys.test.ts checks this against what each handler's code reaches.
   */
  readonly usesIdentityKeys?: boolean;
  /** Appends to the shared settings table (intake's settings PUT); every other function only reads it. */
  readonly writesSettings?: boolean;
  /**
   * Lambda concurrency reserved for this function: always available to it whatever else runs in
   * the account, and its ceiling. For an http function it must be at least its route's burst limit,
   * so that the gateway, not Lambda, turns excess traffic away (the synth checks it).
   */
  readonly reservedConcurrency?: number;
}

export type FunctionDefinition =
  | (FunctionBase & { readonly kind: "http"; readonly route: HttpRoute })
  /** Consumes the queue of `service` (shared/resources QUEUES). */
  | (FunctionBase & {
      readonly kind: "queue";
      readonly queue: ServiceName;
      /**
       * At most this many concurrent invocations (2 to 1000), where records mostly write the same
       * items and more parallelism only buys more transaction conflicts.
       */
      readonly maxConcurrency?: number;
    })
  | (FunctionBase & { readonly kind: "schedule"; readonly everyMinutes: number });

export interface ServiceDefinition {
  readonly name: ServiceName;
  /** Module path from the repository root; it exports `createDeps(runtime: RuntimeConfig)`. */
  readonly depsEntry: string;
  readonly functions: readonly FunctionDefinition[];
  /** Event types this service publishes through its outbox (for IAM grants and docs). */
  readonly publishes: readonly string[];
}
