import { Stack, type StackProps } from "aws-cdk-lib";
import { HttpAuthorizer } from "aws-cdk-lib/aws-apigatewayv2";
import type { Construct } from "constructs";
import type { ServiceDefinition } from "../shared/service";
import type { ApiStack } from "./api-stack";
import type { TaskMailDeployment } from "./config";
import type { ProjectFunction } from "./constructs/project-function";
import { ServiceFunctions } from "./constructs/service-functions";
import type { StatefulResources } from "./stateful-stack";

export interface ServiceStackProps extends StackProps {
  readonly definition: ServiceDefinition;
  readonly stateful: StatefulResources;
  readonly api: ApiStack;
  /** Where the telephony provider calls back, without a trailing slash. */
  readonly publicBaseUrl: string;
  /** The telephony webhooks' allowed source addresses; unset: the provider's published ones. */
  readonly telephonySourceAddresses?: string;
  /** Provisioned concurrency for the functions that reserve concurrency; unset or 0: none. */
  readonly provisionedConcurrency?: number;
  /** Task mail settings for the functions that send mail; absent: mail is off. */
  readonly taskMail?: TaskMailDeployment;
}

/**
 * One service's functions, routes, event sources, schedules and alarms, wired from its
 * ServiceDefinition alone. It refers to the stateful stack and the API stack; nothing refers to it,
 * so it can be deployed, replaced or removed on its own.
 */
export class ServiceStack extends Stack {
  readonly definition: ServiceDefinition;
  readonly functions: ReadonlyMap<string, ProjectFunction>;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    this.definition = props.definition;
    const { api } = props;
    // The routes of this stack attach the shared stack's authorizer by its id.
    const jwtAuthorizer = HttpAuthorizer.fromHttpAuthorizerAttributes(this, "JwtAuthorizer", {
      authorizerId: api.jwtAuthorizer.authorizerId,
      authorizerType: "JWT",
    });
    this.functions = new ServiceFunctions(this, props.definition.name, {
      definition: props.definition,
      stateful: props.stateful,
      api: {
        main: api.main.httpApi,
        jwtAuthorizer,
        publicBaseUrl: props.publicBaseUrl,
        ...(api.telephony ? { telephony: api.telephony.httpApi } : {}),
        ...(props.telephonySourceAddresses
          ? { telephonySourceAddresses: props.telephonySourceAddresses }
          : {}),
        ...(props.taskMail ? { taskMail: props.taskMail } : {}),
      },
      ...(props.provisionedConcurrency ? { provisionedConcurrency: props.provisionedConcurrency } : {}),
    }).functions;
  }
}
