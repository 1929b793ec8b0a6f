import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFLINE_JWT_ISSUER } from "../../infra/config";
import {
  DEFAULT_CONSOLE_CLIENT_ID,
  DEFAULT_CONSOLE_SCOPE,
  readConsoleConfig,
} from "../../infra/console-stack";
import { type CfnJson, resourcesOf, type Synthesised, synthesise } from "./synth";

/** The console's stack as `cdk synth` builds it (without bundling: the construct is under test). */
let s: Synthesised;
let template: Template;
beforeAll(() => {
  s = synthesise();
  template = Template.fromStack(s.built.console);
}, 120_000);
afterAll(() => s.cleanup());

const only = (type: string): CfnJson => {
  const found = Object.values(resourcesOf(template, type));
  expect(found).toHaveLength(1);
  return found[0] as CfnJson;
};

interface Behavior {
  readonly PathPattern?: string;
  readonly ViewerProtocolPolicy: string;
  readonly CachePolicyId: string;
  readonly OriginRequestPolicyId?: string;
  readonly AllowedMethods?: string[];
  readonly TargetOriginId: string;
  readonly ResponseHeadersPolicyId: unknown;
}
interface DistributionConfig {
  readonly DefaultRootObject: string;
  readonly DefaultCacheBehavior: Behavior;
  readonly CacheBehaviors: Behavior[];
  readonly Origins: {
    Id: string;
    S3OriginConfig?: unknown;
    OriginAccessControlId?: unknown;
    CustomOriginConfig?: Record<string, unknown>;
    DomainName: unknown;
  }[];
  readonly Logging?: unknown;
}

/** The managed policies' ids, as CloudFront publishes them. */
const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

describe("the console's site", () => {
  it("keeps the files in a private, encrypted bucket that refuses plain HTTP", () => {
    const buckets = Object.values(resourcesOf(template, "AWS::S3::Bucket"));
    for (const bucket of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toBeDefined();
    }
    const policies = JSON.stringify(resourcesOf(template, "AWS::S3::BucketPolicy"));
    expect(policies).toContain('"aws:SecureTransport":"false"');
  });

  it("serves them through CloudFront with origin access control, HTTPS only, logged", () => {
    const config = only("AWS::CloudFront::Distribution").Properties.DistributionConfig as DistributionConfig;
    expect(config.DefaultRootObject).toBe("index.html");
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    const s3 = config.Origins.find((o) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(s3?.OriginAccessControlId).toBeDefined();
    expect(only("AWS::CloudFront::OriginAccessControl").Properties.OriginAccessControlConfig).toMatchObject({
      SigningBehavior: "always",
      SigningProtocol: "sigv4",
    });
    expect(config.Logging).toBeDefined();
  });

  it("sends /v1/* to the HTTP API on the same origin, uncached, with the viewer's Authorization", () => {
    const config = only("AWS::CloudFront::Distribution").Properties.DistributionConfig as DistributionConfig;
    const api = config.CacheBehaviors.find((b) => b.PathPattern === "/v1/*");
    expect(api).toMatchObject({
      ViewerProtocolPolicy: "https-only",
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
    });
    expect(api?.AllowedMethods).toEqual(expect.arrayContaining(["GET", "POST", "PUT", "DELETE"]));
    const origin = config.Origins.find((o) => o.Id === api?.TargetOriginId);
    expect(origin?.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: "https-only",
      OriginSSLProtocols: ["TLSv1.2"],
    });
    // The execute-api host of the stateless stack's API, imported across stacks.
    expect(JSON.stringify(origin?.DomainName)).toContain("Fn::ImportValue");
  });

  it("sends a strict Content-Security-Policy, HSTS and frame-ancestors 'none' with the console", () => {
    const config = only("AWS::CloudFront::Distribution").Properties.DistributionConfig as DistributionConfig;
    const policyId = (config.DefaultCacheBehavior.ResponseHeadersPolicyId as { Ref: string }).Ref;
    const policy = resourcesOf(template, "AWS::CloudFront::ResponseHeadersPolicy")[policyId];
    if (!policy) throw new Error("the console's behaviour names no response headers policy");
    const security = (
      policy.Properties.ResponseHeadersPolicyConfig as {
        SecurityHeadersConfig: Record<string, Record<string, unknown>>;
      }
    ).SecurityHeadersConfig;
    const csp = String(security.ContentSecurityPolicy?.ContentSecurityPolicy);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ${new URL(OFFLINE_JWT_ISSUER).origin}`);
    expect(csp).not.toContain("unsafe");
    expect(security.StrictTransportSecurity).toMatchObject({ IncludeSubdomains: true, Override: true });
    expect(Number(security.StrictTransportSecurity?.AccessControlMaxAgeSec)).toBeGreaterThanOrEqual(
      31_536_000,
    );
    expect(security.FrameOptions).toMatchObject({ FrameOption: "DENY" });
  });

  it("deploys the built files and a config.json naming the identity provider", () => {
    expect(Object.keys(resourcesOf(template, "Custom::CDKBucketDeployment"))).toHaveLength(2);
    const staged = readdirSync(s.built.app.outdir, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith("config.json"),
    );
    expect(staged).toHaveLength(1);
    const config: unknown = JSON.parse(readFileSync(join(s.built.app.outdir, staged[0] ?? ""), "utf8"));
    expect(config).toEqual({
      auth: {
        kind: "oidc",
        authority: OFFLINE_JWT_ISSUER,
        clientId: DEFAULT_CONSOLE_CLIENT_ID,
        scope: DEFAULT_CONSOLE_SCOPE,
      },
    });
  });
});

describe("the console's settings", () => {
  const node = (context: Record<string, string>) =>
    ({ tryGetContext: (key: string) => context[key] }) as never;

  it("sign in against the API's issuer by default, with its origin allowed to be fetched", () => {
    const config = readConsoleConfig(node({}), "https://idp.example.se/realms/kalmar/");
    expect(config).toMatchObject({
      authority: "https://idp.example.se/realms/kalmar/",
      clientId: DEFAULT_CONSOLE_CLIENT_ID,
      connectOrigins: ["https://idp.example.se"],
    });
    expect(config.scope.split(" ")).toEqual(
      expect.arrayContaining(["openid", "referrals:read", "hotline:handle"]),
    );
  });

  it("take a token endpoint on another host, and a domain only with its certificate", () => {
    const config = readConsoleConfig(
      node({ consoleConnectOrigins: "https://kalmar.auth.eu-north-1.amazoncognito.com/oauth2/token" }),
      "https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_abc",
    );
    expect(config.connectOrigins).toEqual([
      "https://cognito-idp.eu-north-1.amazonaws.com",
      "https://kalmar.auth.eu-north-1.amazoncognito.com",
    ]);
    expect(() =>
      readConsoleConfig(node({ consoleDomainName: "konsol.kalmar.se" }), OFFLINE_JWT_ISSUER),
    ).toThrow(/go together/);
  });
});
