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
import { admin, basicAuth, MUNICIPALITY, onCallStaff, WEBHOOK } from "./hotline-data";
import { type Claims, httpEvent } from "./http";
import { invokeHttp } from "./lambda";

/** A webhook as API Gateway hands it over: no authorizer, the form body base64-encoded. */
export const webhookEvent = (
  path: string,
  routePath: string,
  pathParameters: Record<string, string>,
  form: Record<string, string>,
  options: { authorization?: string | null; query?: Record<string, string> } = {},
): HttpEvent => {
  const body = new URLSearchParams(form).toString();
  const authorization =
    options.authorization === undefined
      ? basicAuth(WEBHOOK.username, WEBHOOK.password)
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
  return { ...event, body: Buffer.from(body, "utf8").toString("base64"), isBase64Encoded: true };
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
    incoming: (
      form: Record<string, string>,
      options: { municipality?: string; authorization?: string | null } = {},
    ) => {
      const v = voice(options.municipality ?? MUNICIPALITY, "incoming");
      return invokeHttp(
        incoming,
        "hotline-incoming",
        webhookEvent(v.path, v.routePath, v.params, form, options),
      );
    },
    next: (
      form: Record<string, string>,
      options: { municipality?: string; attempt?: number; authorization?: string | null } = {},
    ) => {
      const v = voice(options.municipality ?? MUNICIPALITY, "next");
      return invokeHttp(
        next,
        "hotline-next",
        webhookEvent(v.path, v.routePath, v.params, form, {
          ...options,
          ...(options.attempt !== undefined ? { query: { attempt: String(options.attempt) } } : {}),
        }),
      );
    },
    hangup: (form: Record<string, string>, options: { municipality?: string } = {}) => {
      const v = voice(options.municipality ?? MUNICIPALITY, "hangup");
      return invokeHttp(hangup, "hotline-hangup", webhookEvent(v.path, v.routePath, v.params, form));
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
