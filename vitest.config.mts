import { defineConfig } from "vitest/config";

// Two cores: the integration tests share one DynamoDB Local and one fauxqs started by globalSetup,
// and isolate themselves by table and queue name prefix. The projects run one after another
// (groupOrder), so the JVM does not compete with the CDK synths for the cores.
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "console/test/**/*.test.ts"],
          environment: "node",
          env,
          // A few unit tests start a process (npm run openapi, the console build): seconds, not ms.
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          env,
          globalSetup: ["test/support/global-setup.ts"],
          // Generous: a timeout here is a hang, not a speed budget (speed goes in npm run bench).
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: "infra",
          include: ["test/infra/**/*.test.ts"],
          environment: "node",
          env,
          testTimeout: 120_000,
          // The whole app is synthesised once per file in beforeAll.
          hookTimeout: 180_000,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          // The console in Debian's chromium against the local runtime; last, when the cores are free.
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          env,
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
