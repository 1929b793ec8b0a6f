/**
 * Task mail in AWS: with a sender in context, intake's queue consumer (which sends the mail) may
 * call SES SendEmail from that sender only, through its verified identity, and is told the
 * sender, the console's address and the directory; no other function may send mail, and cdk-nag
 * finds nothing more than without it. Without a sender nothing may send.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TASK_MAIL_ENV } from "../../services/intake/mail/config";
import { intakeService } from "../../services/intake/service";
import { releaseNoticesService } from "../../services/release-notices/service";
import {
  type CfnJson,
  logicalId,
  overlyBroadStatements,
  resourcesOf,
  type Synthesised,
  synthesise,
} from "./synth";

// Two services are enough to show that only the sender sends, and keep the synth small and quick.
const services = [intakeService, releaseNoticesService];
const DIRECTORY = JSON.stringify({ "0880": { inbox: "{unit}@kalmar.se", caseworker: "{id}@kalmar.se" } });

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

const statementsOf = (policy: CfnJson): Statement[] =>
  (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;

const sendsMail = (s: Synthesised) =>
  Object.entries(resourcesOf(s.stateless, "AWS::IAM::Policy")).filter(([, p]) =>
    statementsOf(p).some((st) => [st.Action].flat().includes("ses:SendEmail")),
  );

describe("task mail deployed", () => {
  let s: Synthesised;
  beforeAll(() => {
    s = synthesise({
      services,
      context: {
        taskMailFrom: "uppgifter@kalmar.se",
        consoleUrl: "https://konsol.kalmar.se/",
        taskMailDirectory: DIRECTORY,
      },
    });
  }, 180_000);
  afterAll(() => s?.cleanup());

  it("lets intake's consumer alone send, from the one sender, through its address or domain identity", () => {
    const consumer = s.built.services.get("intake")?.functions.get("intake-consumer");
    if (!consumer) throw new Error("no intake consumer");
    const role = logicalId(consumer.function.role as unknown as Parameters<typeof logicalId>[0]);
    const senders = sendsMail(s);
    expect(senders).toHaveLength(1);
    expect(JSON.stringify(senders[0]?.[1].Properties.Roles)).toContain(`"${role}"`);
    const statement = statementsOf(senders[0]?.[1] as CfnJson).find((st) =>
      [st.Action].flat().includes("ses:SendEmail"),
    );
    expect([statement?.Action].flat()).toEqual(["ses:SendEmail"]);
    expect(JSON.stringify(statement?.Resource)).toContain(":identity/uppgifter@kalmar.se");
    expect(JSON.stringify(statement?.Resource)).toContain(":identity/kalmar.se");
    expect(statement?.Condition).toEqual({ StringEquals: { "ses:FromAddress": "uppgifter@kalmar.se" } });
    expect(overlyBroadStatements(s.stateless)).toEqual([]);

    const fn = resourcesOf(s.stateless, "AWS::Lambda::Function")[logicalId(consumer.function)];
    if (!fn) throw new Error("no consumer function resource");
    const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables[TASK_MAIL_ENV.from]).toBe("uppgifter@kalmar.se");
    expect(variables[TASK_MAIL_ENV.consoleUrl]).toBe("https://konsol.kalmar.se");
    expect(variables[TASK_MAIL_ENV.directory]).toBe(DIRECTORY);
  });

  it("leaves cdk-nag clean", () => {
    expect(s.findings).toEqual([]);
  });
});

describe("task mail not configured", () => {
  it("grants no function SendEmail, and a sender without the console's address fails the synth", () => {
    const s = synthesise({ services });
    try {
      expect(sendsMail(s)).toEqual([]);
    } finally {
      s.cleanup();
    }
    expect(() => synthesise({ services, context: { taskMailFrom: "uppgifter@kalmar.se" } })).toThrow(
      /consoleUrl/,
    );
  }, 180_000);
});
