import { allTests, config, serviceTests } from "./vitest.shared.js"

/**
 * The README's test command (`pnpm test`): every test file of the workspace except those that need
 * PostgreSQL, LibreOffice or Chromium, which `pnpm test:services` runs (vitest.services.config.ts).
 */
export default config(allTests, serviceTests)
