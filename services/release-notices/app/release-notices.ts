import type { CreateNoticeBody, ListQuery, SubscriptionBody, UpdateNoticeBody } from "../contract";
import type { ReleaseNoticesDeps } from "../deps";
import type { PlanMilestone, WithdrawalReason } from "../domain/notice";
import { noticeTable } from "../store/notice-table";
import { subscriptionTable } from "../store/subscription-table";
import { updateNotice, withdrawNotice } from "./change-notice";
import type { AppDeps, RequestContext } from "./context";
import { listNotices, readNotice } from "./read-notices";
import { receiveNotice } from "./receive-notice";
import { recordMilestone } from "./record-milestone";
import {
  deleteSubscription,
  putSubscription,
  readSubscription,
  type SubscriptionDeps,
} from "./subscriptions";
import { sweepDeadlines } from "./sweep-deadlines";

/**
 * The service's use cases on one set of dependencies, built once per container: what the
 * handlers call. Each reads, asks the domain, commits, and retries a lost race.
 */
export const createReleaseNotices = (deps: ReleaseNoticesDeps) => {
  const app: AppDeps = {
    table: noticeTable(deps),
    keys: deps.keys,
    clock: deps.clock,
    logger: deps.logger,
    metrics: deps.metrics,
    settings: deps.settings,
  };
  const subscriptions: SubscriptionDeps = {
    subscriptions: subscriptionTable(deps),
    keys: deps.keys,
    clock: deps.clock,
    allowLoopbackHttp: deps.allowLoopbackHttp,
  };
  return {
    receive: (body: CreateNoticeBody, context: RequestContext) => receiveNotice(app, body, context),
    update: (noticeId: string, body: UpdateNoticeBody, context: RequestContext) =>
      updateNotice(app, noticeId, body, context),
    withdraw: (noticeId: string, reason: WithdrawalReason | undefined, context: RequestContext) =>
      withdrawNotice(app, noticeId, reason, context),
    read: (noticeId: string, context: RequestContext) => readNotice(app, noticeId, context),
    list: (query: ListQuery, context: RequestContext) => listNotices(app, query, context),
    recordMilestone: (
      noticeId: string,
      milestone: PlanMilestone,
      note: string | undefined,
      context: RequestContext,
    ) => recordMilestone(app, noticeId, milestone, note, context),
    subscribe: (body: SubscriptionBody, context: RequestContext) =>
      putSubscription(subscriptions, body, context),
    subscription: (context: RequestContext) => readSubscription(subscriptions, context),
    unsubscribe: (context: RequestContext) => deleteSubscription(subscriptions, context),
    sweepDeadlines: (options?: Parameters<typeof sweepDeadlines>[1]) => sweepDeadlines(app, options),
  };
};

export type ReleaseNotices = ReturnType<typeof createReleaseNotices>;
