import "./styles.css";
import { render } from "preact";
import { App } from "./app";
import { createAuth } from "./auth";
import { takeRememberedRoute } from "./auth/return-to";
import { capabilitiesOf, homePath } from "./auth/roles";
import { session } from "./auth/session";
import { loadConfig } from "./config";
import { t } from "./i18n";

const start = async (root: HTMLElement): Promise<void> => {
  let auth: Awaited<ReturnType<typeof createAuth>>;
  try {
    auth = await createAuth((await loadConfig()).auth);
  } catch (error) {
    console.error(error);
    root.textContent = t.startFailed;
    return;
  }
  try {
    const token = await auth.completeSignIn();
    if (token) {
      const started = session.start(token);
      location.hash = takeRememberedRoute() ?? `#${homePath(capabilitiesOf(started.claims))}`;
    }
  } catch (error) {
    console.error(error);
    session.end("failed");
  }
  render(<App auth={auth} />, root);
};

const root = document.getElementById("app");
if (root) void start(root);
