import { fileURLToPath } from "node:url";
import type { Node } from "constructs";

/**
 * Deployment settings that differ between installations come from CDK context (`cdk.json`, or
 * `-c key=value`). Every one has a default that lets `cdk synth` run offline on a laptop, except
 * the token issuer: without it the API would accept no token, so the synth fails instead.
 */
export interface DeploymentConfig {
  readonly region: string;
  /**
   * The OAuth2 issuer whose tokens the API accepts (context `jwtIssuer`, required): the identity
   * provider's issuer URL. `npm run synth` and the infra tests pass OFFLINE_JWT_ISSUER explicitly.
   */
  readonly jwtIssuer: string;
  /** The audience the identity provider puts in tokens for this API (context `jwtAudience`). */
  readonly jwtAudience: readonly string[];
  /** Where alarm notifications go (context `alarmEmail`); without it, operators subscribe to the topic themselves. */
  readonly alarmEmail?: string;
  /**
   * Where the telephony provider calls back (context `publicBaseUrl`), without a trailing slash: a
   * custom domain in front of the telephony API; by default that API's own execute-api endpoint.
   */
  readonly publicBaseUrl?: string;
  /**
   * The addresses the telephony webhooks may come from (context `telephonySourceAddresses`):
   * comma-separated addresses and CIDR ranges, or `*` for any. Unset: the provider's published
   * addresses (services/hotline/webhook-sources.ts).
   */
  readonly telephonySourceAddresses?: string;
  /**
   * Provisioned concurrency for every function that reserves concurrency (the webhooks a caller
   * waits on), context `provisionedConcurrency`: that many environments kept initialised, so no
   * caller waits out a cold start. Costs for every hour it is on; 0 or unset: off.
   */
  readonly provisionedConcurrency?: number;
  /**
   * Task mail (services/intake/README.md, "Tasks"): context `taskMailFrom`, the SES-verified sender
   * address; `consoleUrl`, the staff console's address for the link in each mail; and
   * `taskMailDirectory`, JSON naming each municipality's inboxes. Without a sender no mail is sent.
   */
  readonly taskMail?: TaskMailDeployment;
}

export interface TaskMailDeployment {
  readonly from: string;
  readonly consoleUrl: string;
  /** JSON, validated by the intake service when it starts. */
  readonly directory: string;
}

const readTaskMail = (node: Node): TaskMailDeployment | undefined => {
  const from = stringContext(node, "taskMailFrom");
  if (!from) return undefined;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(from))
    throw new Error('CDK context "taskMailFrom" must be an e-mail address');
  const consoleUrl = stringContext(node, "consoleUrl");
  if (!consoleUrl || !/^https:\/\/[^\s/]+/.test(consoleUrl)) {
    throw new Error(
      'CDK context "consoleUrl" (an https URL) is required with "taskMailFrom": each mail links to the console',
    );
  }
  const directory = stringContext(node, "taskMailDirectory") ?? "{}";
  try {
    JSON.parse(directory);
  } catch {
    throw new Error('CDK context "taskMailDirectory" must be JSON');
  }
  return { from, consoleUrl: consoleUrl.replace(/\/+$/, ""), directory };
};

export const DEFAULT_REGION = "eu-north-1";
/** An issuer that names no real host (.invalid): for offline synths and tests only, passed explicitly. */
export const OFFLINE_JWT_ISSUER = "https://auth.example.invalid/";
export const DEFAULT_JWT_AUDIENCE = "ny-riktning-api";

const stringContext = (node: Node, key: string): string | undefined => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new Error(`CDK context "${key}" must be a string`);
  return value;
};

const countContext = (node: Node, key: string): number | undefined => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === "") return undefined;
  const count = typeof value === "string" ? Number(value) : value;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
    throw new Error(`CDK context "${key}" must be a whole number, 0 or more`);
  }
  return count;
};

export const readDeploymentConfig = (node: Node): DeploymentConfig => {
  const alarmEmail = stringContext(node, "alarmEmail");
  const telephonySourceAddresses = stringContext(node, "telephonySourceAddresses");
  const provisionedConcurrency = countContext(node, "provisionedConcurrency");
  const taskMail = readTaskMail(node);
  const publicBaseUrl = stringContext(node, "publicBaseUrl")?.replace(/\/+$/, "");
  // A comma-separated list so one API can serve tokens minted for more than one client audience.
  const audience = (stringContext(node, "jwtAudience") ?? DEFAULT_JWT_AUDIENCE)
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
  const jwtIssuer = stringContext(node, "jwtIssuer");
  if (!jwtIssuer) {
    throw new Error(
      'CDK context "jwtIssuer" is required: the identity provider\'s issuer URL (-c jwtIssuer=https://…/). Without it the API would accept no token.',
    );
  }
  if (!/^https:\/\/[^\s/]+/.test(jwtIssuer)) throw new Error('CDK context "jwtIssuer" must be an https URL');
  return {
    region: stringContext(node, "region") ?? DEFAULT_REGION,
    jwtIssuer,
    jwtAudience: audience,
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
    ...(telephonySourceAddresses ? { telephonySourceAddresses } : {}),
    ...(provisionedConcurrency ? { provisionedConcurrency } : {}),
    ...(taskMail ? { taskMail } : {}),
  };
};

export { DEADLINE_BREACHED_METRIC } from "../shared/metrics";

/** The repository root: function entries in service definitions are relative to it. */
export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
