/**
 * The staff's steps on a referral in the cold-start bench (cold-fixtures.ts): each event acts on a
 * referral of its own, a child's concern report (or what the step needs) made in the bench's
 * process through intake's own create handler just before (and, to change an intervention, the
 * intervention decided), so that the function meets a referral in the state a caseworker
 * meets it in, and a warm request another one.
 */
import * as z from "zod/mini";
import type { LocalClients } from "../../infra/local/aws";
import type { ProvisionedResources } from "../../infra/local/provision";
import { createDeps } from "../../services/intake/deps";
import { createHandler as createDecide } from "../../services/intake/handlers/intervention-decide";
import { httpEvent as supportEvent } from "../support/http";
import { intakeHandlers } from "../support/intake-handlers";
import {
  ADULT,
  CHILD,
  desk,
  type ReferralBody,
  referralBody,
  staff,
  YOUNG_ADULT,
} from "../support/intake-people";
import { invokeHttp } from "../support/lambda";
import { daysAhead, type EventMaker, httpEvent, MUNICIPALITY, routeFor } from "./cold-requests";
import { benchRuntime } from "./cold-runtime";

const madeSchema = z.object({ id: z.string() });

export const referralStepMakers = async (
  clients: LocalClients,
  provisioned: ProvisionedResources,
): Promise<Readonly<Record<string, EventMaker>>> => {
  const deps = createDeps(benchRuntime("intake", clients, provisioned));
  const handlers = intakeHandlers(deps);
  // Someone in the children's unit with room for every referral the bench assigns.
  const caseworker = await handlers.putCaseworker(
    "mottag-barn",
    "cold-assign",
    { name: "Kim Kallstart", capacity: 200 },
    staff(MUNICIPALITY),
  );
  if (caseworker.status >= 300) throw new Error(`the bench's caseworker was not put: ${caseworker.status}`);
  const newReferral = async (overrides: Partial<ReferralBody>): Promise<string> => {
    const made = await handlers.post(
      referralBody({ municipality: MUNICIPALITY, ...overrides }),
      desk(MUNICIPALITY),
    );
    if (made.status !== 201) throw new Error(`the bench's referral was not made: ${made.status}`);
    return madeSchema.parse(made.body).id;
  };
  const step =
    (
      functionId: string,
      body: unknown,
      referral: Partial<ReferralBody> = {},
      params: Record<string, string> = {},
    ) =>
    async () => {
      const id = await newReferral(referral);
      return httpEvent(routeFor(functionId), functionId, {
        body: JSON.stringify(body),
        params: { id, ...params },
      });
    };
  // Interventions: on a young adult's self-referral, decided today.
  const youngAdult: Partial<ReferralBody> = {
    kind: "self-referral",
    subject: { personalIdentityNumber: YOUNG_ADULT.thirteen },
    reporter: { role: "self" },
  };
  const today = () => new Date().toISOString().slice(0, 10);
  const decide = createDecide(deps);
  /** An intervention decided in this process, on a referral of its own, for the change to start. */
  const changeEvent = async () => {
    const id = await newReferral(youngAdult);
    const decided = await invokeHttp(
      decide,
      "intake-decide-intervention",
      supportEvent({
        method: "POST",
        rawPath: `/v1/referrals/${id}/interventions`,
        routePath: "/v1/referrals/{id}/interventions",
        pathParameters: { id },
        body: { type: "sig", decidedAt: today() },
        claims: staff(MUNICIPALITY),
      }),
    );
    if (decided.status !== 201)
      throw new Error(`the bench's intervention was not decided: ${decided.status}`);
    return httpEvent(routeFor("intake-change-intervention"), "intake-change-intervention", {
      body: JSON.stringify({ startedAt: today() }),
      params: { id, interventionId: madeSchema.parse(decided.body).id },
    });
  };
  return {
    "intake-decide-intervention": async () =>
      step("intake-decide-intervention", { type: "sig", decidedAt: today() }, youngAdult)(),
    "intake-change-intervention": changeEvent,
    "intake-protection-assessment": step("intake-protection-assessment", {
      immediateProtectionNeeded: false,
    }),
    "intake-decision": step("intake-decision", { openInvestigation: true, reason: "Oron behöver utredas." }),
    "intake-conversation": step(
      "intake-conversation",
      {},
      { kind: "police", firstOffence: true, reporter: { role: "police" } },
    ),
    "intake-extend": step(
      "intake-extend",
      { reason: "Skolans underlag har inte kommit.", until: daysAhead(30) },
      {},
      { type: "pre-assessment" },
    ),
    "intake-identify": step(
      "intake-identify",
      { personalIdentityNumber: CHILD.thirteen },
      { subject: { name: "Elev Okänd", birthDate: "2012-05-10" } },
    ),
    "intake-violence-concern": step("intake-violence-concern", { suspected: true }),
    "intake-assign": step("intake-assign", {}),
    // An adult's: a child's report needs its decision recorded before it is closed.
    "intake-close": step(
      "intake-close",
      { reason: "no-investigation" },
      { subject: { personalIdentityNumber: ADULT.thirteen } },
    ),
  };
};
