/**
 * The XML of a package part as events, parsed as a stream with saxes. Bytes become text through a
 * streaming `TextDecoder` (`decode(chunk, { stream: true })`), which keeps a character whose bytes are
 * split between two chunks whole: decoding each chunk on its own turns such a character into "�"
 * (the defect exceljs's reader had). Invalid UTF-8 is an error, never silently replaced.
 */
import { TextDecoder } from "node:util"
import { SaxesParser } from "saxes"
import { XlsxLimitError, XlsxPartError } from "./errors.js"
import type { PartSource } from "./zip.js"

/** What the parser reports: element names without their namespace prefix (`x:c` is `c`). */
export interface XmlHandler {
  readonly open: (name: string, attributes: Readonly<Record<string, string>>) => void
  readonly text: (text: string) => void
  readonly close: (name: string) => void
}

/** The local part of a qualified name. */
export const localName = (name: string): string => {
  const colon = name.indexOf(":")
  return colon < 0 ? name : name.slice(colon + 1)
}

/** The value of an attribute given by its local name, whatever its prefix (`r:id`, `ns2:id`). */
export const attribute = (attributes: Readonly<Record<string, string>>, local: string): string | undefined => {
  const plain = attributes[local]
  if (plain !== undefined) return plain
  for (const key in attributes) if (localName(key) === local) return attributes[key]
  return undefined
}

/** The decoder for a part, from its byte order mark: XML parts are UTF-8, or UTF-16 with a BOM. */
const decoderFor = (head: Uint8Array): TextDecoder =>
  new TextDecoder(head[0] === 0xff && head[1] === 0xfe ? "utf-16le" : head[0] === 0xfe && head[1] === 0xff ? "utf-16be" : "utf-8", { fatal: true })

/**
 * Where the XML went wrong, not the parser's own (English, technical) words: saxes starts its messages
 * with "line:column:"; a decoder error is bad bytes.
 */
const xmlDetail = (e: unknown): string => {
  const m = /^(\d+):(\d+):/.exec(e instanceof Error ? e.message : String(e))
  return m === null ? "" : `${m[1]}:${m[2]}`
}

/**
 * Feeds the bytes of a part to `handler`, chunk by chunk. Yields after every chunk, so that a caller
 * can hand on what the handler gathered before more is read; throws an `XlsxPartError` for XML that
 * is not well-formed or text that is not valid UTF-8/UTF-16.
 */
export async function* parseXml(source: PartSource, handler: XmlHandler): AsyncGenerator<void, void, undefined> {
  const { bytes, part, split } = source
  const parser = new SaxesParser<{ readonly xmlns: false; readonly position: false }>({ xmlns: false, position: false })
  parser.on("opentag", (tag) => handler.open(localName(tag.name), tag.attributes))
  parser.on("closetag", (tag) => handler.close(localName(tag.name)))
  parser.on("text", handler.text)
  parser.on("cdata", handler.text)
  let decoder: TextDecoder | undefined
  let head: Uint8Array | undefined
  const write = (text: string) => {
    if (text === "") return
    try {
      parser.write(text)
    } catch (e) {
      throw e instanceof XlsxPartError || e instanceof XlsxLimitError ? e : new XlsxPartError(part, "xml", xmlDetail(e))
    }
  }
  const decode = (chunk: Uint8Array | undefined): string => {
    try {
      return decoder === undefined ? "" : chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true })
    } catch (e) {
      throw new XlsxPartError(part, "xml", "encoding")
    }
  }
  const feed = (chunk: Uint8Array) => {
    if (decoder === undefined) {
      // The byte order mark needs two bytes, which the first chunk may not have.
      const start: Uint8Array = head === undefined ? chunk : Buffer.concat([head, chunk])
      if (start.length < 2) {
        head = start
        return
      }
      head = undefined
      decoder = decoderFor(start)
      write(decode(start))
    } else write(decode(chunk))
  }
  let piece = 0
  for await (const chunk of bytes) {
    if (split === undefined) feed(chunk)
    else {
      for (let at = 0; at < chunk.length; ) {
        const n = Math.max(1, split[piece++ % split.length] ?? 1)
        feed(chunk.subarray(at, at + n))
        at += n
      }
    }
    yield
  }
  if (decoder === undefined && head !== undefined) {
    decoder = decoderFor(head)
    write(decode(head))
  }
  write(decode(undefined))
  try {
    parser.close()
  } catch (e) {
    throw e instanceof XlsxPartError || e instanceof XlsxLimitError ? e : new XlsxPartError(part, "xml", xmlDetail(e))
  }
  yield
}

/** Reads a whole (small) part through `handler`. */
export const parsePart = async (source: PartSource, handler: XmlHandler): Promise<void> => {
  for await (const _ of parseXml(source, handler)) {
    // the handler keeps what it needs
  }
}

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g

/**
 * Undoes the `_xHHHH_` escapes of OOXML strings (ST_Xstring), with which Excel writes characters XML
 * cannot hold, such as a carriage return (`_x000D_`); `_x005F_` is a literal underscore.
 */
export const unescapeXstring = (s: string): string =>
  s.includes("_x") ? s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : s
