import { defineConfig } from "tsup"

/**
 * The build of every published package: JavaScript (ESM and CJS) from tsup. Type declarations come
 * from tsc (each package's tsconfig.build.json), one file per module, because bundled declarations
 * lose schema constants that share a type's name.
 */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: false,
  sourcemap: true,
  clean: true,
  target: "es2022"
})
