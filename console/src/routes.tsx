import type { Capabilities } from "./auth/roles";
import type { Claims } from "./auth/session";
import { NoAccessPage, NotFoundPage } from "./pages/no-access";
import { type Location, match } from "./router";

interface RoutesProps {
  readonly location: Location;
  readonly capabilities: Capabilities;
  readonly claims: Claims;
}

export const Routes = ({ location, capabilities }: RoutesProps) => {
  const { path } = location;
  if (path === "/ingen-behorighet") return <NoAccessPage />;
  if (match(path, "/") && !capabilities.intake) return <NoAccessPage />;
  return <NotFoundPage />;
};
