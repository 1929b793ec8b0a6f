import type { App, Environment } from "aws-cdk-lib";
import type { ServiceName } from "../shared/resources";
import type { ServiceDefinition } from "../shared/service";
import { ApiStack } from "./api-stack";
import { ApiStageStack } from "./api-stage-stack";
import type { TaskMailDeployment } from "./config";
import { ServiceStack } from "./service-stack";
import type { StatefulResources } from "./stateful-stack";

export interface StatelessProps {
  readonly env: Environment;
  readonly stateful: StatefulResources;
  readonly services: readonly ServiceDefinition[];
  readonly jwtIssuer: string;
  readonly jwtAudience: readonly string[];
  /** Where the telephony provider calls back; defaults to the telephony API's execute-api endpoint. */
  readonly publicBaseUrl?: string;
  /** The telephony webhooks' allowed source addresses; unset: the provider's published ones. */
  readonly telephonySourceAddresses?: string;
  /** Provisioned concurrency for the functions that reserve concurrency; unset or 0: none. */
  readonly provisionedConcurrency?: number;
  /** Task mail (infra/config.ts); absent: no function may send mail. */
  readonly taskMail?: TaskMailDeployment;
}

/** What can be replaced at will: it holds no data; everything it reads or writes is in the stateful stack. */
export interface StatelessStacks {
  readonly api: ApiStack;
  readonly services: ReadonlyMap<ServiceName, ServiceStack>;
  readonly stage: ApiStageStack;
}

export const API_STACK_ID = "NyRiktningApi";
/**
 * The API stack keeps the CloudFormation name of the single stateless stack it was split from:
 * its APIs, access logs and authorizer keep their logical ids there, so an update keeps them (and
 * the URLs the telephony provider and the console's CloudFront use) instead of creating new ones.
 */
export const API_STACK_NAME = "NyRiktningStateless";
export const API_STAGE_STACK_ID = "NyRiktningApiStage";

/** `NyRiktning` and the service's name in PascalCase: `pilot-reports` is `NyRiktningPilotReports`. */
export const serviceStackId = (service: ServiceName): string =>
  `NyRiktning${service
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("")}`;

/**
 * The stateless part, split so that no stack nears CloudFormation's 500 resources however many
 * routes a service gains: the shared APIs first, then one stack per service (its functions,
 * routes, event sources, schedules and alarms), then the stages that throttle the routes. The
 * service stacks refer to the API and stateful stacks, never the reverse; the stage stack is only
 * ordered after the service stacks.
 */
export const addStatelessStacks = (app: App, props: StatelessProps): StatelessStacks => {
  assertUnique(props.services);
  const api = new ApiStack(app, API_STACK_ID, {
    env: props.env,
    stackName: API_STACK_NAME,
    description: "Ny riktning: the HTTP APIs, the JWT authorizer and the queues' alarms",
    stateful: props.stateful,
    services: props.services,
    jwtIssuer: props.jwtIssuer,
    jwtAudience: props.jwtAudience,
  });
  // No trailing slash, like the local runtime's, so handlers join paths the same way in both.
  const publicBaseUrl =
    props.publicBaseUrl ?? api.telephony?.httpApi.apiEndpoint ?? api.main.httpApi.apiEndpoint;
  const services = new Map<ServiceName, ServiceStack>();
  for (const definition of props.services) {
    services.set(
      definition.name,
      new ServiceStack(app, serviceStackId(definition.name), {
        env: props.env,
        description: `Ny riktning ${definition.name}: functions, routes, event sources, schedules and alarms`,
        definition,
        stateful: props.stateful,
        api,
        publicBaseUrl,
        ...(props.telephonySourceAddresses
          ? { telephonySourceAddresses: props.telephonySourceAddresses }
          : {}),
        ...(props.provisionedConcurrency ? { provisionedConcurrency: props.provisionedConcurrency } : {}),
        ...(props.taskMail ? { taskMail: props.taskMail } : {}),
      }),
    );
  }
  const stage = new ApiStageStack(app, API_STAGE_STACK_ID, {
    env: props.env,
    description: "Ny riktning: the HTTP APIs' stages, with every route's throttle",
    api,
    services: props.services,
  });
  for (const service of services.values()) {
    stage.addStackDependency(service, "the stage's route settings name routes that must exist");
  }
  return { api, services, stage };
};

/** Duplicates would otherwise surface as construct-id clashes far from their cause. */
const assertUnique = (services: readonly ServiceDefinition[]): void => {
  const seen = new Map<string, string>();
  const claim = (key: string, owner: string): void => {
    const previous = seen.get(key);
    if (previous) throw new Error(`${key} is defined twice: by ${previous} and by ${owner}`);
    seen.set(key, owner);
  };
  for (const service of services) {
    claim(`service ${service.name}`, service.name);
    for (const fn of service.functions) {
      claim(`function id ${fn.id}`, service.name);
      if (fn.kind === "http") claim(`route ${fn.route.method} ${fn.route.path}`, fn.id);
    }
  }
};
