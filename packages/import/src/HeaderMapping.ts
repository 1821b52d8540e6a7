/**
 * A province's own headers read as interchange headers. A plugin's importer mapping
 * (`Plugin.ImporterMapping` of `@hdnd/core`) maps the headers of a province's spreadsheet to the
 * interchange headers of one entity (`docs/interchange.md`), so its files import as they are:
 *
 * ```ts
 * const mapping = { id: "son-la/hoat-dong-ban", entity: "activities", columns: { "Ngày thực hiện": "Từ ngày", "Ban": "Cơ quan chủ trì" } }
 * ```
 *
 * Headers are compared with `Interchange.headerKey` (NFC, case, diacritics, punctuation and
 * spacing do not matter), the same as interchange headers. A header the mapping does not name is
 * kept as it is, so a file may mix the province's headers with interchange ones.
 *
 * The decoder renames headers only to find their columns: every problem still names the file's own
 * header.
 *
 * @since 0.1.0
 */
import type { Dataset, Plugin } from "@hdnd/core"
import { headerKey } from "./Interchange.js"

/**
 * What the importer needs of a mapping: an id (for messages), the entity of the files, and the
 * province's header → interchange header. Every `Plugin.ImporterMapping` is one.
 *
 * @since 0.1.0
 * @category models
 */
export type HeaderMapping = Pick<Plugin.ImporterMapping, "id" | "entity" | "columns">

const indexes = new WeakMap<HeaderMapping, ReadonlyMap<string, string>>()

/**
 * The interchange header of each of a mapping's headers, by header key.
 *
 * @since 0.1.0
 * @category lookup
 */
export const index = (mapping: HeaderMapping): ReadonlyMap<string, string> => {
  let m = indexes.get(mapping)
  if (m === undefined) {
    m = new Map(Object.entries(mapping.columns).map(([from, to]) => [headerKey(from), to] as const))
    indexes.set(mapping, m)
  }
  return m
}

/**
 * The header a file's header stands for: the interchange header the mapping gives it, or the header
 * itself when the mapping does not name it.
 *
 * @since 0.1.0
 * @category renaming
 */
export const rename = (mapping: HeaderMapping, header: string): string => index(mapping).get(headerKey(header)) ?? header

/**
 * Renames the headers of a source (its header row, or the keys of a JSON record), keeping their
 * columns.
 *
 * @since 0.1.0
 * @category renaming
 */
export const renameAll = <H extends { readonly header: string }>(mapping: HeaderMapping, headers: ReadonlyArray<H>): Array<H> =>
  headers.map((h) => ({ ...h, header: rename(mapping, h.header) }))

/**
 * Whether a mapping names every header of a source (blank headers aside, and at least one).
 *
 * @since 0.1.0
 * @category lookup
 */
export const covers = (mapping: HeaderMapping, headers: ReadonlyArray<string>): boolean => {
  const named = headers.filter((h) => h.trim() !== "")
  const keys = index(mapping)
  return named.length > 0 && named.every((h) => keys.has(headerKey(h)))
}

/**
 * The mappings that name every header of a source, of one entity when it is known.
 *
 * @since 0.1.0
 * @category lookup
 */
export const fitting = (
  mappings: ReadonlyArray<HeaderMapping>,
  headers: ReadonlyArray<string>,
  entity?: Dataset.EntityKind
): ReadonlyArray<HeaderMapping> => mappings.filter((m) => (entity === undefined || m.entity === entity) && covers(m, headers))
