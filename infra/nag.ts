import { type App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";

/**
 * cdk-nag's AwsSolutions rules run on every synth (as a CDK validation plugin) and fail it on an
 * unacknowledged error. Every acknowledgement in the app is one of the functions below: each names
 * the full finding id, says why, and is applied by the construct that made the decision, on the
 * narrowest construct that carries the finding.
 */
export const applyNag = (app: App): void => {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
};

const acknowledge = (scope: IConstruct, id: string, reason: string): void => {
  Validations.of(scope).acknowledge({ id, reason });
};

interface ProjectFunctionLike extends IConstruct {
  readonly function: IConstruct;
  readonly role: IConstruct;
}

/** Applied by ProjectFunction to its own function and role. */
export const acknowledgeProjectFunction = (fn: ProjectFunctionLike): void => {
  acknowledge(
    fn.function,
    "AwsSolutions-L1",
    "Node.js 22 is the project's pinned runtime (DESIGN.md): the bundles target node22 and the tests run " +
      "on it; moving to a newer runtime is a deliberate upgrade of the whole toolchain, not a synth default.",
  );
  acknowledge(
    fn.role,
    "AwsSolutions-IAM5[Resource::*]",
    "X-Ray's PutTraceSegments and PutTelemetryRecords support no resource-level permissions, so active " +
      "tracing needs Resource *; every other statement of this role names its resources (test/infra asserts it).",
  );
};

/** Applied by ServiceFunctions to each route whose auth is `webhook`. */
export const acknowledgeWebhookRoute = (route: IConstruct): void => {
  acknowledge(
    route,
    "AwsSolutions-APIG4",
    "A telephony provider's webhook cannot obtain an OAuth2 token: the route authenticates with its own " +
      "secret (basic auth in the webhook URL, compared in constant time by the handler), per DESIGN.md Security.",
  );
};

/** Applied by StatefulStack to the identity key secret. */
export const acknowledgeIdentityKeysRotation = (secret: IConstruct): void => {
  acknowledge(
    secret,
    "AwsSolutions-SMG4",
    "The linking key must stay the same for as long as records exist (it links records about one person), " +
      "and sealing keys rotate by adding a key id that old events still name; a rotation Lambda replacing " +
      "the value would break both, so operators rotate sealing keys by hand.",
  );
};

/** Applied by StatefulStack to the telephony webhook secret. */
export const acknowledgeWebhookSecretRotation = (secret: IConstruct): void => {
  acknowledge(
    secret,
    "AwsSolutions-SMG4",
    "The credentials live in the webhook URLs configured at the telephony provider; rotating them means " +
      "changing the provider's configuration in the same step, which Secrets Manager cannot do.",
  );
};
