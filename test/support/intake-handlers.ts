/** The intake HTTP handlers wired to one set of deps, each called as API Gateway would. */
import type { IntakeDeps } from "../../services/intake/deps";
import { createHandler as createAssign } from "../../services/intake/handlers/assign";
import { createHandler as createAudit } from "../../services/intake/handlers/audit";
import { createHandler as createClose } from "../../services/intake/handlers/close";
import { createHandler as createConversation } from "../../services/intake/handlers/conversation";
import { createHandler as createCreate } from "../../services/intake/handlers/create";
import { createHandler as createDecision } from "../../services/intake/handlers/decision";
import { createHandler as createExtend } from "../../services/intake/handlers/extend";
import { createHandler as createGet } from "../../services/intake/handlers/get";
import { createHandler as createIdentify } from "../../services/intake/handlers/identify";
import { createHandler as createList } from "../../services/intake/handlers/list";
import { createHandler as createListCaseworkers } from "../../services/intake/handlers/list-caseworkers";
import { createHandler as createProtection } from "../../services/intake/handlers/protection-assessment";
import { createHandler as createPutCaseworker } from "../../services/intake/handlers/put-caseworker";
import { createHandler as createViolenceConcern } from "../../services/intake/handlers/violence-concern";
import type { HttpEvent, HttpLambda } from "../../shared/http/edge";
import { type Claims, httpEvent } from "./http";
import { desk } from "./intake-people";
import { type Answer, invokeHttp } from "./lambda";

const invoke = (fn: HttpLambda, event: HttpEvent): Promise<Answer> => invokeHttp(fn, "intake", event);

const enc = encodeURIComponent;

export const intakeHandlers = (deps: IntakeDeps) => {
  const fns = {
    create: createCreate(deps),
    list: createList(deps),
    get: createGet(deps),
    protection: createProtection(deps),
    decision: createDecision(deps),
    conversation: createConversation(deps),
    extend: createExtend(deps),
    identify: createIdentify(deps),
    violenceConcern: createViolenceConcern(deps),
    assign: createAssign(deps),
    close: createClose(deps),
    putCaseworker: createPutCaseworker(deps),
    listCaseworkers: createListCaseworkers(deps),
    audit: createAudit(deps),
  };
  const onReferral = (fn: HttpLambda, action: string) => (id: string, body: unknown, claims: Claims) =>
    invoke(
      fn,
      httpEvent({
        method: "POST",
        rawPath: `/v1/referrals/${enc(id)}/${action}`,
        routePath: `/v1/referrals/{id}/${action}`,
        pathParameters: { id },
        body,
        claims,
      }),
    );
  return {
    /** By default as staff posting by hand, who get the referral back; pass `reporter()` for an e-service. */
    post: (body: unknown, claims: Claims = desk(), headers?: Record<string, string>) =>
      invoke(
        fns.create,
        httpEvent({
          method: "POST",
          rawPath: "/v1/referrals",
          routePath: "/v1/referrals",
          body,
          claims,
          ...(headers ? { headers } : {}),
        }),
      ),
    list: (query: Record<string, string>, claims: Claims) =>
      invoke(
        fns.list,
        httpEvent({
          method: "GET",
          rawPath: "/v1/referrals",
          routePath: "/v1/referrals",
          ...(Object.keys(query).length ? { query } : {}),
          claims,
        }),
      ),
    get: (id: string, claims: Claims) =>
      invoke(
        fns.get,
        httpEvent({
          method: "GET",
          rawPath: `/v1/referrals/${enc(id)}`,
          routePath: "/v1/referrals/{id}",
          pathParameters: { id },
          claims,
        }),
      ),
    protection: onReferral(fns.protection, "protection-assessment"),
    decision: onReferral(fns.decision, "decision"),
    conversation: onReferral(fns.conversation, "first-offence-conversation"),
    identify: onReferral(fns.identify, "identify"),
    violenceConcern: onReferral(fns.violenceConcern, "violence-concern"),
    extend: (id: string, type: string, body: unknown, claims: Claims) =>
      invoke(
        fns.extend,
        httpEvent({
          method: "POST",
          rawPath: `/v1/referrals/${enc(id)}/deadlines/${enc(type)}/extend`,
          routePath: "/v1/referrals/{id}/deadlines/{type}/extend",
          pathParameters: { id, type },
          body,
          claims,
        }),
      ),
    assign: onReferral(fns.assign, "assign"),
    close: onReferral(fns.close, "close"),
    putCaseworker: (unit: string, caseworkerId: string, body: unknown, claims: Claims) =>
      invoke(
        fns.putCaseworker,
        httpEvent({
          method: "PUT",
          rawPath: `/v1/units/${enc(unit)}/caseworkers/${enc(caseworkerId)}`,
          routePath: "/v1/units/{unit}/caseworkers/{caseworkerId}",
          pathParameters: { unit, caseworkerId },
          body,
          claims,
        }),
      ),
    listCaseworkers: (unit: string, claims: Claims) =>
      invoke(
        fns.listCaseworkers,
        httpEvent({
          method: "GET",
          rawPath: `/v1/units/${enc(unit)}/caseworkers`,
          routePath: "/v1/units/{unit}/caseworkers",
          pathParameters: { unit },
          claims,
        }),
      ),
    audit: (query: Record<string, string>, claims: Claims) =>
      invoke(
        fns.audit,
        httpEvent({ method: "GET", rawPath: "/v1/audit", routePath: "/v1/audit", query, claims }),
      ),
  };
};
