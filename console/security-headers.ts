/**
 * The console's security headers, written once: CloudFront sends them in AWS
 * (infra/constructs/console-site.ts) and the local runtime sends the same (infra/local/console.ts),
 * so the end-to-end tests run the console under the policy it is deployed with.
 */

/**
 * Scripts, styles and images from the console's own origin only (no inline code, no eval), data
 * from its own origin (the API shares it) and from `connectOrigins` (the identity provider's token
 * endpoint), never framed, forms posted to itself only.
 */
export const contentSecurityPolicy = (connectOrigins: readonly string[] = []): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectOrigins].join(" ")}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");

/** Two years, as browsers' preload lists expect of a site that is HTTPS only. */
export const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;
