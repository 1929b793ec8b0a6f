/**
 * Routes live in the fragment (#/arenden/01…): the static host serves one index.html for every
 * route without rewriting paths, and /v1/* on the same origin stays the API's alone.
 */
import { useEffect, useState } from "preact/hooks";

export interface Location {
  readonly path: string;
  readonly query: URLSearchParams;
}

const parse = (hash: string): Location => {
  const raw = hash.replace(/^#/, "") || "/";
  const at = raw.indexOf("?");
  return {
    path: at === -1 ? raw : raw.slice(0, at),
    query: new URLSearchParams(at === -1 ? "" : raw.slice(at + 1)),
  };
};

export const currentLocation = (): Location => parse(location.hash);

export const href = (path: string, query?: URLSearchParams): string => {
  const search = query?.toString();
  return `#${path}${search ? `?${search}` : ""}`;
};

export const navigate = (path: string, query?: URLSearchParams): void => {
  location.hash = href(path, query);
};

/** The segments after a prefix, e.g. match("/arenden/x", "/arenden/:id") → { id: "x" }. */
export const match = (path: string, pattern: string): Record<string, string> | undefined => {
  const parts = path.split("/");
  const wanted = pattern.split("/");
  if (parts.length !== wanted.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of wanted.entries()) {
    const actual = parts[i] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return undefined;
  }
  return params;
};

export const useLocation = (): Location => {
  const [current, setCurrent] = useState(currentLocation);
  useEffect(() => {
    const onChange = () => setCurrent(currentLocation());
    addEventListener("hashchange", onChange);
    return () => removeEventListener("hashchange", onChange);
  }, []);
  return current;
};
