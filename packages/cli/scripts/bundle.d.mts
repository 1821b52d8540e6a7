/** Bundles the CLI into `outdir` (default `dist/`) and returns the path of the executable. */
export declare const bundle: (outdir?: string) => Promise<string>
