/**
 * A number as plain digits a spreadsheet reads as a number: "1044", "-3", "1234567.5",
 * "9007199254740991", never an exponent ("1e+21" → "1000000000000000000000", "1e-7" → "0.0000001")
 * and never "-0". Every digit of the shortest form that reads back as the same number is kept.
 */
export const plainNumber = (n: number): string => {
  if (n === 0) return "0"
  const s = String(Math.abs(n))
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)
  let body = s
  if (m !== null) {
    const digits = `${m[1] ?? ""}${m[2] ?? ""}`
    const point = 1 + Number(m[3])
    body =
      point <= 0
        ? `0.${"0".repeat(-point)}${digits}`
        : point >= digits.length
          ? `${digits}${"0".repeat(point - digits.length)}`
          : `${digits.slice(0, point)}.${digits.slice(point)}`
  }
  return n < 0 ? `-${body}` : body
}
