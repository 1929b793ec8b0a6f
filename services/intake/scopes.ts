import { AUDIT_READ_SCOPE } from "../../shared/domain/scopes";

/**
 * The scopes intake's routes and rules check. Apart from the contract's schemas, so that a module
 * that needs only a scope's name (a route's auth, a rule) builds none of them as it loads.
 */
export const SCOPES = {
  write: "referrals:write",
  read: "referrals:read",
  manage: "referrals:manage",
  audit: AUDIT_READ_SCOPE,
  /** A municipality's administrator: its own settings (contract-settings.ts). */
  settings: "settings:admin",
} as const;
