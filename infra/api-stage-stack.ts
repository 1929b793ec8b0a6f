import { Stack, type StackProps } from "aws-cdk-lib";
import type { HttpStage } from "aws-cdk-lib/aws-apigatewayv2";
import type { Construct } from "constructs";
import type { HttpRoute, ServiceDefinition } from "../shared/service";
import type { ApiStack } from "./api-stack";
import { projectStage } from "./constructs/http-api";

export interface ApiStageStackProps extends StackProps {
  readonly api: ApiStack;
  readonly services: readonly ServiceDefinition[];
}

/**
 * The APIs' `$default` stages, with every route's throttle. API Gateway refuses a stage whose route
 * settings name a route that does not exist, so this stack is deployed after every service stack
 * (an ordering only, no reference: it takes the route keys from the service definitions).
 */
export class ApiStageStack extends Stack {
  readonly main: HttpStage;
  readonly telephony: HttpStage | undefined;

  constructor(scope: Construct, id: string, props: ApiStageStackProps) {
    super(scope, id, props);
    const routes = props.services.flatMap((s) =>
      s.functions.flatMap((f) => (f.kind === "http" ? [f.route] : [])),
    );
    const served = (auth: HttpRoute["auth"]["type"]) => routes.filter((r) => r.auth.type === auth);
    this.main = projectStage(this, "ApiStage", props.api.main, served("jwt"));
    this.telephony = props.api.telephony
      ? projectStage(this, "TelephonyApiStage", props.api.telephony, served("webhook"))
      : undefined;
  }
}
