/**
 * Only the function that mails tasks bundles Amazon SES and the mail configuration's schemas
 * (services/intake/deps-mailing.ts): SES's client and SendEmail command are some 25 KiB that every
 * other intake function would compile on each cold start and never use. Bundled as the CDK bundles
 * them (test/support/bundles.ts), nothing written.
 */
import { describe, expect, it } from "vitest";
import { intakeService } from "../../../services/intake/service";
import { bundledInputs, bundling } from "../../support/bundles";

describe("Amazon SES in intake's bundles", () => {
  it("is in the function that sends task mail, and in no other", async () => {
    const functions = intakeService.functions;
    const inputs = await bundledInputs(functions);
    expect(inputs.size).toBe(functions.length);
    expect(functions.filter((f) => f.sendsMail).map((f) => f.id)).toEqual(["intake-consumer"]);
    expect(bundling(inputs, "@aws-sdk/client-ses/")).toEqual(["intake-consumer"]);
  }, 60_000);
});
