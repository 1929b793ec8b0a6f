import { describe, expect, it } from "vitest";
import { developmentTokens } from "../../infra/local/tokens";
import { fieldMessage, problemMessage, problemsFor, toProblem } from "../src/api/problem";
import { capabilitiesOf, homePath } from "../src/auth/roles";
import { readClaims } from "../src/auth/session";

describe("the signed-in user", () => {
  it("is read from the access token's claims: subject, municipality and scopes", async () => {
    const tokens = await developmentTokens({ dir: null });
    const token = await tokens.signToken({
      scope: "referrals:read audit:read",
      municipality: "0880",
      sub: "cw-1",
    });
    const claims = readClaims(token);
    expect(claims).toMatchObject({
      sub: "cw-1",
      municipality: "0880",
      scopes: ["referrals:read", "audit:read"],
    });
    expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
  });

  it("lands where their role works first, and sees no municipal page without a municipality", () => {
    const claims = (scopes: string[], municipality?: string) => ({
      sub: "x",
      municipality,
      scopes,
      exp: undefined,
    });
    expect(homePath(capabilitiesOf(claims(["referrals:read"], "0880")))).toBe("/arbetslista");
    expect(homePath(capabilitiesOf(claims(["hotline:handle"], "0880")))).toBe("/jour");
    expect(homePath(capabilitiesOf(claims(["hotline:admin"], "0880")))).toBe("/jour/schema");
    expect(homePath(capabilitiesOf(claims(["release-notices:read"], "0880")))).toBe("/frigivningar");
    expect(homePath(capabilitiesOf(claims(["reports:read"])))).toBe("/rapporter");
    expect(homePath(capabilitiesOf(claims(["release-notices:write"])))).toBe("/underrattelser");
    expect(homePath(capabilitiesOf(claims([])))).toBe("/ingen-behorighet");
    expect(capabilitiesOf(claims(["release-notices:read"])).releaseNotices).toBe(false);
    expect(capabilitiesOf(claims(["referrals:read"])).intake).toBe(false);
  });
});

describe("a problem from the API, in words", () => {
  it("says a known problem type in Swedish before the status's general words", () => {
    const problem = toProblem(409, {
      type: "https://ny-riktning.se/problems/steps-pending",
      title: "Conflict",
      status: 409,
      errors: [{ path: "steps.decision", message: "is pending" }],
    });
    expect(problem.code).toBe("steps-pending");
    expect(problemMessage(problem)).toMatch(/^Alla steg måste vara gjorda/);
    expect(problemsFor(problem, "steps.decision").map(fieldMessage)).toEqual(["är inte gjort"]);
  });

  it("falls back to the status, and reads API Gateway's own body too", () => {
    expect(problemMessage(toProblem(403, { message: "Forbidden" }))).toBe(
      "Du har inte behörighet att göra detta.",
    );
    expect(problemMessage(toProblem(418, undefined))).toBe("Servern svarade med ett fel (418).");
  });

  it("ties a body field's error to its form field", () => {
    const problem = toProblem(400, { errors: [{ path: "reason", message: "is required" }] });
    expect(problemsFor(problem, "reason").map(fieldMessage)).toEqual(["måste fyllas i"]);
    expect(problemsFor(problem, "note")).toEqual([]);
  });
});

describe("a field's rule, in words", () => {
  it("says the API's common rules in Swedish and any other as invalid", () => {
    const say = (message: string) => fieldMessage({ path: "x", message });
    expect(say("must be at most 200")).toBe("får vara högst 200");
    expect(say("must be at most 500 characters long")).toBe("får vara högst 500 tecken");
    expect(say("must be at least 1 character long")).toBe("måste fyllas i");
    expect(say("must be an integer")).toBe("måste vara ett heltal");
    expect(say("is not a valid personnummer or samordningsnummer")).toMatch(
      /^är inte ett giltigt personnummer/,
    );
    expect(say("is not a known field")).toBe("har ett ogiltigt värde");
  });
});
