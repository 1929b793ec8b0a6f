/**
 * The hotline's handlers on one set of deps, called as API Gateway calls them: the webhooks
 * form-encoded and base64-encoded with basic credentials in the Authorization header, the staff
 * routes with verified claims.
 */
import type { HotlineDeps } from "../../services/hotline/deps";
import { createHandler as createAcknowledge } from "../../services/hotline/handlers/acknowledge";
import { createHandler as createComplete } from "../../services/hotline/handlers/complete";
import { createHandler as createGaps } from "../../services/hotline/handlers/gaps";
import { createHandler as createGetTriage } from "../../services/hotline/handlers/get-triage";
import { createHandler as createHangup } from "../../services/hotline/handlers/hangup";
import { createHandler as createIncoming } from "../../services/hotline/handlers/incoming";
import { createHandler as createList } from "../../services/hotline/handlers/list-triages";
import { createHandler as createNext } from "../../services/hotline/handlers/next";
import { createHandler as createOnCall } from "../../services/hotline/handlers/on-call";
import { createHandler as createPutSchedule } from "../../services/hotline/handlers/put-schedule";
import { createHandler as createStep } from "../../services/hotline/handlers/step";
import type { HttpEvent } from "../../shared/http/edge";
import { admin, basicAuth, HOTLINE_NUMBER, MUNICIPALITY, onCallStaff, webhookAuth } from "./hotline-data";
import { type Claims, httpEvent } from "./http";
import { invokeHttp } from "./lambda";

export interface WebhookOptions {
  readonly municipality?: string;
  /** null: no Authorization header; default: the municipality's own credential (webhookAuth). */
  readonly authorization?: string | null;
  readonly query?: Record<string, string>;
  /** The address API Gateway saw the request come from; default loopback, as locally. */
  readonly sourceIp?: string;
}

/** A webhook as API Gateway hands it over: no authorizer, the form body base64-encoded. */
export const webhookEvent = (
  path: string,
  routePath: string,
  pathParameters: Record<string, string>,
  form: Record<string, string>,
  options: WebhookOptions = {},
): HttpEvent => {
  const body = new URLSearchParams(form).toString();
  const authorization =
    options.authorization === undefined
      ? webhookAuth(pathParameters.municipality ?? MUNICIPALITY)
      : options.authorization;
  const event = httpEvent({
    method: "POST",
    rawPath: path,
    routePath,
    pathParameters,
    ...(options.query ? { query: options.query } : {}),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(authorization ? { authorization } : {}),
    },
  });
  const requestContext = options.sourceIp
    ? { ...event.requestContext, http: { ...event.requestContext.http, sourceIp: options.sourceIp } }
    : event.requestContext;
  return {
    ...event,
    requestContext,
    body: Buffer.from(body, "utf8").toString("base64"),
    isBase64Encoded: true,
  };
};

const voice = (m: string, hook: string) => ({
  path: `/v1/hotline/voice/${m}/${hook}`,
  routePath: `/v1/hotline/voice/{municipality}/${hook}`,
  params: { municipality: m },
});

/** Every handler of the service on one set of deps, called as API Gateway would call it. */
export const hotlineHandlers = (deps: HotlineDeps) => {
  const incoming = createIncoming(deps);
  const next = createNext(deps);
  const hangup = createHangup(deps);
  const putSchedule = createPutSchedule(deps);
  const onCall = createOnCall(deps);
  const gaps = createGaps(deps);
  const list = createList(deps);
  const get = createGetTriage(deps);
  const recordStep = createStep(deps);
  const acknowledge = createAcknowledge(deps);
  const complete = createComplete(deps);
  const enc = encodeURIComponent;
  const staffEvent = (
    method: "GET" | "POST" | "PUT",
    rawPath: string,
    routePath: string,
    claims: Claims,
    extra: { pathParameters?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {},
  ) =>
    httpEvent({
      method,
      rawPath,
      routePath,
      claims,
      ...(extra.pathParameters ? { pathParameters: extra.pathParameters } : {}),
      ...(extra.query && Object.keys(extra.query).length ? { query: extra.query } : {}),
      ...(extra.body !== undefined ? { body: extra.body } : {}),
    });
  return {
    /** The provider's post of a new call; `to` is the municipality's hotline number unless given. */
    incoming: (form: Record<string, string>, options: WebhookOptions = {}) => {
      const v = voice(options.municipality ?? MUNICIPALITY, "incoming");
      const withTo = "to" in form ? form : { ...form, to: HOTLINE_NUMBER };
      return invokeHttp(
        incoming,
        "hotline-incoming",
        webhookEvent(v.path, v.routePath, v.params, withTo, options),
      );
    },
    next: (
      form: Record<string, string>,
      options: WebhookOptions & { attempt?: number; token?: string } = {},
    ) => {
      const v = voice(options.municipality ?? MUNICIPALITY, "next");
      const query = {
        ...options.query,
        ...(options.attempt !== undefined ? { attempt: String(options.attempt) } : {}),
        ...(options.token !== undefined ? { token: options.token } : {}),
      };
      return invokeHttp(
        next,
        "hotline-next",
        webhookEvent(v.path, v.routePath, v.params, form, { ...options, query }),
      );
    },
    hangup: (form: Record<string, string>, options: WebhookOptions & { token?: string } = {}) => {
      const v = voice(options.municipality ?? MUNICIPALITY, "hangup");
      const query = { ...options.query, ...(options.token !== undefined ? { token: options.token } : {}) };
      return invokeHttp(
        hangup,
        "hotline-hangup",
        webhookEvent(v.path, v.routePath, v.params, form, { ...options, query }),
      );
    },
    /**
     * What the provider does with a `next` or `whenhangup` URL we handed out: posts the form to it,
     * with the credentials and the query string the URL carries.
     */
    follow: (url: string, form: Record<string, string>, options: Pick<WebhookOptions, "sourceIp"> = {}) => {
      const parsed = new URL(url);
      const match = /\/v1\/hotline\/voice\/([^/]+)\/(next|hangup)$/.exec(parsed.pathname);
      if (!match?.[1] || !match[2]) throw new Error(`not a webhook URL we hand out: ${parsed.pathname}`);
      const v = voice(match[1], match[2]);
      const authorization = basicAuth(
        decodeURIComponent(parsed.username),
        decodeURIComponent(parsed.password),
      );
      const event = webhookEvent(v.path, v.routePath, v.params, form, {
        ...options,
        authorization,
        query: Object.fromEntries(parsed.searchParams),
      });
      return match[2] === "next"
        ? invokeHttp(next, "hotline-next", event)
        : invokeHttp(hangup, "hotline-hangup", event);
    },
    putSchedule: (body: unknown, claims: Claims = admin(), municipality = MUNICIPALITY) =>
      invokeHttp(
        putSchedule,
        "hotline-put-schedule",
        staffEvent(
          "PUT",
          `/v1/hotline/schedules/${municipality}`,
          "/v1/hotline/schedules/{municipality}",
          claims,
          {
            pathParameters: { municipality },
            body,
          },
        ),
      ),
    onCall: (query: Record<string, string>, claims: Claims = onCallStaff()) =>
      invokeHttp(
        onCall,
        "hotline-on-call",
        staffEvent("GET", "/v1/hotline/on-call", "/v1/hotline/on-call", claims, { query }),
      ),
    gaps: (query: Record<string, string>, claims: Claims = admin(), municipality = MUNICIPALITY) =>
      invokeHttp(
        gaps,
        "hotline-gaps",
        staffEvent(
          "GET",
          `/v1/hotline/schedules/${municipality}/gaps`,
          "/v1/hotline/schedules/{municipality}/gaps",
          claims,
          { pathParameters: { municipality }, query },
        ),
      ),
    list: (query: Record<string, string>, claims: Claims = onCallStaff()) =>
      invokeHttp(
        list,
        "hotline-list-triages",
        staffEvent("GET", "/v1/hotline/triages", "/v1/hotline/triages", claims, { query }),
      ),
    get: (id: string, claims: Claims = onCallStaff()) =>
      invokeHttp(
        get,
        "hotline-get-triage",
        staffEvent("GET", `/v1/hotline/triages/${enc(id)}`, "/v1/hotline/triages/{id}", claims, {
          pathParameters: { id },
        }),
      ),
    step: (id: string, step: string, body: unknown, claims: Claims = onCallStaff()) =>
      invokeHttp(
        recordStep,
        "hotline-step",
        staffEvent(
          "PUT",
          `/v1/hotline/triages/${enc(id)}/steps/${enc(step)}`,
          "/v1/hotline/triages/{id}/steps/{step}",
          claims,
          {
            pathParameters: { id, step },
            body,
          },
        ),
      ),
    acknowledge: (id: string, claims: Claims = onCallStaff()) =>
      invokeHttp(
        acknowledge,
        "hotline-acknowledge",
        staffEvent(
          "POST",
          `/v1/hotline/triages/${enc(id)}/acknowledge`,
          "/v1/hotline/triages/{id}/acknowledge",
          claims,
          {
            pathParameters: { id },
          },
        ),
      ),
    complete: (id: string, claims: Claims = onCallStaff()) =>
      invokeHttp(
        complete,
        "hotline-complete",
        staffEvent(
          "POST",
          `/v1/hotline/triages/${enc(id)}/complete`,
          "/v1/hotline/triages/{id}/complete",
          claims,
          {
            pathParameters: { id },
          },
        ),
      ),
  };
};

export type HotlineHandlers = ReturnType<typeof hotlineHandlers>;
