import { configDefaults, defineConfig } from "vitest/config"

/**
 * The test files that need a service outside Node: a PostgreSQL server, LibreOffice (DOCX/XLSX opened
 * and rendered) or Chromium (the HTML page in a real browser). `pnpm test` leaves them out so that it
 * runs anywhere Node runs; `pnpm test:services` runs exactly these (CI runs both).
 */
export const serviceTests: ReadonlyArray<string> = [
  "packages/store-postgres/test/**/*.test.ts",
  "packages/cli/test/Postgres.test.ts",
  "packages/cli/test/PostgresCrash.test.ts",
  "packages/export-docx/test/LibreOffice.test.ts",
  "packages/export-xlsx/test/Render.test.ts",
  "packages/export-html/test/Browser.test.ts",
  "examples/council-office-api/test/Postgres.test.ts",
  "bench/test/**/*.test.ts"
]

/** Every test file of the workspace. */
export const allTests: ReadonlyArray<string> = ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts"]

/**
 * One Vitest configuration over the given files. Packages are resolved from source through the
 * `@hdnd/source` export condition, so no build step is needed before testing.
 */
export const config = (include: ReadonlyArray<string>, exclude: ReadonlyArray<string>) =>
  defineConfig({
    ssr: { resolve: { conditions: ["@hdnd/source"] } },
    resolve: { conditions: ["@hdnd/source"] },
    test: {
      include: [...include],
      exclude: [...configDefaults.exclude, ...exclude],
      setupFiles: ["./vitest.setup.ts"],
      testTimeout: 120_000,
      hookTimeout: 120_000
    }
  })
