import type { FunctionDefinition, HttpRoute, ServiceDefinition } from "../../shared/service";
import { caseworkerRoutes } from "./routes/caseworkers";
import { interventionRoutes } from "./routes/interventions";
import { referralRoutes } from "./routes/referrals";
import { settingsRoutes } from "./routes/settings";
import { taskRoutes } from "./routes/tasks";

const dir = "services/intake/handlers";

/** The route modules in routes/, one per area, so that a function loads only its own area's. */
export const routes = {
  ...referralRoutes,
  ...caseworkerRoutes,
  ...taskRoutes,
  ...settingsRoutes,
  ...interventionRoutes,
} as const satisfies Record<string, HttpRoute>;

const http = (id: string, file: string, route: HttpRoute, usesIdentityKeys = false): FunctionDefinition => ({
  kind: "http",
  id: `intake-${id}`,
  entry: `${dir}/${file}.ts`,
  route,
  ...(usesIdentityKeys ? { usesIdentityKeys } : {}),
});

const functions: FunctionDefinition[] = [
  http("create", "create", routes.create, true),
  http("list", "list", routes.list),
  http("get", "get", routes.get, true),
  http("protection-assessment", "protection-assessment", routes.protectionAssessment, true),
  http("decision", "decision", routes.decision, true),
  http("conversation", "conversation", routes.conversation, true),
  http("extend", "extend", routes.extend, true),
  http("identify", "identify", routes.identify, true),
  http("violence-concern", "violence-concern", routes.violenceConcern, true),
  http("assign", "assign", routes.assign),
  http("close", "close", routes.close, true),
  http("put-caseworker", "put-caseworker", routes.putCaseworker),
  http("list-caseworkers", "list-caseworkers", routes.listCaseworkers),
  http("audit", "audit", routes.audit),
  http("list-tasks", "list-tasks", routes.listTasks),
  http("complete-task", "complete-task", routes.completeTask),
  http("decide-intervention", "intervention-decide", routes.decideIntervention, true),
  http("change-intervention", "intervention-change", routes.changeIntervention, true),
  http("list-interventions", "intervention-list", routes.listInterventions, true),
  http("get-intervention", "intervention-get", routes.getIntervention, true),
  {
    kind: "queue",
    id: "intake-consumer",
    entry: `${dir}/consumer.ts`,
    queue: "intake",
    usesIdentityKeys: true,
    // task.opened: the task's e-mail goes out from the queue, so a failed send is retried.
    sendsMail: true,
  },
  { kind: "schedule", id: "intake-deadline-sweep", entry: `${dir}/deadline-sweep.ts`, everyMinutes: 5 },
  { kind: "schedule", id: "intake-outbox-sweep", entry: `${dir}/outbox-sweep.ts`, everyMinutes: 1 },
  http("get-settings", "get-settings", routes.getSettings),
  { ...http("put-settings", "put-settings", routes.putSettings), writesSettings: true },
  http("settings-history", "settings-history", routes.settingsHistory),
];

export const intakeService: ServiceDefinition = {
  name: "intake",
  // The local runtime runs every function in one process, the consumer's mail included.
  depsEntry: "services/intake/deps-mailing.ts",
  functions,
  publishes: [
    "referral.received",
    "referral.assessed",
    "referral.assigned",
    "referral.closed",
    "deadline.breached",
    "deadline.extended",
    "task.opened",
    "intervention.decided",
    "intervention.started",
    "intervention.ended",
  ],
};
