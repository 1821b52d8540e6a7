import { defineConfig } from "tsup"

/**
 * The build of every published package: JavaScript from tsup, as ES modules only, like Effect 4
 * itself: one copy of every class, and CommonJS apps still `require()` them (Node >= 22.12 loads ES
 * modules from `require`). Type declarations come from tsc (each package's tsconfig.build.json), one file per module, because bundled declarations
 * lose schema constants that share a type's name.
 */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: false,
  sourcemap: true,
  clean: true,
  target: "es2022"
})
