import type { HotlineDeps } from "../deps";
import type { CallStep } from "../domain/call";
import type { CallAction } from "../telephony/provider";
import { webhookUrl } from "../webhook-auth";

/**
 * A call's next step in the provider adapter's terms: with the webhooks the provider calls back
 * (credentials in the URL), and the service's default message where the schedule has none.
 */
export class CallActions {
  constructor(
    private readonly deps: Pick<HotlineDeps, "publicBaseUrl" | "webhookCredentials" | "defaultMessageUrl">,
  ) {}

  private async url(municipality: string, hook: "next" | "hangup", query?: Record<string, string>) {
    const baseUrl = this.deps.publicBaseUrl;
    if (!baseUrl) throw new Error("PUBLIC_BASE_URL is not set: the provider could not call back");
    const credentials = await this.deps.webhookCredentials.get();
    return webhookUrl(baseUrl, `/v1/hotline/voice/${municipality}/${hook}`, credentials, query);
  }

  async render(municipality: string, step: CallStep): Promise<CallAction> {
    switch (step.kind) {
      case "end":
        return { kind: "end" };
      case "message":
        return {
          kind: "play",
          message: step.message ?? this.deps.defaultMessageUrl,
          whenHangup: await this.url(municipality, "hangup"),
        };
      case "connect":
        return {
          kind: "connect",
          to: step.to,
          timeoutSeconds: step.ringSeconds,
          next: await this.url(municipality, "next", { attempt: String(step.position) }),
          whenHangup: await this.url(municipality, "hangup"),
        };
    }
  }
}
