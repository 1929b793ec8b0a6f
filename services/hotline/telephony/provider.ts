import type { z } from "zod/mini";
import type { CHAIN_ROLES } from "../../../shared/events/catalogue/hotline";

export type ChainRole = (typeof CHAIN_ROLES)[number];

/** What the provider told us about a new call, in the hotline's own terms. */
export interface IncomingCall {
  readonly callId: string;
  /** The caller's number as the provider gave it; absent or text when hidden. Personal data. */
  readonly caller: string | undefined;
  /** The number the caller dialled, as the provider reports it: checked against the hotline's. */
  readonly called: string | undefined;
}

/** The outcome of one ring of the chain. */
export interface RingResult {
  readonly callId: string;
  readonly answered: boolean;
}

/** What we want the call to do next; the adapter renders it in the provider's terms. */
export type CallAction =
  | {
      readonly kind: "connect";
      /** E.164 of the person to ring. */
      readonly to: string;
      readonly timeoutSeconds: number;
      /** Where the provider reports the ring's outcome. */
      readonly next: string;
      /** Where the provider reports the end of the call. */
      readonly whenHangup: string;
    }
  | {
      /** The recorded message; undefined: the provider's own tone, never silence. */
      readonly kind: "play";
      readonly message: string | undefined;
      readonly whenHangup: string;
    }
  /** Nothing more to do: the call ends. */
  | { readonly kind: "end" };

/** The provider's API account for messages we send (SMS), as opposed to the webhooks it sends us. */
export interface SmsConfig {
  /** The API's base URL (46elks: https://api.46elks.com); the adapter appends its own path. */
  readonly apiBaseUrl: string;
  readonly username: string;
  readonly password: string;
  /** Sender: an E.164 number or an alphanumeric sender id. */
  readonly from: string;
}

/** One text message. `to` is a staff phone: personal data, never logged. */
export interface SmsMessage {
  readonly to: string;
  readonly message: string;
}

/** How long we wait for the provider's SMS API before counting the send as failed. */
export const SMS_TIMEOUT_MS = 10_000;

/**
 * One telephony provider. The routes validate the provider's form posts with its schemas; the rest
 * of the hotline sees only IncomingCall, RingResult and CallAction, so another provider (Twilio,
 * Amazon Connect) is another adapter.
 */
export interface TelephonyProvider {
  readonly name: string;
  /** Each built on its first use (z.lazy: a function builds only its own webhook's form). */
  readonly incomingSchema: z.core.$ZodType;
  readonly nextSchema: z.core.$ZodType;
  readonly hangupSchema: z.core.$ZodType;
  parseIncoming(form: unknown): IncomingCall;
  parseNext(form: unknown): RingResult;
  parseHangup(form: unknown): { readonly callId: string };
  render(action: CallAction): Record<string, unknown>;
  /**
   * Sends one SMS; resolves once the provider accepted it, rejects otherwise (also after
   * `timeoutMs`, default SMS_TIMEOUT_MS). The rejection names no number and no message text.
   */
  sendSms(config: SmsConfig, sms: SmsMessage, timeoutMs?: number): Promise<void>;
}
