import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Duration, Fn, RemovalPolicy, Stack } from "aws-cdk-lib";
import type { IHttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import type { ICertificate } from "aws-cdk-lib/aws-certificatemanager";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, CacheControl, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { buildConsoleSync, type ConsoleBuild } from "../../console/build";
import { contentSecurityPolicy, HSTS_MAX_AGE_SECONDS } from "../../console/security-headers";
import { acknowledgeConsoleSite } from "./console-nag";

export interface ConsoleOidcSettings {
  /** The issuer the API's JWT authorizer trusts; its discovery document names the endpoints. */
  readonly authority: string;
  readonly clientId: string;
  readonly scope: string;
}

export interface ConsoleSiteProps {
  /** The HTTP API that answers /v1/* on the console's origin. */
  readonly api: IHttpApi;
  readonly oidc: ConsoleOidcSettings;
  /** Origins the console fetches from besides its own: the identity provider's token endpoint. */
  readonly connectOrigins: readonly string[];
  /** A custom domain and its certificate (in us-east-1), for TLS 1.2 at the least. */
  readonly domain?: { readonly name: string; readonly certificate: ICertificate };
  /** A WAF web ACL (scope CLOUDFRONT, in us-east-1) to put in front. */
  readonly webAclArn?: string;
}

/** Where the build goes for S3: hashed assets apart, so they can be cached for good. */
const stageBuild = (
  built: ConsoleBuild,
): { readonly root: string; readonly assets: string; readonly pages: string } => {
  const root = mkdtempSync(join(tmpdir(), "ny-riktning-console-site-"));
  const assets = join(root, "assets");
  const pages = join(root, "pages");
  for (const [path, file] of built.files) {
    const target = path.startsWith("assets/")
      ? join(assets, path.slice("assets/".length))
      : join(pages, path);
    mkdirSync(join(target, ".."), { recursive: true });
    writeFileSync(target, file.contents);
  }
  mkdirSync(assets, { recursive: true });
  return { root, assets, pages };
};

/** An empty console for syntheses that skip bundling (tests): the construct, not the app, is under test. */
const placeholderBuild = (): ConsoleBuild => ({
  files: new Map([
    ["index.html", { contents: new Uint8Array(), contentType: "text/html", immutable: false }],
  ]),
  initialScripts: [],
});

/**
 * The staff console in AWS: its files in a private bucket, CloudFront in front (origin access
 * control, HTTPS only, the console's Content-Security-Policy, HSTS, never framed), and `/v1/*`
 * passed to the HTTP API uncached, so the console and the API share one origin and need no CORS.
 */
export class ConsoleSite extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);
    const stack = Stack.of(this);

    const logs = new Bucket(this, "Logs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with an ACL.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new Bucket(this, "Files", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: "s3/",
      // Only built files: the next deployment writes them again.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const headers = (id: string, csp: string) =>
      new ResponseHeadersPolicy(this, id, {
        comment: "Ny riktning console: HSTS, CSP, no framing, no sniffing, no referrer",
        securityHeadersBehavior: {
          contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
          strictTransportSecurity: {
            accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
            includeSubdomains: true,
            override: true,
          },
          contentTypeOptions: { override: true },
          frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
          referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        },
      });
    const consoleHeaders = headers("ConsoleHeaders", contentSecurityPolicy(props.connectOrigins));
    // The API answers JSON: nothing in it may run, load or be framed.
    const apiHeaders = headers("ApiHeaders", "default-src 'none'; frame-ancestors 'none'");

    const apiDomain = Fn.select(2, Fn.split("/", props.api.apiEndpoint));
    this.distribution = new Distribution(this, "Distribution", {
      comment: "Ny riktning staff console and API",
      defaultRootObject: "index.html",
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: "cloudfront/",
      // The default *.cloudfront.net certificate's policy is fixed; a custom one can require TLS 1.2.
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: props.domain.certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: consoleHeaders,
        compress: true,
      },
      additionalBehaviors: {
        "/v1/*": {
          origin: new HttpOrigin(apiDomain, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Uncached, every viewer header but Host (API Gateway routes on its own) reaches the API,
          // Authorization included.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiHeaders,
        },
      },
    });

    const built = stack.bundlingRequired ? buildConsoleSync() : placeholderBuild();
    const staged = stageBuild(built);
    const assets = new BucketDeployment(this, "Assets", {
      sources: [Source.asset(staged.assets)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: "assets/",
      // Named by content hash; a page still open in a browser may ask for the previous ones.
      prune: false,
      cacheControl: [CacheControl.fromString("public, max-age=31536000, immutable")],
    });
    const pages = new BucketDeployment(this, "Pages", {
      sources: [
        Source.asset(staged.pages),
        Source.jsonData("config.json", {
          auth: {
            kind: "oidc",
            authority: props.oidc.authority,
            clientId: props.oidc.clientId,
            scope: props.oidc.scope,
          },
        }),
      ],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ["/index.html", "/config.json", "/"],
    });
    // index.html names the new assets: they must be there first.
    pages.node.addDependency(assets);
    // The assets are staged into the cloud assembly as they are created; the build is not needed after.
    rmSync(staged.root, { recursive: true, force: true });

    acknowledgeConsoleSite({
      site: this,
      distribution: this.distribution,
      files: this.bucket,
      customDomain: props.domain !== undefined,
      webAcl: props.webAclArn !== undefined,
    });
  }
}
