/**
 * The staff's steps on a referral in the cold-start bench (cold-fixtures.ts): each event acts on a
 * referral of its own, a child's concern report made in the bench's process through intake's own
 * create handler just before, so that the function meets a referral in the state a caseworker
 * meets it in, and a warm request another one.
 */
import * as z from "zod/mini";
import type { LocalClients } from "../../infra/local/aws";
import type { ProvisionedResources } from "../../infra/local/provision";
import { createDeps } from "../../services/intake/deps";
import { intakeHandlers } from "../support/intake-handlers";
import { ADULT, CHILD, desk, type ReferralBody, referralBody, staff } from "../support/intake-people";
import { daysAhead, httpEvent, MUNICIPALITY, routeOf } from "./cold-requests";
import { benchRuntime } from "./cold-runtime";

type EventMaker = () => Promise<unknown>;

const madeSchema = z.object({ id: z.string() });

export const referralStepMakers = async (
  clients: LocalClients,
  provisioned: ProvisionedResources,
): Promise<Readonly<Record<string, EventMaker>>> => {
  const handlers = intakeHandlers(createDeps(benchRuntime("intake", clients, provisioned)));
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
      const route = routeOf(functionId);
      if (!route) throw new Error(`no route for ${functionId}`);
      const id = await newReferral(referral);
      return httpEvent(route, functionId, { body: JSON.stringify(body), params: { id, ...params } });
    };
  return {
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
