import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { IHttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import type { Construct, Node } from "constructs";
import { ConsoleSite } from "./constructs/console-site";

/**
 * The console's deployment settings, from CDK context like the rest (cdk.json or `-c key=value`);
 * each has a default that lets `cdk synth` run offline.
 */
export interface ConsoleConfig {
  /** The OpenID Connect issuer the console signs in with; by default the API's `jwtIssuer`. */
  readonly authority: string;
  /** The console's client id at the identity provider (context `consoleClientId`). */
  readonly clientId: string;
  /** The scopes it asks for (context `consoleScope`): the API's route scopes the staff need. */
  readonly scope: string;
  /** Origins besides the issuer's the console fetches from, e.g. a token endpoint on another host. */
  readonly connectOrigins: readonly string[];
  readonly domainName?: string;
  /** An ACM certificate in us-east-1 for `domainName` (CloudFront reads certificates there only). */
  readonly certificateArn?: string;
  readonly webAclArn?: string;
}

export const DEFAULT_CONSOLE_CLIENT_ID = "ny-riktning-console";
export const DEFAULT_CONSOLE_SCOPE =
  "openid referrals:read referrals:manage audit:read hotline:handle hotline:admin";

const text = (node: Node, key: string): string | undefined => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new Error(`CDK context "${key}" must be a string`);
  return value;
};

export const readConsoleConfig = (node: Node, jwtIssuer: string): ConsoleConfig => {
  const authority = text(node, "consoleAuthority") ?? jwtIssuer;
  const extra = (text(node, "consoleConnectOrigins") ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  const domainName = text(node, "consoleDomainName");
  const certificateArn = text(node, "consoleCertificateArn");
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error('CDK context "consoleDomainName" and "consoleCertificateArn" go together');
  }
  const webAclArn = text(node, "consoleWebAclArn");
  return {
    authority,
    clientId: text(node, "consoleClientId") ?? DEFAULT_CONSOLE_CLIENT_ID,
    scope: text(node, "consoleScope") ?? DEFAULT_CONSOLE_SCOPE,
    // The issuer's origin serves its discovery document and, for most providers, the token endpoint.
    connectOrigins: [...new Set([new URL(authority).origin, ...extra.map((o) => new URL(o).origin)])],
    ...(domainName && certificateArn ? { domainName, certificateArn } : {}),
    ...(webAclArn ? { webAclArn } : {}),
  };
};

export interface ConsoleStackProps extends StackProps {
  readonly api: IHttpApi;
  readonly config: ConsoleConfig;
}

/** The staff console: CloudFront in front of its files and of the API. */
export class ConsoleStack extends Stack {
  readonly site: ConsoleSite;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.site = new ConsoleSite(this, "Console", {
      api: props.api,
      oidc: { authority: config.authority, clientId: config.clientId, scope: config.scope },
      connectOrigins: config.connectOrigins,
      ...(config.domainName && config.certificateArn
        ? {
            domain: {
              name: config.domainName,
              certificate: Certificate.fromCertificateArn(this, "Certificate", config.certificateArn),
            },
          }
        : {}),
      ...(config.webAclArn ? { webAclArn: config.webAclArn } : {}),
    });
    const url = `https://${config.domainName ?? this.site.distribution.distributionDomainName}/`;
    new CfnOutput(this, "ConsoleUrl", {
      value: url,
      description: "The staff console; register it as the OIDC client's redirect and sign-out URI",
    });
  }
}
