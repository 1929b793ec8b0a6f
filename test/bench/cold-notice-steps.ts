/**
 * Kriminalvården's and the staff's steps on a release notice in the cold-start bench
 * (cold-fixtures.ts): each event acts on a notice of its own, posted in the bench's process through
 * the service's own create handler just before, by the client the bench's events come from.
 */
import * as z from "zod/mini";
import type { LocalClients } from "../../infra/local/aws";
import type { ProvisionedResources } from "../../infra/local/provision";
import { createDeps } from "../../services/release-notices/deps";
import type { Claims } from "../support/http";
import { noticeBody, releaseNoticeHandlers, updateBody } from "../support/release-notices";
import { daysAhead, type EventMaker, httpEvent, MUNICIPALITY, routeFor } from "./cold-requests";
import { benchRuntime } from "./cold-runtime";

const madeSchema = z.object({ noticeId: z.string() });

/** httpEvent's caller (cold-requests.ts): the notice must be this client's for it to act on it. */
const BENCH_CLIENT: Claims = {
  sub: "cold-bench",
  scope: "release-notices:write",
  municipality: MUNICIPALITY,
};

export const noticeStepMakers = (
  clients: LocalClients,
  provisioned: ProvisionedResources,
): Readonly<Record<string, EventMaker>> => {
  const handlers = releaseNoticeHandlers(createDeps(benchRuntime("release-notices", clients, provisioned)));
  const step = (functionId: string, body: (posted: ReturnType<typeof noticeBody>) => unknown) => async () => {
    const route = routeFor(functionId);
    const posted = noticeBody({ municipality: MUNICIPALITY, expectedReleaseDate: daysAhead(120) });
    const made = await handlers.post(posted, BENCH_CLIENT);
    if (made.status !== 201) throw new Error(`the bench's notice was not posted: ${made.status}`);
    const { noticeId } = madeSchema.parse(made.body);
    return httpEvent(route, functionId, { body: JSON.stringify(body(posted)), params: { noticeId } });
  };
  return {
    "release-notices-update": step("release-notices-update", (posted) =>
      updateBody(posted, { institution: "Anstalten Hall" }),
    ),
    "release-notices-withdraw": step("release-notices-withdraw", () => ({ reason: "sentence-changed" })),
    "release-notices-plan": step("release-notices-plan", () => ({ milestone: "contact-made" })),
  };
};
