import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalConsole } from "../../infra/local/console";
import { developmentTokens } from "../../infra/local/tokens";
import { readClaims } from "../src/auth/session";

let server: Server;
let base: string;
beforeAll(async () => {
  const tokens = await developmentTokens({ dir: null });
  const console = await createLocalConsole({ tokens });
  server = createServer((req, res) => {
    void console.handle(req, res, (req.url ?? "/").split("?")[0] ?? "/").then((handled) => {
      if (!handled) {
        res.statusCode = 404;
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const signIn = (form: Record<string, string>) =>
  fetch(`${base}/_local/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });

/** fetch cannot set Host: a DNS-rebound page would send its own name. */
const statusWithHost = (path: string, host: string): Promise<number | undefined> =>
  new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.once("error", reject);
    req.end();
  });

const exchange = (code: string) =>
  fetch(`${base}/_local/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code }),
  });

describe("the console in the local runtime", () => {
  it("serves the app at / with the security headers CloudFront sends in AWS", async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await response.text();
    const script = /src="\/(assets\/main-[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${base}/${script}`);
    expect(asset.headers.get("content-type")).toContain("text/javascript");
    expect(asset.headers.get("cache-control")).toContain("immutable");
  });

  it("names the local sign-in in /config.json", async () => {
    expect(await (await fetch(`${base}/config.json`)).json()).toEqual({
      auth: { kind: "local", signInUrl: "/_local/sign-in", tokenUrl: "/_local/token" },
    });
  });

  it("lists the roles, and mints the chosen one's token behind a one-time code", async () => {
    const page = await (await fetch(`${base}/_local/sign-in`)).text();
    for (const role of [
      "Handläggare i Mottag",
      "Chef för Mottag",
      "Jourhavande",
      "Kriminalvården",
      "Socialstyrelsen",
    ]) {
      expect(page).toContain(role);
    }
    const response = await signIn({ role: "on-call", municipality: "2281", sub: "jour-eva" });
    expect(response.status).toBe(303);
    const code = new URL(response.headers.get("location") ?? "", base).searchParams.get("code") ?? "";
    const token = await exchange(code);
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    expect(readClaims(access_token)).toMatchObject({
      sub: "jour-eva",
      municipality: "2281",
      scopes: ["hotline:handle"],
    });
    expect((await exchange(code)).status).toBe(400);
  });

  it("gives Kriminalvården no municipality, whatever the form says", async () => {
    const response = await signIn({ role: "kriminalvarden", municipality: "0880" });
    const code = new URL(response.headers.get("location") ?? "", base).searchParams.get("code") ?? "";
    const { access_token } = (await (await exchange(code)).json()) as { access_token: string };
    expect(readClaims(access_token).municipality).toBeUndefined();
  });

  it("answers a bad form with the page again, the error beside the field", async () => {
    const response = await signIn({ role: "intake-staff", municipality: "9999", sub: "x y" });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('id="municipality-error"');
    expect(page).toContain('id="sub-error"');
  });

  it("does not answer a host name other than loopback", async () => {
    expect(await statusWithHost("/_local/sign-in", "evil.example")).toBe(403);
    expect(await statusWithHost("/_local/sign-in", "localhost:3000")).toBe(200);
  });
});
