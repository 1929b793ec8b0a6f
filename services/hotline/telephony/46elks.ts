import * as z from "zod/mini";
import { entityIdSchema } from "../../../shared/events/envelope";
import {
  type CallAction,
  type IncomingCall,
  type RingResult,
  SMS_TIMEOUT_MS,
  type SmsConfig,
  type SmsMessage,
  type TelephonyProvider,
} from "./provider";

/**
 * 46elks (https://46elks.se/docs/call-actions): form-encoded webhooks, JSON call actions. Fields we
 * do not use are ignored, since the provider may add more.
 */

/** The provider's call id: theirs, safe in keys and logs; never the caller's number. */
const callIdSchema = entityIdSchema;

/**
 * Each webhook's form schema is built on its first use (z.lazy): every hotline function holds this adapter
 * (deps.ts), and a webhook's function builds only its own route's form as it loads (routes/).
 */
export const elksIncomingSchema = z.lazy(() =>
  z.object({
    callid: callIdSchema,
    direction: z.optional(z.string().check(z.maxLength(16))),
    /** Free-form: a hidden number arrives as text, and such a call must still connect. */
    from: z.optional(z.string().check(z.maxLength(64))),
    to: z.optional(z.string().check(z.maxLength(64))),
    created: z.optional(z.string().check(z.maxLength(64))),
  }),
);

export const elksNextSchema = z.lazy(() =>
  z.object({
    callid: callIdSchema,
    result: z.enum(["success", "failed", "busy"]),
  }),
);

export const elksHangupSchema = z.lazy(() => z.object({ callid: callIdSchema }));

/** 46elks plays this built-in tone when given no sound file. */
const BUILT_IN_TONE = "sound/beep";

/** 46elks's SMS endpoint (https://46elks.com/docs/send-sms) under the configured API base. */
export const elksSmsUrl = (apiBaseUrl: string): string =>
  new URL("a1/sms", apiBaseUrl.endsWith("/") ? apiBaseUrl : `${apiBaseUrl}/`).toString();

const sendSms = async (config: SmsConfig, sms: SmsMessage, timeoutMs = SMS_TIMEOUT_MS): Promise<void> => {
  const auth = Buffer.from(`${config.username}:${config.password}`, "utf8").toString("base64");
  const response = await fetch(elksSmsUrl(config.apiBaseUrl), {
    method: "POST",
    headers: {
      authorization: `Basic ${auth}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ from: config.from, to: sms.to, message: sms.message }).toString(),
    // A sweep stuck on one send would hold up every other triage's clock.
    signal: AbortSignal.timeout(timeoutMs),
  });
  // The body is drained but never quoted: 46elks echoes the recipient's number in it.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`46elks SMS API answered ${response.status}`);
};

export const elks46: TelephonyProvider = {
  name: "46elks",
  incomingSchema: elksIncomingSchema,
  nextSchema: elksNextSchema,
  hangupSchema: elksHangupSchema,
  parseIncoming(form): IncomingCall {
    const { callid, from, to } = elksIncomingSchema.parse(form);
    return {
      callId: callid,
      caller: from && from.trim().length > 0 ? from.trim() : undefined,
      called: to && to.trim().length > 0 ? to.trim() : undefined,
    };
  },
  parseNext(form): RingResult {
    const { callid, result } = elksNextSchema.parse(form);
    // `busy` and `failed` alike: this person did not take the call, ring the next.
    return { callId: callid, answered: result === "success" };
  },
  parseHangup(form) {
    return { callId: elksHangupSchema.parse(form).callid };
  },
  render(action: CallAction) {
    switch (action.kind) {
      case "connect":
        return {
          connect: action.to,
          timeout: action.timeoutSeconds,
          next: action.next,
          whenhangup: action.whenHangup,
        };
      case "play":
        return { play: action.message ?? BUILT_IN_TONE, skippable: false, whenhangup: action.whenHangup };
      case "end":
        return {};
    }
  },
  sendSms,
};
