/**
 * The house's boundaries, checked in `npm test` (test/unit/boundaries.test.ts) and by hand with
 * `npx depcruise --config .dependency-cruiser.mjs infra services shared console`.
 * Paths are relative to the folder cruised from, so the same rules check the broken fixture.
 */
const SDK = "(^|/)node_modules/@aws-sdk/";

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-circular",
      comment: "An import circle (type-only included) makes modules load in an order nobody chose.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "services-meet-only-through-shared",
      comment: "A service never imports another service: they meet through shared/ contracts and events.",
      severity: "error",
      from: { path: "^services/([^/]+)/" },
      to: { path: "^services/", pathNot: "^services/$1/" },
    },
    {
      name: "shared-imports-no-service-or-infra",
      comment: "The kernel is below every service and the infrastructure.",
      severity: "error",
      from: { path: "^shared/" },
      to: { path: "^(services|infra)/" },
    },
    {
      name: "services-import-no-infra",
      comment: "Infrastructure deploys services; services never reach up into it.",
      severity: "error",
      from: { path: "^services/" },
      to: { path: "^infra/" },
    },
    {
      name: "domain-is-pure",
      comment:
        "A service's domain/ decides from state, command and time: no SDK, no HTTP, no storage, no application layer.",
      severity: "error",
      from: { path: "^services/[^/]+/domain/" },
      to: {
        path: [
          SDK,
          "^shared/http/",
          "^shared/dynamo",
          "^shared/app/",
          "^services/[^/]+/(store|app|handlers)/",
        ],
      },
    },
    {
      name: "handlers-go-through-the-application",
      comment: "Handlers are thin: they call the application layer, never the store directly.",
      severity: "error",
      from: { path: "^services/[^/]+/handlers/" },
      to: { path: "^services/[^/]+/store/" },
    },
    {
      name: "only-the-store-talks-to-dynamodb",
      comment: "Within a service, store/ alone imports the DynamoDB SDK and the DynamoDB helpers.",
      severity: "error",
      from: { path: "^services/[^/]+/", pathNot: "^services/[^/]+/store/" },
      to: { path: ["(^|/)node_modules/@aws-sdk/(client-dynamodb|lib-dynamodb)/", "^shared/dynamo"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(cdk\\.out|\\.local)/" },
    tsPreCompilationDeps: true,
    parser: "swc",
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mts"] },
  },
};
