/**
 * cdk-nag acknowledgements for the console's site, each with its reason, on the narrowest construct
 * that carries the finding (see infra/nag.ts for the project's others).
 */
import { type CfnElement, Stack, Validations } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

const acknowledge = (scope: IConstruct, id: string, reason: string): void => {
  Validations.of(scope).acknowledge({ id, reason });
};

export interface ConsoleSiteFindings {
  readonly site: IConstruct;
  readonly distribution: IConstruct;
  /** The bucket of the console's files. */
  readonly files: IConstruct;
  /** With a custom domain and certificate the distribution enforces TLS 1.2, so CFR4 does not arise. */
  readonly customDomain: boolean;
  readonly webAcl: boolean;
}

export const acknowledgeConsoleSite = (findings: ConsoleSiteFindings): void => {
  const { distribution } = findings;
  acknowledge(
    distribution,
    "AwsSolutions-CFR1",
    "No geo restriction: on-call social workers must reach the console wherever they are when on call; " +
      "every page needs a sign-in and every /v1 request a token the API verifies.",
  );
  if (!findings.webAcl) {
    acknowledge(
      distribution,
      "AwsSolutions-CFR2",
      "A web ACL is optional (context consoleWebAclArn; CloudFront's must live in us-east-1): the static " +
        "files are public by nature, and /v1 is behind API Gateway's throttling and JWT authorizer.",
    );
  }
  if (!findings.customDomain) {
    acknowledge(
      distribution,
      "AwsSolutions-CFR4",
      "The default *.cloudfront.net certificate cannot be limited to TLS 1.2; set consoleDomainName and " +
        "consoleCertificateArn to serve the console on a custom domain with TLSv1.2_2021.",
    );
  }

  // BucketDeployment's one handler per stack, which copies the built files into the bucket.
  const stack = Stack.of(findings.site);
  const filesId = stack.getLogicalId(findings.files.node.defaultChild as CfnElement);
  // The CDK bootstrap's assets bucket, with its default qualifier, in the stack's region.
  const assetsBucket = `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*`;
  for (const handler of stack.node.children.filter((c) =>
    c.node.id.startsWith("Custom::CDKBucketDeployment"),
  )) {
    acknowledge(
      handler,
      "AwsSolutions-L1",
      "aws-cdk-lib's BucketDeployment pins its handler's runtime (with the AWS CLI layer it needs); it runs " +
        "only during deployment and is upgraded with aws-cdk-lib.",
    );
    const role = handler.node.tryFindChild("ServiceRole");
    if (!role) continue;
    acknowledge(
      role,
      "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
      "BucketDeployment's deployment-time handler writes its own logs with the basic execution role aws-cdk-lib attaches.",
    );
    const policy = role.node.tryFindChild("DefaultPolicy");
    if (!policy) continue;
    const wildcards: [string, string][] = [
      ["Action::s3:GetObject*", "reads the staged build from the CDK assets bucket"],
      ["Action::s3:GetBucket*", "reads the buckets' settings while copying"],
      ["Action::s3:List*", "lists what is in the console's bucket before writing"],
      ["Action::s3:DeleteObject*", "may replace the console's files"],
      ["Action::s3:Abort*", "may abort a multipart upload of a large file"],
      [
        `Resource::${assetsBucket}`,
        "reads the staged build, whose key is a content hash known only at deployment",
      ],
      [`Resource::<${filesId}.Arn>/*`, "writes every file of the console, only in its own bucket"],
      [
        "Resource::*",
        "creates the CloudFront invalidation of index.html and config.json after a deployment; aws-cdk-lib grants it on *",
      ],
    ];
    for (const [finding, why] of wildcards) {
      acknowledge(policy, `AwsSolutions-IAM5[${finding}]`, `aws-cdk-lib's BucketDeployment handler ${why}.`);
    }
  }
};
