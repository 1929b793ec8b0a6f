import { Component, type ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { findMunicipality } from "../../shared/municipalities";
import type { Auth } from "./auth";
import { type Capabilities, capabilitiesOf, homePath } from "./auth/roles";
import { type Session, session } from "./auth/session";
import { ConnectionBanner } from "./components/connection-banner";
import { Page } from "./components/page";
import { t } from "./i18n";
import { SignInPage } from "./pages/sign-in";
import { navigate, useLocation } from "./router";
import { Routes } from "./routes";

const useSession = (): Session | undefined => {
  const [current, setCurrent] = useState(session.get);
  useEffect(() => session.subscribe(() => setCurrent(session.get())), []);
  return current;
};

/** Longer delays overflow setTimeout and fire at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Ends the session when the token runs out, instead of letting the next click fail. */
const useExpiry = (current: Session | undefined): void => {
  useEffect(() => {
    const exp = current?.claims.exp;
    if (exp === undefined) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      const left = exp * 1000 - Date.now();
      if (left <= 0) session.end("expired");
      else timer = setTimeout(arm, Math.min(left, MAX_TIMEOUT_MS));
    };
    arm();
    return () => clearTimeout(timer);
  }, [current]);
};

const municipalityName = (code: string | undefined): string =>
  code ? (findMunicipality(code)?.name ?? code) : t.nav.noMunicipality;

const Nav = ({ capabilities, path }: { capabilities: Capabilities; path: string }) => {
  const links: [string, string, boolean][] = [
    ["/arbetslista", t.nav.worklist, capabilities.intake],
    ["/handlaggare", t.nav.caseworkers, capabilities.intake],
    ["/uppgifter", t.tasksNav, capabilities.tasks],
    ["/jour", t.nav.board, capabilities.hotline],
    ["/jour/schema", t.nav.onCall, capabilities.hotline || capabilities.hotlineAdmin],
    ["/frigivningar", t.nav.releases, capabilities.releaseNotices],
    ["/rapporter", t.nav.reports, capabilities.reports],
    ["/underrattelser", t.nav.integrator, capabilities.releaseWrite],
    ["/granskning", t.nav.audit, capabilities.audit],
    ["/installningar", t.settingsNav, capabilities.settingsAdmin],
  ];
  return (
    <nav aria-label={t.nav.label}>
      <ul>
        {links
          .filter(([, , shown]) => shown)
          .map(([to, label]) => (
            <li key={to}>
              <a href={`#${to}`} aria-current={path === to ? "page" : undefined}>
                {label}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
};

class CrashBoundary extends Component<{ children: ComponentChildren }, { crashed: boolean }> {
  override state = { crashed: false };
  override componentDidCatch(error: unknown): void {
    // The console's own fault, not the user's: said in the page, and in the browser's console for support.
    console.error(error);
    this.setState({ crashed: true });
  }
  override render() {
    if (!this.state.crashed) return this.props.children;
    return (
      <Page title={t.crashed.title} lead={t.crashed.lead}>
        <button type="button" class="primary" onClick={() => location.reload()}>
          {t.crashed.reload}
        </button>
      </Page>
    );
  }
}

/** A button, not a #main link: the fragment holds the route. */
const skipToMain = () => document.getElementById("main")?.focus();

export const App = ({ auth }: { auth: Auth }) => {
  const current = useSession();
  const location = useLocation();
  useExpiry(current);
  const capabilities = current ? capabilitiesOf(current.claims) : undefined;
  useEffect(() => {
    if (capabilities && location.path === "/") navigate(homePath(capabilities));
  }, [capabilities, location.path]);

  const signOut = () => {
    session.end("signed-out");
    void auth.signOut();
  };

  return (
    <>
      <button type="button" class="skip-link" onClick={skipToMain}>
        {t.skipToContent}
      </button>
      <header class="site-header">
        <p class="brand">{t.appName}</p>
        {current && capabilities ? (
          <>
            <Nav capabilities={capabilities} path={location.path} />
            <div class="user">
              <span>
                {t.nav.signedInAs(current.claims.sub, municipalityName(current.claims.municipality))}
              </span>
              <button type="button" onClick={signOut}>
                {t.nav.signOut}
              </button>
            </div>
          </>
        ) : null}
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <CrashBoundary>
          {current && capabilities ? (
            <Routes location={location} capabilities={capabilities} claims={current.claims} />
          ) : (
            <SignInPage auth={auth} reason={session.signedOutReason()} />
          )}
        </CrashBoundary>
      </main>
    </>
  );
};
