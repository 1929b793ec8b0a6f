/**
 * A receiver for the status deliveries (PUT /v1/release-notices/subscription), for `npm start`
 * and the tests: it keeps what it was sent, checks each signature as the Standard Webhooks
 * specification says, and shows the lot at GET /. Loopback only; nothing is written to disk.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedDelivery {
  readonly receivedAt: string;
  readonly id: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly body: string;
  /** The signature matched the secret, and the timestamp was within five minutes. */
  readonly verified: boolean;
  /** What the receiver answered. */
  readonly status: number;
}

export interface WebhookReceiver {
  /** Where to point the subscription: http on loopback, which only the local runtime accepts. */
  readonly url: string;
  readonly secret: string;
  readonly deliveries: readonly ReceivedDelivery[];
  /** Answer the next deliveries with these statuses (e.g. 503 to see a retry), then 204 again. */
  failNext(...statuses: number[]): void;
  stop(): Promise<void>;
}

/** The README's check, in full: `whsec_` dropped, base64-decoded, HMAC over id.timestamp.body. */
export const verifyDelivery = (
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  now = Date.now(),
): boolean => {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${headers.id}.${headers.timestamp}.${body}`).digest();
  const fresh = Math.abs(now / 1000 - Number(headers.timestamp)) <= 300;
  return (
    fresh &&
    headers.signature.split(" ").some((entry) => {
      const [version, signature = ""] = entry.split(",");
      const given = Buffer.from(signature, "base64");
      return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
    })
  );
};

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

const header = (req: IncomingMessage, name: string): string => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(" ") : (value ?? "");
};

export const startWebhookReceiver = async (
  options: { readonly port?: number; readonly secret?: string } = {},
): Promise<WebhookReceiver> => {
  const secret = options.secret ?? `whsec_${randomBytes(32).toString("base64")}`;
  const deliveries: ReceivedDelivery[] = [];
  const failing: number[] = [];
  const server = createServer((req, res) => {
    if (req.method === "GET") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ deliveries: [...deliveries].reverse() }, null, 2));
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405).end();
      return;
    }
    void readBody(req).then((body) => {
      const headers = {
        id: header(req, "webhook-id"),
        timestamp: header(req, "webhook-timestamp"),
        signature: header(req, "webhook-signature"),
      };
      const verified = verifyDelivery(secret, headers, body);
      const status = verified ? (failing.shift() ?? 204) : 401;
      deliveries.push({ receivedAt: new Date().toISOString(), ...headers, body, verified, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/deliveries`,
    secret,
    deliveries,
    failNext: (...statuses) => failing.push(...statuses),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** What `npm start` prints about the receiver. */
export const receiverLines = (receiver: WebhookReceiver, apiUrl: string): string[] => [
  "Status deliveries to Kriminalvården (a local receiver that checks each signature):",
  `  register   curl -X PUT -H "Authorization: Bearer $KV_TOKEN" -H 'content-type: application/json' -d '${JSON.stringify({ url: receiver.url, secret: receiver.secret })}' ${apiUrl}/v1/release-notices/subscription`,
  `  delivered  curl ${receiver.url}`,
  "",
];
