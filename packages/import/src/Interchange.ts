/**
 * The interchange format: for every entity, its columns with an English and a Vietnamese header
 * (plus other accepted spellings), the kind of value each holds and an example. Headers are matched
 * with {@link Vocabulary.valueKey}, so case, diacritics, punctuation and spacing do not matter
 * ("Từ ngày", "tu ngay", "TỪ NGÀY"). Every column also answers to its field path in the core
 * encoding ("date.from", "organisers"), which is what a JSON record flattens to.
 *
 * The templates in `docs/templates/` and the reference in `docs/interchange.md` are built from these
 * tables. The tables themselves are in `InterchangeColumns`, the header lookups in `HeaderMatch`;
 * this module is their public face.
 *
 * @since 0.1.0
 */
import type { Dataset } from "@hdnd/core"
import type * as Result from "effect/Result"
import * as HeaderMatch from "./HeaderMatch.js"
import * as InterchangeColumns from "./InterchangeColumns.js"
import type { VocabularyName } from "./Vocabulary.js"

/**
 * What a column holds, which decides how its text is read:
 *
 * - `id`: an identifier, ASCII letters, digits and `. _ : / -`.
 * - `text`: free text.
 * - `date`: `dd/mm/yyyy`, ISO `yyyy-mm-dd` or "ngày 05 tháng 01 năm 2024".
 * - `integer`: a whole number, digits grouped with "." or not ("1.044").
 * - `convocation`: a Roman numeral, a number or "khóa XV".
 * - `month`: a month of the year: a number ("7", "07"), "Tháng 7", "T7" or a Roman numeral I–XII
 *   ("VII"); case and diacritics do not matter.
 * - `quarter`: a quarter of the year: a number ("3"), "Quý 3", "Quý III", "Q3" or a Roman numeral
 *   I–IV ("III"); case and diacritics do not matter.
 * - `enum`: a code or label of a vocabulary.
 * - `ref`, `refs`: one reference (or several separated by ";"), by id or by name (records the
 *   importer does not keep, such as activities, recommendations and programmes, by id only).
 * - `attribute`: a kind-specific attribute of an activity (a number, yes/no, or a code).
 *
 * @since 0.1.0
 * @category models
 */
export type ValueType = "id" | "text" | "date" | "integer" | "convocation" | "month" | "quarter" | "enum" | "ref" | "refs" | "attribute"

/**
 * What a reference column refers to.
 *
 * @since 0.1.0
 * @category models
 */
export type RefTarget =
  | "units"
  | "councils"
  | "terms"
  | "organs"
  | "sessions"
  | "meetings"
  | "activityKinds"
  | "committeeKinds"
  | "indicators"
  /** An organ of any council: by id, by name with its council, by name within the record's council. */
  | "anyOrgans"
  | "activities"
  | "recommendations"
  | "responses"
  | "programmes"
  | "programmeItems"
  /** A resolution adopted (since 0.2.0), by id. */
  | "resolutions"

/**
 * One column of an entity.
 *
 * @since 0.1.0
 * @category models
 */
export interface Column {
  /** The field path in the core encoding: `date.from`, `organisers`, `attributes.questions`. */
  readonly field: string
  readonly en: string
  readonly vi: string
  /** Other accepted headers (the field path is always accepted too). */
  readonly aliases: ReadonlyArray<string>
  readonly type: ValueType
  /**
   * Whether a row must fill it (some required fields have defaults, noted in `noteVi`/`noteEn`), and
   * a source must have the column, unless `requiredUnless` or `defaultable` lets it leave it out.
   */
  readonly required: boolean
  /**
   * For a required column: the field whose column, when a source has it, lets the source leave this
   * one out (a session's `ordinal` is taken from its `label`).
   */
  readonly requiredUnless?: string
  /**
   * For a required column: a source may leave it out when the import gives a default for its field
   * (the `council`, `Decode.DecodeOptions.council`).
   */
  readonly defaultable?: boolean
  readonly vocabulary?: VocabularyName
  readonly ref?: RefTarget
  readonly noteVi: string
  readonly noteEn: string
  /** The value of the templates' example row. */
  readonly example: string
  /** Whether the column is in the templates. */
  readonly inTemplate: boolean
}

/**
 * An entity of the interchange format.
 *
 * @since 0.1.0
 * @category models
 */
export interface EntitySpec {
  readonly kind: Dataset.EntityKind
  readonly vi: string
  readonly en: string
  /** Names a file or sheet of this entity may have ("hoat-dong.csv", sheet "Hoạt động"). */
  readonly names: ReadonlyArray<string>
  readonly columns: ReadonlyArray<Column>
}

/**
 * Every entity of the interchange format, in dependency order.
 *
 * @since 0.1.0
 * @category data
 */
export const entities: Readonly<Record<Dataset.EntityKind, EntitySpec>> = InterchangeColumns.entities

/**
 * The comparison key of a header: see `Vocabulary.valueKey`; a trailing "*" (a required-column
 * marker) is ignored.
 *
 * @since 0.1.0
 * @category text
 */
export const headerKey: (header: string) => string = HeaderMatch.headerKey

/**
 * The columns of an entity by header key.
 *
 * @since 0.1.0
 * @category lookup
 */
export const headerIndex: (kind: Dataset.EntityKind) => ReadonlyMap<string, Column> = HeaderMatch.headerIndex

/**
 * The column a header names in an entity. Any `attributes.<name>` header is accepted for
 * activities.
 *
 * @since 0.1.0
 * @category lookup
 */
export const columnOf: (kind: Dataset.EntityKind, header: string) => Column | undefined = HeaderMatch.columnOf

/**
 * The accepted headers of an entity as one line (Vietnamese / English), for error messages.
 *
 * @since 0.1.0
 * @category formatting
 */
export const acceptedHeaders: (kind: Dataset.EntityKind) => string = HeaderMatch.acceptedHeaders

/**
 * A header problem: where, and what.
 *
 * @since 0.1.0
 * @category models
 */
export interface HeaderProblem {
  readonly column: string
  readonly header: string
  readonly field: string
  readonly code: string
  readonly vi: string
  readonly en: string
}

/**
 * Maps the headers of a source to an entity's columns. Reports unknown headers (listing the accepted
 * ones), two headers for one column, and required columns that are missing (except those
 * {@link Column.requiredUnless} or {@link Column.defaultable} lets the source leave out; `defaults`
 * tells which fields the import gives a default for).
 *
 * @since 0.1.0
 * @category lookup
 */
export const matchHeaders: (
  kind: Dataset.EntityKind,
  headers: ReadonlyArray<{ readonly column: string; readonly header: string }>,
  defaults?: { readonly council?: boolean }
) => { readonly columns: ReadonlyArray<Column | undefined>; readonly problems: ReadonlyArray<HeaderProblem> } = HeaderMatch.matchHeaders

/**
 * The entity a file or sheet name stands for ("hoat-dong-2023.csv", "data/don-vi.csv", sheet "Kỳ
 * họp"), if any: the name, without its folders and extension, is or starts with one of the
 * entity's names.
 *
 * @since 0.1.0
 * @category lookup
 */
export const entityOfName: (name: string) => Dataset.EntityKind | undefined = HeaderMatch.entityOfName

/**
 * The entity whose columns the headers fit: every header known and every required column present.
 * Fails with the candidates when none or several fit.
 *
 * @since 0.1.0
 * @category lookup
 */
export const entityOfHeaders: (
  headers: ReadonlyArray<string>,
  defaults?: { readonly council?: boolean }
) => Result.Result<Dataset.EntityKind, ReadonlyArray<Dataset.EntityKind>> = HeaderMatch.entityOfHeaders
