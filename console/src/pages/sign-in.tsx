import { useState } from "preact/hooks";
import type { Auth } from "../auth";
import { rememberRoute } from "../auth/return-to";
import type { SignedOutReason } from "../auth/session";
import { Page } from "../components/page";
import { t } from "../i18n";

const REASON_TEXT: Record<Exclude<SignedOutReason, undefined>, string> = {
  expired: t.signIn.expired,
  failed: t.signIn.failed,
  "signed-out": t.signIn.signedOut,
};

export const SignInPage = ({ auth, reason }: { auth: Auth; reason: SignedOutReason }) => {
  const [failed, setFailed] = useState(false);
  const signIn = () => {
    setFailed(false);
    rememberRoute();
    auth.signIn().catch(() => setFailed(true));
  };
  return (
    <Page title={t.signIn.title} lead={t.signIn.lead}>
      {reason ? (
        <p class={`notice ${reason === "signed-out" ? "notice-info" : "notice-error"}`} role="status">
          {REASON_TEXT[reason]}
        </p>
      ) : null}
      {failed ? (
        <p class="notice notice-error" role="alert">
          {t.signIn.failed}
        </p>
      ) : null}
      <button type="button" class="primary" onClick={signIn}>
        {t.signIn.button}
      </button>
    </Page>
  );
};
