import { defineConfig } from "vitest/config"

/**
 * One Vitest run for the whole workspace. Packages are resolved from source through the
 * `@hdnd/source` export condition, so no build step is needed before testing.
 */
export default defineConfig({
  ssr: { resolve: { conditions: ["@hdnd/source"] } },
  resolve: { conditions: ["@hdnd/source"] },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
