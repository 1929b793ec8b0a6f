/**
 * What the console needs to know about where it runs, read from /config.json at start: the local
 * runtime serves one naming its own sign-in page; in AWS the CDK construct writes one naming the
 * identity provider. The bundle is the same in both.
 */
import * as z from "zod/mini";

const configSchema = z.object({
  auth: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("local"), signInUrl: z.string(), tokenUrl: z.string() }),
    z.object({
      kind: z.literal("oidc"),
      authority: z.string(),
      clientId: z.string(),
      scope: z.string(),
    }),
  ]),
});

export type ConsoleConfig = z.infer<typeof configSchema>;
export type AuthConfig = ConsoleConfig["auth"];

export const loadConfig = async (): Promise<ConsoleConfig> => {
  const response = await fetch("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return configSchema.parse(await response.json());
};
