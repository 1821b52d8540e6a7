/**
 * A one-sheet workbook around a worksheet's XML (or its bytes), for tests that need an unusual sheet:
 * a zip bomb, a very wide or long one.
 */
import { zipParts } from "./zip.js"

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
const P = "http://schemas.openxmlformats.org/package/2006/relationships"

/** A workbook whose only sheet, "Sheet1", is `sheet` (XML text or its bytes). */
export const oneSheetBook = (sheet: string | Uint8Array, sharedStrings?: string): Uint8Array =>
  zipParts([
    ["_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="${P}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ["xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="${P}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings === undefined ? "" : `<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`}</Relationships>`
    ],
    ["xl/worksheets/sheet1.xml", sheet],
    ...(sharedStrings === undefined ? [] : [["xl/sharedStrings.xml", sharedStrings] as const])
  ])

/** The XML of a worksheet with these rows (`<row>` elements). */
export const sheetXml = (rows: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`

/** An inline-string cell. */
export const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`
