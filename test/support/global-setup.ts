import type { TestProject } from "vitest/node";
import { startLocalAws } from "../../infra/local/aws";

declare module "vitest" {
  export interface ProvidedContext {
    /** DynamoDB Local (in memory), shared by the whole run; tests isolate themselves by table name prefix. */
    dynamodbEndpoint: string;
    /** fauxqs, shared likewise; queue names carry the same prefix. */
    sqsEndpoint: string;
  }
}

/** One DynamoDB Local and one fauxqs for the integration project: a JVM start costs seconds on two cores. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The SDK's notice about Node 22 concerns only this machine's Node 20 (Lambda runs 22).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const aws = await startLocalAws();
  project.provide("dynamodbEndpoint", aws.dynamodbEndpoint);
  project.provide("sqsEndpoint", aws.sqsEndpoint);
  return () => aws.stop();
}
