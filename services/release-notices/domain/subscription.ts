import { type Decision, fail, invalid, ok } from "../../../shared/domain/errors";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export const isLoopback = (url: URL): boolean => LOOPBACK_HOSTS.has(url.hostname);

/**
 * Where deliveries may go: https anywhere; plain http only to this machine, and only where the
 * service itself runs on this machine (the local runtime), so that nothing leaves it in clear.
 */
export const decideReceiverUrl = (
  url: string,
  options: { readonly allowLoopbackHttp: boolean },
): Decision<URL> => {
  const parsed = new URL(url);
  if (parsed.protocol === "https:") return ok(parsed);
  if (parsed.protocol === "http:" && options.allowLoopbackHttp && isLoopback(parsed)) return ok(parsed);
  return fail(
    invalid("The receiver's URL is not allowed", [
      {
        path: "url",
        message: options.allowLoopbackHttp ? "must be https, or http to a loopback address" : "must be https",
      },
    ]),
  );
};
