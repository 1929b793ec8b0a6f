import { Stack } from "aws-cdk-lib";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { IKey } from "aws-cdk-lib/aws-kms";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { TASK_MAIL_ENV } from "../../services/intake/mail/config";
import { subscribersOf } from "../../shared/events/subscriptions";
import { AUDIT_TABLE_ENV, auditPartitionPrefix, ENV, type ServiceName } from "../../shared/resources";
import type { ServiceDefinition } from "../../shared/service";
import type { TaskMailDeployment } from "../config";
import type { AuditTable, ServiceTable, StatefulResources } from "../stateful-stack";
import type { ProjectFunction } from "./project-function";

/**
 * Each helper grants a function one resource and sets the environment variable that names it, in
 * one step, so a function never has a permission it cannot find or a name it may not use.
 * The statements are written out rather than taken from the L2 `grant*` methods, which add Scan
 * and wildcard KMS actions this project has no use for.
 */

/** Every item operation the services use, transactions included (they authorise per item); no Scan. */
const TABLE_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:ConditionCheckItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
];

export const bindTable = (fn: ProjectFunction, { table, definition }: ServiceTable): void => {
  fn.function.addToRolePolicy(
    new PolicyStatement({
      actions: TABLE_ACTIONS,
      resources: [
        table.tableArn,
        ...definition.indexes.map((index) => `${table.tableArn}/index/${index.name}`),
      ],
    }),
  );
  if (table.encryptionKey) {
    allowKeyUseVia(fn, table.encryptionKey, "dynamodb", [
      "kms:Decrypt",
      "kms:Encrypt",
      "kms:GenerateDataKey",
    ]);
  }
  fn.addEnvironment(ENV.tableName, table.tableName);
};

/**
 * The shared settings table (shared/settings): every function may read the settings in force; only
 * a function that changes them (intake's settings PUT) may also put. Changes are appended, never
 * updated or deleted.
 */
export const bindSettings = (fn: ProjectFunction, table: ITableV2, access: "read" | "write"): void => {
  fn.function.addToRolePolicy(
    new PolicyStatement({
      actions: [
        "dynamodb:GetItem",
        "dynamodb:Query",
        ...(access === "write" ? ["dynamodb:PutItem", "dynamodb:ConditionCheckItem"] : []),
      ],
      resources: [table.tableArn],
    }),
  );
  if (table.encryptionKey) {
    allowKeyUseVia(
      fn,
      table.encryptionKey,
      "dynamodb",
      access === "write" ? ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"],
    );
  }
  fn.addEnvironment(ENV.settingsTableName, table.tableName);
};

/**
 * What a function may do on the audit table: add a row (PutItem, alone or inside a transaction;
 * the stores condition it on attribute_not_exists) and read rows (GetItem, Query), only under its
 * own service's partition-key prefix. No UpdateItem, DeleteItem or BatchWriteItem (which would
 * allow deletes): a service can never edit or remove the trail of what it did.
 */
export const AUDIT_TABLE_ACTIONS = ["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query"];

export const bindAuditTable = (fn: ProjectFunction, service: ServiceName, { table }: AuditTable): void => {
  fn.function.addToRolePolicy(
    new PolicyStatement({
      actions: AUDIT_TABLE_ACTIONS,
      resources: [table.tableArn],
      conditions: {
        "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [`${auditPartitionPrefix(service)}*`] },
      },
    }),
  );
  if (table.encryptionKey) {
    allowKeyUseVia(fn, table.encryptionKey, "dynamodb", [
      "kms:Decrypt",
      "kms:Encrypt",
      "kms:GenerateDataKey",
    ]);
  }
  fn.addEnvironment(AUDIT_TABLE_ENV, table.tableName);
};

/** The consuming services whose queues receive what `service` publishes (shared/events/subscriptions). */
export const publishTargets = (service: ServiceDefinition): ServiceName[] =>
  [...new Set(service.publishes.flatMap((type) => subscribersOf(type)))].sort();

export const bindPublisher = (
  fn: ProjectFunction,
  service: ServiceDefinition,
  stateful: StatefulResources,
): void => {
  for (const target of publishTargets(service)) {
    const { queue } = stateful.queue(target);
    fn.function.addToRolePolicy(
      new PolicyStatement({ actions: ["sqs:SendMessage"], resources: [queue.queueArn] }),
    );
    if (queue.encryptionMasterKey) {
      allowKeyUseVia(fn, queue.encryptionMasterKey, "sqs", ["kms:Decrypt", "kms:GenerateDataKey"]);
    }
    fn.addEnvironment(ENV.queueUrl(target), queue.queueUrl);
  }
};

/**
 * Read access to a secret (and its key, through Secrets Manager only) plus the variable naming it.
 * Not `secret.grantRead`: with the key in the other stack, it writes the function's role into the
 * key policy, and the stateful stack would depend on the stateless one.
 */
export const bindSecret = (fn: ProjectFunction, secret: ISecret, envName: string): void => {
  fn.function.addToRolePolicy(
    new PolicyStatement({ actions: ["secretsmanager:GetSecretValue"], resources: [secret.secretArn] }),
  );
  if (secret.encryptionKey) allowKeyUseVia(fn, secret.encryptionKey, "secretsmanager", ["kms:Decrypt"]);
  fn.addEnvironment(envName, secret.secretArn);
};

export const bindIdentityKeys = (fn: ProjectFunction, secret: ISecret): void =>
  bindSecret(fn, secret, ENV.identityKeysSecretArn);

/**
 * SES SendEmail from the one sender, through its verified identity (the address, or its
 * domain), and the variables that configure the task mail (services/intake/mail/config.ts).
 */
export const bindTaskMail = (fn: ProjectFunction, mail: TaskMailDeployment): void => {
  const stack = Stack.of(fn);
  const domain = mail.from.slice(mail.from.lastIndexOf("@") + 1);
  const identity = (name: string) =>
    `arn:${stack.partition}:ses:${stack.region}:${stack.account}:identity/${name}`;
  fn.function.addToRolePolicy(
    new PolicyStatement({
      actions: ["ses:SendEmail"],
      resources: [identity(mail.from), identity(domain)],
      conditions: { StringEquals: { "ses:FromAddress": mail.from } },
    }),
  );
  fn.addEnvironment(TASK_MAIL_ENV.from, mail.from);
  fn.addEnvironment(TASK_MAIL_ENV.consoleUrl, mail.consoleUrl);
  fn.addEnvironment(TASK_MAIL_ENV.directory, mail.directory);
};

const keyGrants = new WeakMap<ProjectFunction, Set<string>>();

/**
 * The data key only through the AWS service that encrypts with it: the function can read its table
 * and queues but cannot call KMS on the key directly to decrypt anything else.
 */
const allowKeyUseVia = (
  fn: ProjectFunction,
  key: IKey,
  awsService: string,
  actions: readonly string[],
): void => {
  const granted = keyGrants.get(fn) ?? new Set<string>();
  keyGrants.set(fn, granted);
  const fresh = actions.filter((action) => !granted.has(`${key.node.addr}/${awsService}/${action}`));
  if (fresh.length === 0) return;
  for (const action of fresh) granted.add(`${key.node.addr}/${awsService}/${action}`);
  const stack = Stack.of(fn);
  fn.function.addToRolePolicy(
    new PolicyStatement({
      actions: fresh,
      resources: [key.keyArn],
      conditions: { StringEquals: { "kms:ViaService": `${awsService}.${stack.region}.${stack.urlSuffix}` } },
    }),
  );
};
