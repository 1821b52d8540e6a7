import { defineConfig } from "tsup"
import base from "../../tsup.base.js"

/**
 * ESM only: Vega cannot be `require`d (vega-canvas has a top-level `await import("canvas")`, so even
 * Node's `require(esm)` refuses it with ERR_REQUIRE_ASYNC_MODULE), so a CommonJS build of this
 * package could not load its charts.
 */
export default defineConfig({ ...base, format: ["esm"] })
