import { type CallTokenHook, signCallToken, verifyCallToken } from "../call-token";
import type { HotlineDeps } from "../deps";
import type { CallStep } from "../domain/call";
import type { CallAction } from "../telephony/provider";
import { acceptedPasswords, handedOutCredentials, webhookUrl } from "../webhook-auth";

/** The call a webhook is about: the provider's call id in a municipality. */
export interface CallRef {
  readonly municipality: string;
  readonly callId: string;
}

type ActionDeps = Pick<HotlineDeps, "publicBaseUrl" | "webhookCredentials" | "defaultMessageUrl" | "clock">;

/**
 * A call's next step in the provider adapter's terms: with the webhooks the provider calls back
 * (the municipality's credentials and a signed call token in the URL; see call-token.ts), and the
 * service's default message where the schedule has none.
 */
export class CallActions {
  constructor(private readonly deps: ActionDeps) {}

  private async url(call: CallRef, purpose: CallTokenHook) {
    const baseUrl = this.deps.publicBaseUrl;
    if (!baseUrl) throw new Error("PUBLIC_BASE_URL is not set: the provider could not call back");
    const credentials = await this.deps.webhookCredentials.get();
    const token = signCallToken(credentials.password, { ...call, purpose }, this.deps.clock.now());
    return webhookUrl(
      baseUrl,
      `/v1/hotline/voice/${call.municipality}/${purpose.hook}`,
      handedOutCredentials(credentials, call.municipality),
      { ...(purpose.hook === "next" ? { attempt: String(purpose.attempt) } : {}), token },
    );
  }

  /** Whether `token` is one we handed out for this call's `purpose` and it has not expired. */
  async tokenValid(call: CallRef, purpose: CallTokenHook, token: string | undefined): Promise<boolean> {
    if (!token) return false;
    const credentials = await this.deps.webhookCredentials.get();
    return verifyCallToken(
      acceptedPasswords(credentials),
      token,
      { ...call, purpose },
      this.deps.clock.now(),
    );
  }

  async render(call: CallRef, step: CallStep): Promise<CallAction> {
    switch (step.kind) {
      case "end":
        return { kind: "end" };
      case "message":
        return {
          kind: "play",
          message: step.message ?? this.deps.defaultMessageUrl,
          whenHangup: await this.url(call, { hook: "hangup" }),
        };
      case "connect":
        return {
          kind: "connect",
          to: step.to,
          timeoutSeconds: step.ringSeconds,
          next: await this.url(call, { hook: "next", attempt: step.position }),
          whenHangup: await this.url(call, { hook: "hangup" }),
        };
    }
  }
}
