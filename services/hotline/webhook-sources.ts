import { BlockList, SocketAddress } from "node:net";
import { WEBHOOK_SOURCES_ENV } from "../../shared/service";

/**
 * Where the telephony webhooks may come from: the provider's servers. Checked in the handler
 * against the address API Gateway saw the request come from (requestContext.http.sourceIp, the
 * TCP peer, not a header a client can set), before the credentials, so a stranger's request costs
 * a few microseconds and reaches neither the secret nor the table.
 *
 * TELEPHONY_WEBHOOK_SOURCES: comma-separated addresses and CIDR ranges (IPv4 and IPv6); `*` allows
 * any address (only for a provider that publishes no ranges; the credentials then stand alone).
 * Unset: 46elks's published servers. In AWS the CDK context `telephonySourceAddresses` sets it.
 * Loopback is always allowed: API Gateway never reports it, and the local runtime always does.
 */

/**
 * 46elks's API and webhook servers as published at https://46elks.se/docs/ip-addresses (three
 * IPv4 addresses and one IPv6 address when this was written; 46elks e-mails customers before they
 * change). Check the page when deploying, and set `telephonySourceAddresses` if it differs.
 */
export const ELKS46_SOURCES = [
  "176.10.154.199",
  "85.24.146.132",
  "185.39.146.243",
  "2001:9b0:2:902::199",
] as const;

const LOOPBACK = ["127.0.0.0/8", "::1/128"];

export interface SourceAllowList {
  /** Whether a request from this address may be a provider's webhook. */
  allows(sourceIp: string | undefined): boolean;
}

type Family = "ipv4" | "ipv6";

/**
 * The address parsed by Node's own C++ (libuv's inet_pton), or undefined: not an IP address. Not
 * `net.isIP`: its IPv6 pattern is compiled on first use, 4-6 ms of CPU here, and the first webhook
 * of a new container, a caller waiting in silence, was what used it first.
 */
const parsed = (address: string): { address: SocketAddress; family: Family } | undefined => {
  const family: Family = address.includes(":") ? "ipv6" : "ipv4";
  try {
    return { address: new SocketAddress({ address, family }), family };
  } catch {
    return undefined;
  }
};

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`, as Node reports dual-stack peers) as IPv4. */
const unmapped = (address: string): string => {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
};

/** An allow-list of addresses and CIDR ranges; throws, naming the entry, on one that is neither. */
export const sourceAllowList = (entries: readonly string[]): SourceAllowList => {
  const list = new BlockList();
  for (const raw of [...entries, ...LOOPBACK]) {
    const entry = raw.trim();
    const [address = "", prefix] = entry.split("/");
    const network = parsed(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = network?.family === "ipv4" ? 32 : 128;
    if (!network || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))) {
      throw new Error(`${WEBHOOK_SOURCES_ENV}: "${entry}" is not an IP address or CIDR range`);
    }
    if (bits === undefined) list.addAddress(network.address);
    else list.addSubnet(network.address, bits);
  }
  return {
    allows(sourceIp) {
      const source = parsed(unmapped(sourceIp ?? ""));
      return source !== undefined && list.check(source.address);
    },
  };
};

const anySource: SourceAllowList = { allows: () => true };

export const webhookSourcesFromEnv = (env: NodeJS.ProcessEnv = process.env): SourceAllowList => {
  const raw = env[WEBHOOK_SOURCES_ENV]?.trim();
  if (!raw) return sourceAllowList(ELKS46_SOURCES);
  if (raw === "*") return anySource;
  return sourceAllowList(raw.split(",").filter((entry) => entry.trim().length > 0));
};
