/**
 * An incremental CSV tokenizer (RFC 4180, tolerant where Excel is): text goes in chunk by chunk,
 * records come out with the line they start on. Line breaks are CRLF, LF or a lone CR, mixed freely;
 * quoted fields may hold delimiters, line breaks and doubled quotes; a quote inside an unquoted
 * field is kept as a character. Text after a closing quote marks the record as bad (and is kept);
 * an unclosed quote or an over-long record is fatal.
 */

/** A record and where it starts. `badQuote` is the field index with text after its closing quote. */
export interface RawRecord {
  readonly line: number
  readonly fields: ReadonlyArray<string>
  readonly badQuote?: number
}

/** A fatal tokenizer error. */
export interface RawFatal {
  readonly fatal: "unclosed-quote" | "record-too-long"
  /** The line the record (or the open quote) starts on. */
  readonly line: number
  /** The index of the field being read. */
  readonly field: number
}

const QUOTE = 0x22
const CR = 0x0d
const LF = 0x0a

const State = { FieldStart: 0, Unquoted: 1, Quoted: 2, QuoteSeen: 3 } as const
type State = (typeof State)[keyof typeof State]

/** The tokenizer. `push` and `end` return what became complete. */
export class CsvTokenizer {
  private state: State = State.FieldStart
  private line = 1
  private recordLine = 1
  private quoteLine = 1
  private fields: Array<string> = []
  private field = ""
  private size = 0
  private skipLf = false
  private prevCr = false
  private badQuote: number | undefined = undefined
  private failed = false
  private readonly delim: number

  constructor(delimiter: string, private readonly maxRecordLength: number) {
    this.delim = delimiter.charCodeAt(0)
  }

  private endField(): void {
    this.size += this.field.length
    this.fields.push(this.field)
    this.field = ""
  }

  private endRecord(out: Array<RawRecord>): void {
    this.endField()
    out.push(this.badQuote === undefined ? { line: this.recordLine, fields: this.fields } : { line: this.recordLine, fields: this.fields, badQuote: this.badQuote })
    this.fields = []
    this.size = 0
    this.badQuote = undefined
    this.state = State.FieldStart
  }

  private tooLong(): RawFatal | undefined {
    if (this.size + this.field.length <= this.maxRecordLength) return undefined
    this.failed = true
    return { fatal: "record-too-long", line: this.state === State.Quoted ? this.quoteLine : this.recordLine, field: this.fields.length }
  }

  push(s: string): { readonly records: Array<RawRecord>; readonly fatal?: RawFatal } {
    const out: Array<RawRecord> = []
    if (this.failed) return { records: out }
    const d = this.delim
    const n = s.length
    let seg = 0
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i)
      if (this.skipLf) {
        this.skipLf = false
        if (c === LF) {
          seg = i + 1
          continue
        }
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted
            this.quoteLine = this.line
            this.prevCr = false
            seg = i + 1
          } else if (c === d) {
            this.endField()
          } else if (c === CR || c === LF) {
            this.endRecord(out)
            this.line++
            this.recordLine = this.line
            this.skipLf = c === CR
          } else {
            this.state = State.Unquoted
            seg = i
          }
          break
        case State.Unquoted:
          if (c === d) {
            this.field += s.slice(seg, i)
            this.endField()
            this.state = State.FieldStart
          } else if (c === CR || c === LF) {
            this.field += s.slice(seg, i)
            this.endRecord(out)
            this.line++
            this.recordLine = this.line
            this.skipLf = c === CR
          }
          break
        case State.Quoted:
          if (c === QUOTE) {
            this.field += s.slice(seg, i)
            this.state = State.QuoteSeen
          } else if (c === CR) {
            this.line++
            this.prevCr = true
          } else if (c === LF) {
            if (!this.prevCr) this.line++
            this.prevCr = false
          } else {
            this.prevCr = false
          }
          break
        case State.QuoteSeen:
          if (c === QUOTE) {
            this.field += '"'
            this.state = State.Quoted
            this.prevCr = false
            seg = i + 1
          } else if (c === d) {
            this.endField()
            this.state = State.FieldStart
          } else if (c === CR || c === LF) {
            this.endRecord(out)
            this.line++
            this.recordLine = this.line
            this.skipLf = c === CR
          } else {
            if (this.badQuote === undefined) this.badQuote = this.fields.length
            this.state = State.Unquoted
            seg = i
          }
          break
      }
    }
    if (this.state === State.Unquoted || this.state === State.Quoted) this.field += s.slice(seg)
    const fatal = this.tooLong()
    return fatal === undefined ? { records: out } : { records: out, fatal }
  }

  end(): { readonly records: Array<RawRecord>; readonly fatal?: RawFatal } {
    const out: Array<RawRecord> = []
    if (this.failed) return { records: out }
    if (this.state === State.Quoted) {
      this.failed = true
      return { records: out, fatal: { fatal: "unclosed-quote", line: this.quoteLine, field: this.fields.length } }
    }
    if (this.state !== State.FieldStart || this.fields.length > 0) this.endRecord(out)
    return { records: out }
  }
}

/**
 * The delimiter of a header line: whichever of `,`, `;` and tab occurs most often outside quotes
 * before the first line break (a comma when none does). `undefined` when `text` has no line break
 * outside quotes yet and more text may follow.
 */
export const detectDelimiter = (text: string, complete: boolean): "," | ";" | "\t" | undefined => {
  let quoted = false
  const counts = { ",": 0, ";": 0, "\t": 0 }
  let ended = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      // Skip blank lines before the header.
      if (counts[","] + counts[";"] + counts["\t"] === 0 && text.slice(0, i).trim() === "") continue
      ended = true
      break
    } else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++
  }
  if (!ended && !complete) return undefined
  const best = ([";", "\t"] as const).reduce<"," | ";" | "\t">((b, k) => (counts[k] > counts[b] ? k : b), ",")
  return best
}
