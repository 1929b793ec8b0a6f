import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeJwt } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../infra/local/paths";
import { developmentTokens, LOCAL_AUDIENCE, LOCAL_ISSUER } from "../../../infra/local/tokens";

const dir = mkdtempSync(join(tmpdir(), "ny-riktning-tokens-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("development tokens", () => {
  it("signs tokens that verify, with the scopes and municipality asked for", async () => {
    const tokens = await developmentTokens({ dir: null });
    const token = await tokens.signToken({
      scope: "release-notices:read release-notices:manage",
      municipality: "0880",
    });
    const verified = await tokens.verifyToken(token);
    expect(verified.scopes).toEqual(["release-notices:read", "release-notices:manage"]);
    expect(verified.claims).toMatchObject({ iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, municipality: "0880" });
    expect((verified.claims.exp ?? 0) - (verified.claims.iat ?? 0)).toBe(8 * 3600);
  });

  it("refuses a municipality that is not a kommunkod and a token without scopes", async () => {
    const tokens = await developmentTokens({ dir: null });
    await expect(tokens.signToken({ scope: "x", municipality: "880" })).rejects.toThrow(/kommunkod/);
    await expect(tokens.signToken({ scope: "  " })).rejects.toThrow(/scope/);
  });

  it("keeps its key in the data folder, so tokens survive a restart", async () => {
    const before = await developmentTokens({ dir });
    const token = await before.signToken({ scope: "release-notices:write national" });
    const after = await developmentTokens({ dir });
    await expect(after.verifyToken(token)).resolves.toBeDefined();
    expect(statSync(join(dir, "jwt-signing-key.json")).mode & 0o777).toBe(0o600);
  });
});

describe("npm run token", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "infra/local/token.ts", ...args], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });

  it("prints the JWT and nothing else", () => {
    const result = run(
      "--scope",
      "release-notices:read release-notices:manage",
      "--municipality",
      "0880",
      "--sub",
      "anna",
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(decodeJwt(result.stdout.trim())).toMatchObject({
      scope: "release-notices:read release-notices:manage",
      municipality: "0880",
      sub: "anna",
    });
  });

  it("refuses a bad municipality and a missing scope on stderr, with exit code 2", () => {
    for (const args of [
      ["--scope", "x", "--municipality", "Kalmar"],
      ["--municipality", "0880"],
      ["--bogus"],
    ]) {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("Usage");
    }
  });
});
