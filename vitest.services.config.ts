import { config, serviceTests } from "./vitest.shared.js"

/**
 * `pnpm test:services`: the tests that need a PostgreSQL server (127.0.0.1:5432 or
 * `HDND_TEST_DATABASE_URL`), LibreOffice or Chromium. Without a service its tests skip with a
 * one-line reason; in CI (`CI=true`) they fail instead.
 */
export default config(serviceTests, [])
