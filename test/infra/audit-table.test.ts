/** The audit table: apart from the data, with its own TTL, and append-only for every function. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_TABLE_ACTIONS } from "../../infra/constructs/bind";
import { SERVICE_DEFINITIONS } from "../../infra/services";
import { AUDIT_TABLE, AUDIT_TABLE_ENV, SERVICES } from "../../shared/resources";
import { resourcesOf, type Synthesised, synthesise } from "./synth";

let s: Synthesised;
beforeAll(() => {
  s = synthesise();
}, 120_000);
afterAll(() => s.cleanup());

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

const statements = (): Statement[] =>
  Object.values(resourcesOf(s.stateless, "AWS::IAM::Policy")).flatMap(
    (policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
  );

/** Whether a statement's resources name the audit table (a cross-stack reference to its ARN). */
const onAuditTable = (statement: Statement): boolean =>
  JSON.stringify(statement.Resource).includes(AUDIT_TABLE.logicalId);

const allFunctionCount = SERVICE_DEFINITIONS.reduce((n, service) => n + service.functions.length, 0);

describe("the audit table", () => {
  it("is one table in the stateful stack with its own TTL, PITR, deletion protection, the CMK, kept on delete", () => {
    const table = resourcesOf(s.stateful, "AWS::DynamoDB::GlobalTable")[AUDIT_TABLE.logicalId];
    expect(table?.DeletionPolicy).toBe("Retain");
    expect(table?.UpdateReplacePolicy).toBe("Retain");
    expect(table?.Properties).toMatchObject({
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      TimeToLiveSpecification: { AttributeName: AUDIT_TABLE.ttlAttribute, Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: "KMS" },
      Replicas: [
        expect.objectContaining({
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    });
    expect(table?.Properties.GlobalSecondaryIndexes).toBeUndefined();
  });

  it("is named to every function", () => {
    const functions = Object.values(resourcesOf(s.stateless, "AWS::Lambda::Function")).filter(
      (fn) => (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables,
    );
    const named = functions.filter(
      (fn) =>
        (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables[AUDIT_TABLE_ENV],
    );
    expect(named.length).toBe(allFunctionCount);
  });

  it("lets each function only put and read rows, under its own service's prefix: no update, delete or batch write", () => {
    const audit = statements().filter(onAuditTable);
    expect(audit).toHaveLength(allFunctionCount);
    for (const statement of audit) {
      expect(statement.Effect).toBe("Allow");
      expect([statement.Action].flat().sort()).toEqual([...AUDIT_TABLE_ACTIONS].sort());
      for (const forbidden of ["dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"])
        expect([statement.Action].flat()).not.toContain(forbidden);
      const leading = statement.Condition?.["ForAllValues:StringLike"]?.["dynamodb:LeadingKeys"];
      expect(SERVICES.map((service) => [`${service}#*`])).toContainEqual([leading].flat());
    }
  });

  it("is reached through no other statement (the data tables' grants name only their own table)", () => {
    const mentions = statements().filter((statement) =>
      JSON.stringify(statement).includes(AUDIT_TABLE.logicalId),
    );
    expect(mentions.every(onAuditTable)).toBe(true);
    expect(mentions.every((st) => [st.Action].flat().every((a) => AUDIT_TABLE_ACTIONS.includes(a)))).toBe(
      true,
    );
  });
});
