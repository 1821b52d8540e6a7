/**
 * The headers of a rejects file's error columns, apart from `Rejects` so that the header matching
 * (which ignores them) and the rejects writer (which uses the header matching) do not import each
 * other.
 */

/** The header of the Vietnamese problems column (the first error column). */
export const PROBLEMS_HEADER = "Lỗi / Problems"

/** The error columns, in order: problems (Vietnamese), problems (English), source file, source row, problem columns. */
export const ERROR_HEADERS: ReadonlyArray<string> = [
  PROBLEMS_HEADER,
  "Lỗi (tiếng Anh) / Problems (English)",
  "Tệp gốc / Source file",
  "Dòng gốc / Source row",
  "Cột lỗi / Problem columns"
]
