/**
 * Two of intake's lists (see intake.ts, which exports them too) in a module of their own and free of
 * zod: every function reads the settings (shared/settings/schema.ts), which validate against these,
 * and importing them from intake.ts built intake's 34 event schemas as each function loaded
 * (npm run bench -- cold).
 */
export const REFERRAL_KINDS = [
  "concern",
  "application",
  "self-referral",
  "police",
  "release",
  "hotline",
] as const;
export const UNITS = ["mottag-barn", "mottag-vuxen", "utredning-unga-vuxna", "ekonomiskt-bistand"] as const;
