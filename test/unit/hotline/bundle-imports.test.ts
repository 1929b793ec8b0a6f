/**
 * What each hotline function bundles of the service's schemas. A module a bundle holds runs all its
 * top-level schema calls as the function loads (esbuild cannot drop them), and building schemas is
 * most of what a function's load adds to the floor's (issue 15): a caller hears silence while a
 * webhook loads. So no function bundles the route table or the whole contract, and the webhooks
 * bundle none of the staff API's schemas nor the audit trail's reading. Bundled as the CDK bundles
 * them (test/support/bundles.ts), nothing written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { hotlineService } from "../../../services/hotline/service";
import { bundledInputs, bundling as bundlingIn } from "../../support/bundles";

const WEBHOOKS = ["hotline-incoming", "hotline-next", "hotline-hangup"];
const STAFF_CONTRACT = [
  "contract-gaps.ts",
  "contract-on-call.ts",
  "contract-schedule.ts",
  "contract-schedule-body.ts",
  "contract-step.ts",
  "contract-triage.ts",
  "contract-triage-list.ts",
];

/** Each function's bundled source files, relative to the repository. */
let inputsOf: Map<string, string[]>;

beforeAll(async () => {
  inputsOf = await bundledInputs(hotlineService.functions);
}, 60_000);

const bundling = (path: string): string[] => bundlingIn(inputsOf, path);

describe("the hotline's bundles", () => {
  it("bundle all fifteen functions", () => {
    expect(inputsOf.size).toBe(hotlineService.functions.length);
  });

  it("hold neither the route table nor the whole contract: each handler imports its own route", () => {
    for (const path of ["service.ts", "contract.ts", "routes/telephony.ts"]) {
      expect(bundling(`services/hotline/${path}`)).toEqual([]);
    }
  });

  it("give the webhooks none of the staff API's schemas nor the audit trail's reading", () => {
    for (const id of WEBHOOKS) {
      const inputs = inputsOf.get(id) ?? [];
      expect(inputs.filter((i) => STAFF_CONTRACT.some((c) => i === `services/hotline/${c}`))).toEqual([]);
      expect(inputs).not.toContain("shared/audit-read.ts");
    }
  });
});
