/**
 * Where the user was when they left to sign in, so they come back to it: a route, never a token
 * (sessionStorage, this tab only).
 */
const KEY = "ny-riktning.return-to";

export const rememberRoute = (): void => {
  if (location.hash && location.hash !== "#/") sessionStorage.setItem(KEY, location.hash);
};

export const takeRememberedRoute = (): string | undefined => {
  const route = sessionStorage.getItem(KEY) ?? undefined;
  sessionStorage.removeItem(KEY);
  return route;
};
