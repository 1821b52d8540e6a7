/**
 * Writes import files for the CLI benchmark and the CLI's interruption test: the structure of the
 * generated world (bench/world.ts) as interchange CSV files, and N activities over it as one
 * activities CSV, streamed to disk.
 */
import { Csv, Rows } from "@hdnd/import"
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { once } from "node:events"
import { buildWorld } from "./world.js"

export interface ImportFiles {
  /** The structure files, in import order. */
  readonly structure: ReadonlyArray<string>
  readonly activities: string
  readonly rows: number
}

export const writeImportFiles = async (dir: string, n: number, seed = 7): Promise<ImportFiles> => {
  mkdirSync(dir, { recursive: true })
  const { ds } = buildWorld(n, seed)
  const structure: Array<string> = []
  for (const kind of ["units", "councils", "organs", "sessions"] as const) {
    const file = join(dir, `${kind}.csv`)
    writeFileSync(file, Rows.toCsv(kind, [...(ds[kind] as ReadonlyMap<string, unknown>).values()]), "utf8")
    structure.push(file)
  }
  const activities = join(dir, "activities.csv")
  const out = createWriteStream(activities, { encoding: "utf8" })
  const records = [...ds.activities.values()]
  const columns = Rows.columnsFor("activities", records)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain")
  }
  await write(`\uFEFF${Csv.formatRow(Rows.headers(columns))}`)
  let chunk = ""
  for (let i = 0; i < records.length; i++) {
    chunk += Csv.formatRow(Rows.cellsOf("activities", records[i], columns))
    if (chunk.length > 1 << 20) {
      await write(chunk)
      chunk = ""
    }
  }
  await write(chunk)
  out.end()
  await once(out, "finish")
  return { structure, activities, rows: records.length }
}
