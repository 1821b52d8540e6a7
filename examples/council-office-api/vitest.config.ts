import { defineConfig } from "vitest/config"

/**
 * The example's own test run (`npm test`), as a standalone app runs it: hdnd from its installed
 * packages. Inside the hdnd repository the root `pnpm test` runs the same files from source, and
 * `pnpm test:services` runs the PostgreSQL one.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/Postgres.test.ts", "**/node_modules/**"],
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
