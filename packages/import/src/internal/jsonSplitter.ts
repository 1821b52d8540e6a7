/**
 * An incremental splitter for the two JSON shapes the importer reads: a top-level array of records
 * (`[ {...}, {...} ]`) and a batch object of arrays (`{ "units": [...], "activities": [...] }`). Text
 * goes in chunk by chunk; each array element comes out as its own JSON text with the line it starts
 * on, to be parsed on its own, so memory holds one element at a time.
 */

/** What the splitter found. */
export type SplitEvent =
  | { readonly _tag: "Element"; readonly key: string | undefined; readonly line: number; readonly text: string }
  | { readonly _tag: "NotArray"; readonly key: string; readonly line: number }
  | { readonly _tag: "TooLong"; readonly key: string | undefined; readonly line: number }
  | { readonly _tag: "Error"; readonly line: number; readonly code: string; readonly vi: string; readonly en: string }

const WS = new Set([0x20, 0x09, 0x0a, 0x0d])

type Mode =
  | "top"
  | "key"
  | "keyString"
  | "colon"
  | "value"
  | "afterValue"
  | "array"
  | "afterElement"
  | "element"
  | "end"
  | "failed"

/** The splitter. `push` and `end` return the events that became complete. */
export class JsonSplitter {
  private mode: Mode = "top"
  private container: "array" | "object" | undefined
  private line = 1
  private prevCr = false
  private key: string | undefined
  private inArray = false
  private buf = ""
  private elementLine = 1
  private depth = 0
  private inString = false
  private escape = false
  private scalar = false
  /** The element being read is longer than the limit: it is skipped (its structure still followed), not kept. */
  private tooLong = false

  constructor(private readonly maxElementLength: number) {}

  private fail(out: Array<SplitEvent>, code: string, vi: string, en: string): void {
    out.push({ _tag: "Error", line: this.line, code, vi, en })
    this.mode = "failed"
  }

  private unexpected(out: Array<SplitEvent>, ch: string, expectedVi: string, expectedEn: string): void {
    this.fail(out, "json.syntax", `JSON không hợp lệ: gặp ${JSON.stringify(ch)} trong khi cần ${expectedVi}`, `invalid JSON: found ${JSON.stringify(ch)} where ${expectedEn} was expected`)
  }

  /** Adds `s[from, to)` to the element or key being read, unless it is being skipped. */
  private append(s: string, from: number, to?: number): void {
    if (from < 0 || (this.mode === "element" && this.tooLong)) return
    this.buf += s.slice(from, to)
    if (this.mode === "element" && this.buf.length > this.maxElementLength) {
      this.tooLong = true
      this.buf = ""
    }
  }

  private emitElement(out: Array<SplitEvent>): void {
    out.push(this.tooLong
      ? { _tag: "TooLong", key: this.key, line: this.elementLine }
      : this.inArray || this.key === undefined
      ? { _tag: "Element", key: this.key, line: this.elementLine, text: this.buf }
      : { _tag: "NotArray", key: this.key, line: this.elementLine })
    this.tooLong = false
    this.buf = ""
    this.mode = this.inArray ? "afterElement" : "afterValue"
  }

  push(s: string): Array<SplitEvent> {
    const out: Array<SplitEvent> = []
    // An element or key that began in an earlier chunk goes on at the start of this one.
    let seg = this.mode === "element" || this.mode === "keyString" ? 0 : -1
    const n = s.length
    for (let i = 0; i < n && this.mode !== "failed"; i++) {
      const c = s.charCodeAt(i)
      const ch = s[i] as string
      if (c === 0x0d) this.line++
      else if (c === 0x0a && !this.prevCr) this.line++
      this.prevCr = c === 0x0d
      switch (this.mode as Mode) {
        case "top":
          if (WS.has(c) || c === 0xfeff) break
          if (ch === "[") {
            this.container = "array"
            this.inArray = true
            this.mode = "array"
          } else if (ch === "{") {
            this.container = "object"
            this.mode = "key"
          } else this.unexpected(out, ch, "một mảng [...] hoặc một đối tượng {...} ở đầu tệp", "an array [...] or an object {...} at the start of the file")
          break
        case "key":
          if (WS.has(c) || ch === ",") break
          if (ch === '"') {
            this.mode = "keyString"
            this.buf = ""
            seg = i + 1
          } else if (ch === "}") this.mode = "end"
          else this.unexpected(out, ch, "tên khoá trong dấu nháy kép", "a quoted key")
          break
        case "keyString":
          if (this.escape) this.escape = false
          else if (ch === "\\") this.escape = true
          else if (ch === '"') {
            this.append(s, seg, i)
            seg = -1
            try {
              this.key = JSON.parse(`"${this.buf}"`) as string
            } catch {
              this.key = this.buf
            }
            this.buf = ""
            this.mode = "colon"
          }
          break
        case "colon":
          if (WS.has(c)) break
          if (ch === ":") this.mode = "value"
          else this.unexpected(out, ch, "dấu hai chấm sau tên khoá", "a colon after the key")
          break
        case "value":
          if (WS.has(c)) break
          if (ch === "[") {
            this.inArray = true
            this.mode = "array"
          } else {
            this.inArray = false
            this.startElement(ch)
            seg = i
          }
          break
        case "afterValue":
          this.afterValue(out, c, ch)
          break
        case "afterElement":
          this.afterElement(out, c, ch)
          break
        case "array":
          if (WS.has(c)) break
          if (ch === "]") {
            this.inArray = false
            this.mode = this.container === "array" ? "end" : "afterValue"
          } else if (ch === ",") this.unexpected(out, ch, "một phần tử của mảng", "an array element")
          else {
            this.startElement(ch)
            seg = i
          }
          break
        case "element":
          if (this.scalar && !this.inString) {
            if (WS.has(c) || ch === "," || ch === "]" || ch === "}") {
              this.append(s, seg, i)
              seg = -1
              this.emitElement(out)
              if ((this.mode as Mode) === "afterElement") this.afterElement(out, c, ch)
              else this.afterValue(out, c, ch)
              break
            }
            if (ch === '"') this.inString = true
            break
          }
          if (this.inString) {
            if (this.escape) this.escape = false
            else if (ch === "\\") this.escape = true
            else if (ch === '"') {
              this.inString = false
              if (this.scalar) {
                this.append(s, seg, i + 1)
                seg = -1
                this.emitElement(out)
              }
            }
            break
          }
          if (ch === '"') this.inString = true
          else if (ch === "{" || ch === "[") this.depth++
          else if (ch === "}" || ch === "]") {
            this.depth--
            if (this.depth === 0) {
              this.append(s, seg, i + 1)
              seg = -1
              this.emitElement(out)
            }
          }
          break
        case "end":
          if (!WS.has(c)) this.unexpected(out, ch, "hết tệp", "the end of the file")
          break
        case "failed":
          break
      }
    }
    if (seg >= 0 && (this.mode === "element" || this.mode === "keyString")) this.append(s, seg)
    if (this.mode === "keyString" && this.buf.length > this.maxElementLength) {
      this.fail(out, "json.key-too-long", "một tên khoá quá dài (thường do thiếu dấu nháy đóng)", "a key is too long (usually a missing closing quote)")
    }
    return out
  }

  private afterValue(out: Array<SplitEvent>, c: number, ch: string): void {
    if (WS.has(c)) return
    if (ch === ",") this.mode = "key"
    else if (ch === "}") this.mode = "end"
    else this.unexpected(out, ch, "dấu phẩy hoặc }", "a comma or }")
  }

  private afterElement(out: Array<SplitEvent>, c: number, ch: string): void {
    if (WS.has(c)) return
    if (ch === ",") this.mode = "array"
    else if (ch === "]") {
      this.inArray = false
      this.mode = this.container === "array" ? "end" : "afterValue"
    } else this.unexpected(out, ch, "dấu phẩy hoặc ]", "a comma or ]")
  }

  private startElement(ch: string): void {
    this.mode = "element"
    this.elementLine = this.line
    this.buf = ""
    this.inString = false
    this.escape = false
    this.tooLong = false
    if (ch === "{" || ch === "[") {
      this.depth = 1
      this.scalar = false
    } else {
      this.depth = 0
      this.scalar = true
      this.inString = ch === '"'
    }
  }

  end(): Array<SplitEvent> {
    const out: Array<SplitEvent> = []
    if (this.mode === "element" && this.scalar && !this.inString) this.emitElement(out)
    if (this.mode === "end" || this.mode === "failed") return out
    if (this.mode === "top") {
      this.fail(out, "file.empty", "tệp trống, không có dữ liệu JSON", "the file is empty: it has no JSON data")
      return out
    }
    this.fail(out, "json.truncated", "tệp JSON kết thúc giữa chừng (thiếu dấu đóng ] hoặc })", "the JSON file ends too early (a closing ] or } is missing)")
    return out
  }
}
