/** The pieces of one release-notice create, each timed alone: where the handler's own CPU goes. */
import { createNoticeBodySchema } from "../../services/release-notices/contract";
import { isReleaseDateInPast, leadTime } from "../../services/release-notices/domain/lead-time";
import { nextStage, planDueAt } from "../../services/release-notices/domain/plan-schedule";
import { RETENTION_DAYS_AFTER_RELEASE } from "../../services/release-notices/domain/retention";
import { routes } from "../../services/release-notices/service";
import { releaseNoticeReceived } from "../../shared/events/catalogue/release-notices";
import { newEvent } from "../../shared/events/outbox";
import { createHttpHandler, json } from "../../shared/http/edge";
import { parseIdentityNumber, seal, subjectRef } from "../../shared/identity";
import { newId } from "../../shared/ids";
import { createLogger } from "../../shared/logger";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret } from "../../shared/runtime/keys";
import { addCalendarDays, startOfStockholmDay, stockholmDate } from "../../shared/time";
import { timeCalls } from "./cpu";
import { lambdaContext, noticeBody, personnummer, postEvent, releaseDateMonthsAhead } from "./fixtures";
import type { CallTemplates } from "./workloads";

export const COMPONENT_ITERATIONS = 3000;

export const measureComponents = async (templates: CallTemplates) => {
  const now = new Date();
  const keys = parseKeySecret(DEVELOPMENT_KEYS_JSON);
  const sealingKey = keys.sealingKeys.get(keys.sealingKid);
  if (!sealingKey) throw new Error("development keys have no current sealing key");
  const pnrs = personnummer(100, now);
  const releaseDate = releaseDateMonthsAhead(now, 5);
  const bodies = pnrs.map((p, i) => JSON.stringify(noticeBody(`component-${i}`, p, releaseDate)));
  const pick = (i: number) => bodies[i % bodies.length] ?? "";
  const identity = parseIdentityNumber(pnrs[0] ?? "", now);
  if (!identity) throw new Error("no identity");
  const logger = createLogger("release-notices");
  const receipt = {
    id: newId(),
    noticeId: "n",
    status: "received",
    leadDays: 150,
    onTime: true,
    planDueDate: releaseDate,
  };
  const edge = createHttpHandler(routes.create, createLogger("release-notices"), async () =>
    json(201, receipt),
  );
  const events = bodies.map((b, i) => postEvent(b, `component-${i}`));
  const context = lambdaContext("release-notices-create", "component");
  const sent = JSON.parse(templates.sends[0]?.MessageBody ?? "{}") as {
    municipality: string;
    correlationId: string;
    data: Parameters<typeof newEvent<typeof releaseNoticeReceived>>[1]["data"];
  };

  const items: { name: string; perRequest: number; fn: (i: number) => unknown }[] = [
    {
      name: "edge: middy + Lambda context + auth + zod body + access log (trivial impl)",
      perRequest: 1,
      fn: (i) => edge(events[i % events.length] ?? postEvent("{}", "x"), context),
    },
    {
      name: "zod: createNoticeBodySchema.safeParse (inside the edge above)",
      perRequest: 1,
      fn: (i) => createNoticeBodySchema.safeParse(JSON.parse(pick(i))),
    },
    {
      name: "newEvent: zod parse of the data and of the envelope fields the caller gives",
      perRequest: 1,
      fn: () =>
        newEvent(releaseNoticeReceived, {
          source: "release-notices",
          municipality: sent.municipality,
          correlationId: sent.correlationId,
          occurredAt: now,
          data: sent.data,
        }),
    },
    {
      name: "parseIdentityNumber",
      perRequest: 1,
      fn: (i) => parseIdentityNumber(pnrs[i % pnrs.length] ?? "", now),
    },
    {
      name: "HMAC-SHA256 (subjectRef; the request hash is one more)",
      perRequest: 2,
      fn: () => subjectRef(identity, keys.linkingKey),
    },
    {
      name: "seal: AES-256-GCM",
      perRequest: 2,
      fn: () => seal(identity.canonical, { kid: keys.sealingKid, key: sealingKey }),
    },
    {
      name: "Swedish dates (shared/time: Intl-free clock, Date.UTC): the date work of one create",
      perRequest: 1,
      fn: () => {
        // As the create path does: identity's reference date, past check, lead time, schedule, due, TTL x2.
        stockholmDate(now);
        isReleaseDateInPast(releaseDate, now);
        leadTime(now, releaseDate);
        nextStage(releaseDate, [], now);
        planDueAt(releaseDate);
        startOfStockholmDay(addCalendarDays(releaseDate, RETENTION_DAYS_AFTER_RELEASE));
        startOfStockholmDay(addCalendarDays(releaseDate, RETENTION_DAYS_AFTER_RELEASE));
      },
    },
    { name: "  of which one stockholmDate(now)", perRequest: 0, fn: () => stockholmDate(now) },
    // What the code calls (shared/ids.ts): ulid drawing from a pooled buffer, not one OS call per character.
    { name: "newId (ulid, pooled PRNG)", perRequest: 3, fn: () => newId() },
    {
      name: "logger.info: one JSON line (written to a discarding stdout)",
      perRequest: 2,
      fn: (i) => logger.info("notice received", { noticeId: `n-${i}`, leadDays: 150, onTime: true }),
    },
  ];
  const out: { name: string; perCallMs: number; perRequest: number }[] = [];
  for (const item of items) {
    out.push({
      name: item.name,
      perRequest: item.perRequest,
      perCallMs: await timeCalls(COMPONENT_ITERATIONS, item.fn),
    });
  }
  return out;
};
