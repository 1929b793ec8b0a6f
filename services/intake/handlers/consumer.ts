import { createConsumer } from "../../../shared/events/consumer";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { intakeEventHandlers } from "../app/from-other-services";
import { taskEventHandlers } from "../app/task-events";
import type { IntakeDeps } from "../deps";
import { createDeps } from "../deps-mailing";

/** The intake queue: release notices and completed hotline triages become referrals; reminders and breaches, tasks. */
export const createHandler = (deps: IntakeDeps) =>
  createConsumer({
    tableName: deps.tableName,
    doc: deps.doc,
    publisher: deps.publisher,
    clock: deps.clock,
    logger: deps.logger,
    handlers: { ...intakeEventHandlers(deps), ...taskEventHandlers(deps) },
  });

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
