/**
 * Only the function that mails tasks bundles Amazon SES and the mail configuration's schemas
 * (services/intake/deps-mailing.ts): SES's client and SendEmail command are some 60 KiB that every
 * other intake function would compile on each cold start and never use. Bundled as the CDK bundles
 * them (the same esbuild options), nothing written.
 */
import { join } from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { PROJECT_BUNDLING } from "../../../infra/constructs/bundling";
import { REPO_ROOT } from "../../../infra/local/paths";
import { intakeService } from "../../../services/intake/service";

describe("Amazon SES in intake's bundles", () => {
  it("is in the function that sends task mail, and in no other", async () => {
    const functions = intakeService.functions;
    const result = await esbuild.build({
      entryPoints: Object.fromEntries(functions.map((f) => [f.id, join(REPO_ROOT, f.entry)])),
      outdir: "/bundles",
      write: false,
      absWorkingDir: REPO_ROOT,
      bundle: true,
      platform: "node",
      target: PROJECT_BUNDLING.target,
      format: "esm",
      mainFields: [...PROJECT_BUNDLING.mainFields],
      logLevel: "silent",
      metafile: true,
    });
    const withSes = Object.entries(result.metafile.outputs)
      .filter(([, output]) =>
        Object.keys(output.inputs).some((input) => input.includes("@aws-sdk/client-sesv2/")),
      )
      .map(([file]) => /([^/]+)\.js$/.exec(file)?.[1]);
    expect(functions.filter((f) => f.sendsMail).map((f) => f.id)).toEqual(["intake-consumer"]);
    expect(withSes).toEqual(["intake-consumer"]);
  }, 60_000);
});
