import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@civitas/source"] },
  ssr: { resolve: { conditions: ["@civitas/source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
