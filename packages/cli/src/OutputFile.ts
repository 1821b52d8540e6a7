/**
 * Writing the files a command produces (`--output`/`-o`, `--rejects`, `programme draft --out`):
 * a path that cannot be written is a usage error that names the option, the path and the reason,
 * in Vietnamese and English (exit 1), found before the work starts where possible; and a finished
 * file is written atomically — to a temporary file in the same folder, then renamed over the
 * target — so that a command killed or failing half-way never leaves a half-written report in place
 * of the previous one. A run killed while writing cannot remove its temporary file; the next write
 * to the same target removes such leftovers of processes that are no longer running.
 *
 * @since 0.2.0
 */
import * as fs from "node:fs"
import * as path from "node:path"
import * as Effect from "effect/Effect"
import { UsageError } from "./Failure.js"

/** Why a file-system call failed, from its error code, in both languages. */
const reason = (e: unknown): { readonly vi: string; readonly en: string } => {
  const code = String((e as { code?: unknown } | undefined)?.code ?? "")
  switch (code) {
    case "EACCES":
    case "EPERM":
      return { vi: "không có quyền ghi (EACCES)", en: "permission denied (EACCES)" }
    case "EROFS":
      return { vi: "ổ đĩa chỉ cho đọc (EROFS)", en: "read-only file system (EROFS)" }
    case "ENOENT":
      return { vi: "thư mục chứa tệp không tồn tại (ENOENT)", en: "its folder does not exist (ENOENT)" }
    case "ENOTDIR":
      return { vi: "một phần của đường dẫn không phải thư mục (ENOTDIR)", en: "part of the path is not a folder (ENOTDIR)" }
    case "EISDIR":
      return { vi: "đó là một thư mục (EISDIR)", en: "it is a folder (EISDIR)" }
    case "ENOSPC":
      return { vi: "đĩa đã đầy (ENOSPC)", en: "the disk is full (ENOSPC)" }
    default: {
      const m = String((e as { message?: unknown } | undefined)?.message ?? e)
      return { vi: m, en: m }
    }
  }
}

/**
 * The usage error for an output path that cannot be written: `--rejects: không ghi được tệp "x":
 * không có quyền ghi (EACCES); hãy chọn …`.
 *
 * @since 0.2.0
 * @category errors
 */
export const unwritable = (option: string, file: string, cause: unknown): UsageError => {
  const r = reason(cause)
  return new UsageError({
    vi: `${option}: không ghi được tệp "${file}": ${r.vi}; hãy chọn một đường dẫn trong thư mục có quyền ghi`,
    en: `${option}: cannot write "${file}": ${r.en}; choose a path in a folder you can write to`
  })
}

/**
 * Checks, before the work starts, that `file` can be written: its folder exists and is writable,
 * and the file, if it exists, is a writable file. Nothing is created.
 *
 * @since 0.2.0
 * @category checks
 */
export const checkWritable = (option: string, file: string): Effect.Effect<void, UsageError> =>
  Effect.try({
    try: () => {
      const dir = path.dirname(path.resolve(file))
      if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" })
      fs.accessSync(dir, fs.constants.W_OK)
      const existing = fs.statSync(file, { throwIfNoEntry: false })
      if (existing !== undefined) {
        if (existing.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" })
        fs.accessSync(file, fs.constants.W_OK)
      }
    },
    catch: (e) => unwritable(option, file, e)
  })

/** Whether a killed process has not yet been reaped (a zombie, on Linux): it no longer runs. */
const zombie = (pid: number): boolean => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z"
  } catch {
    return false
  }
}

/** Whether a process with this id is running (one of another user counts as running). */
const alive = (pid: number): boolean => {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return !zombie(pid)
  } catch (e) {
    return (e as { code?: unknown }).code === "EPERM"
  }
}

/**
 * Removes the temporary files that {@link writeAtomic} left beside `file` in runs that were killed
 * while writing (`.NAME.PID.STAMP.tmp` of a process that is no longer running). A process killed
 * with SIGKILL, or by the kernel, cannot remove its own; the next write does. Best effort: a file
 * that cannot be removed is left.
 *
 * @since 0.2.0
 * @category writing
 */
export const removeStale = (file: string): void => {
  const dir = path.dirname(path.resolve(file))
  const prefix = `.${path.basename(file)}.`
  let names: ReadonlyArray<string>
  try {
    names = fs.readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue
    const match = /^(\d+)\.[0-9a-z]+\.tmp$/.exec(name.slice(prefix.length))
    if (match === null || alive(Number(match[1]))) continue
    try {
      fs.rmSync(path.join(dir, name), { force: true })
    } catch {
      // Not ours to remove (another user's folder entry): left as it is.
    }
  }
}

/**
 * Writes `data` to `file` atomically: into a temporary file next to it (same folder, so the rename
 * cannot cross file systems), flushed to disk, then renamed over `file`. On any failure the
 * temporary file is removed and `file` is left as it was; the failure is a located usage error.
 *
 * @since 0.2.0
 * @category writing
 */
export const writeAtomic = (option: string, file: string, data: string | Uint8Array): Effect.Effect<void, UsageError> =>
  Effect.try({
    try: () => {
      const temporary = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`)
      removeStale(file)
      try {
        const fd = fs.openSync(temporary, "wx")
        try {
          fs.writeFileSync(fd, data)
          fs.fsyncSync(fd)
        } finally {
          fs.closeSync(fd)
        }
        fs.renameSync(temporary, file)
      } catch (e) {
        fs.rmSync(temporary, { force: true })
        throw e
      }
    },
    catch: (e) => unwritable(option, file, e)
  })
