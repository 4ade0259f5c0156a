import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@civitas/source"] },
  ssr: { resolve: { conditions: ["@civitas/source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts"],
    // builds dist/ once: the CLI tests run the built command, the packing test packs it
    globalSetup: ["packages/cli/test/support/build-once.ts"],
    // generous: a test or hook that renders PDFs or spawns the CLI must pass with the machine's
    // other core busy; a hang still fails
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
