/**
 * The contract's names and media types, without a schema: the application layer and the handlers
 * import these without building any of the contract's schemas as they load.
 */
export const SCOPES = {
  /** Socialstyrelsen (no municipality claim) reads any municipality; municipal staff their own. */
  read: "reports:read",
  /** A municipality's own figures from its own case system: for that municipality only. */
  submit: "reports:submit",
} as const;

export const CSV_MEDIA_TYPE = "text/csv";
export const CSV_CONTENT_TYPE = `${CSV_MEDIA_TYPE}; charset=utf-8`;

export const CSV_BODY_CONTENT_TYPE = "text/csv";
