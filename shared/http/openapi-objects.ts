/** The parts of an OpenAPI 3.1 document that shared/http/openapi.ts builds, as TypeScript types. */

export type SchemaObject = { [keyword: string]: unknown };

export interface ParameterObject {
  readonly name: string;
  readonly in: "path" | "query" | "header";
  readonly required: boolean;
  readonly description?: string;
  readonly schema: SchemaObject;
}

export interface MediaTypeObject {
  readonly schema: SchemaObject;
}

export interface OperationObject {
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly parameters?: readonly ParameterObject[];
  readonly requestBody?: {
    readonly required: boolean;
    readonly content: Readonly<Record<string, MediaTypeObject>>;
  };
  readonly responses: Readonly<
    Record<
      string,
      { readonly description: string; readonly content?: Readonly<Record<string, MediaTypeObject>> }
    >
  >;
  /** Alternatives: any one requirement object satisfies it. */
  readonly security: readonly Readonly<Record<string, readonly string[]>>[];
}

export type PathItemObject = Partial<Record<"get" | "post" | "put" | "delete", OperationObject>>;

export interface OpenApiDocument {
  readonly openapi: "3.1.0";
  readonly jsonSchemaDialect: string;
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly description: string;
    readonly license: LicenseObject;
  };
  readonly servers: readonly { readonly url: string }[];
  readonly tags: readonly { readonly name: string; readonly description?: string }[];
  readonly paths: Readonly<Record<string, PathItemObject>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, SchemaObject>>;
    readonly securitySchemes: Readonly<Record<string, SchemaObject>>;
  };
}

export interface LicenseObject {
  readonly name: string;
  /** An SPDX expression; `LicenseRef-…` for a licence SPDX does not list. */
  readonly identifier?: string;
  readonly url?: string;
}

export interface OpenApiOptions {
  /** Where the API is served: the API Gateway URL, or the local runtime's base URL. */
  readonly serverUrl?: string;
  readonly title?: string;
  readonly version?: string;
  readonly license?: LicenseObject;
  /** What each tag (one per service, as a rule) groups, for the reader of the document. */
  readonly tagDescriptions?: Readonly<Record<string, string>>;
}
