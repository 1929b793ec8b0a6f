import { HOTLINE_HANDLE_SCOPE } from "../../shared/domain/scopes";

/** The staff API's scopes: a module without schemas, read by every staff route. */
export const SCOPES = {
  /** On-call staff and their managers: triages, the caller's number, who is on call. */
  handle: HOTLINE_HANDLE_SCOPE,
  /** Whoever keeps the municipality's on-call schedule. */
  admin: "hotline:admin",
} as const;
