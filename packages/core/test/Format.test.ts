import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { date, isCalendarDate, period, type CalendarDate, type Period } from "../src/CalendarDate.js"
import {
  formatCount,
  formatDateLong,
  formatDateShort,
  formatDocumentNumber,
  formatMonthYear,
  formatMonthYearLong,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatPeriodEn,
  formatPlaceDate,
  formatTermYears,
  fromRoman,
  ordinalWordVi,
  parseDocumentRef,
  parseVietnameseDate,
  parseVietnameseNumber,
  toRoman
} from "../src/Format.js"

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const MIN_DATE = new Date(Date.UTC(1900, 0, 1))
const MAX_DATE = new Date(Date.UTC(2999, 11, 31))

/** Every valid calendar date 1900–2999, via `fc.date` converted to `YYYY-MM-DD` in UTC. */
const calendarDate: fc.Arbitrary<CalendarDate> = fc
  .date({ min: MIN_DATE, max: MAX_DATE, noInvalidDate: true })
  .filter((d) => !Number.isNaN(d.getTime()))
  .map((d) => d.toISOString().slice(0, 10))
  .filter(isCalendarDate)
  .map((s) => s as CalendarDate)

/** Dates biased towards month and year boundaries, so every period shape is reached. */
const boundaryDate: fc.Arbitrary<CalendarDate> = fc
  .record({
    year: fc.integer({ min: 1900, max: 2999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.constantFrom(1, 2, 15, 28, 29, 30, 31)
  })
  .map(({ day, month, year }) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`)
  .filter(isCalendarDate)
  .map((s) => s as CalendarDate)

const anyPeriod: fc.Arbitrary<Period> = fc
  .tuple(fc.oneof(calendarDate, boundaryDate), fc.oneof(calendarDate, boundaryDate))
  .map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }))

/** Strings made of the pieces the parsers look for, to reach their deeper branches. */
const parserNoise: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom("0", "1", "9", "12", "2023", "1.044", ".", ",", "-", "/", " ", "ngày", "tháng", "năm", "Số:", "\u2212", "é"),
    { maxLength: 12 }
  )
  .map((parts) => parts.join(""))

const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }), // fast-check 4's replacement for fc.fullUnicodeString()
  fc.string({ unit: "grapheme" }),
  parserNoise
)

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

describe("formatNumber", () => {
  it("groups thousands with a dot, including four-digit numbers", () => {
    expect(formatNumber(1044)).toBe("1.044")
    expect(formatNumber(1234567)).toBe("1.234.567")
    expect(formatNumber(1248415)).toBe("1.248.415")
    expect(formatNumber(999)).toBe("999")
    expect(formatNumber(0)).toBe("0")
  })

  it("uses a comma as the decimal sign", () => {
    expect(formatNumber(14.5)).toBe("14,5")
    expect(formatNumber(14125.24)).toBe("14.125,24")
    expect(formatNumber(1234567.891)).toBe("1.234.567,891")
  })

  it("writes exactly `decimals` fraction digits when asked", () => {
    expect(formatNumber(14125.24, { decimals: 2 })).toBe("14.125,24")
    expect(formatNumber(14.5, { decimals: 2 })).toBe("14,50")
    expect(formatNumber(14.5, { decimals: 0 })).toBe("15")
    expect(formatNumber(1044, { decimals: 1 })).toBe("1.044,0")
  })

  it("prints negatives with a minus sign and never a negative zero", () => {
    expect(formatNumber(-1044)).toBe("-1.044")
    expect(formatNumber(-14125.24)).toBe("-14.125,24")
    expect(formatNumber(-0)).toBe("0")
    expect(formatNumber(-0.001, { decimals: 2 })).toBe("0,00")
  })

  it("groups large numbers exactly", () => {
    expect(formatNumber(1e15)).toBe("1.000.000.000.000.000")
    expect(formatNumber(Number.MAX_SAFE_INTEGER)).toBe("9.007.199.254.740.991")
    expect(formatNumber(1e15 + 0.5, { decimals: 2 })).toBe("1.000.000.000.000.000,50")
  })

  it("pads small counts to two digits only when asked", () => {
    expect(formatNumber(9, { padSmallCounts: true })).toBe("09")
    expect(formatNumber(0, { padSmallCounts: true })).toBe("00")
    expect(formatNumber(10, { padSmallCounts: true })).toBe("10")
    expect(formatNumber(9)).toBe("9")
    expect(formatNumber(-9, { padSmallCounts: true })).toBe("-9")
    expect(formatNumber(9.5, { padSmallCounts: true })).toBe("9,5")
    expect(formatNumber(9, { padSmallCounts: true, decimals: 1 })).toBe("9,0")
    expect(formatNumber(9.4, { padSmallCounts: true, decimals: 0 })).toBe("09")
    expect(formatNumber(9.6, { padSmallCounts: true, decimals: 0 })).toBe("10")
  })

  it("rejects an impossible number of decimals", () => {
    expect(() => formatNumber(1, { decimals: -1 })).toThrow(RangeError)
    expect(() => formatNumber(1, { decimals: 1.5 })).toThrow(RangeError)
    expect(() => formatNumber(1, { decimals: 21 })).toThrow(RangeError)
  })

  it("round-trips every safe integer in [0, 1e12] through parseVietnameseNumber", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(parseVietnameseNumber(formatNumber(n))).toBe(n)
        expect(parseVietnameseNumber(formatNumber(n, { padSmallCounts: true }))).toBe(n)
      })
    )
  })

  it("round-trips every safe integer, negative ones included", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseVietnameseNumber(formatNumber(n))).toBe(n === 0 ? 0 : n)
      })
    )
  })

  it("round-trips every number with two decimals, with and without fixed decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), (cents) => {
        const x = cents / 100
        const expected = x === 0 ? 0 : x
        expect(parseVietnameseNumber(formatNumber(x))).toBe(expected)
        expect(parseVietnameseNumber(formatNumber(x, { decimals: 2 }))).toBe(expected)
      })
    )
  })

  it("writes the shortest form by default, however small or large", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0,30000000000000004")
    expect(formatNumber(1e-7)).toBe("0,0000001")
    expect(formatNumber(-1.5e-25)).toBe("-0,00000000000000000000000015")
    expect(formatNumber(1e21)).toBe("1.000.000.000.000.000.000.000")
    expect(formatNumber(1.5e22)).toBe("15.000.000.000.000.000.000.000")
  })

  it("rounds fixed decimals on the decimal form, as Intl does", () => {
    expect(formatNumber(1.005, { decimals: 2 })).toBe("1,01")
    expect(formatNumber(2.675, { decimals: 2 })).toBe("2,68")
    expect(formatNumber(0.125, { decimals: 2 })).toBe("0,13")
  })

  it("writes non-finite numbers as Intl does", () => {
    expect(formatNumber(Number.NaN)).toBe("NaN")
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe("∞")
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe("-∞")
  })

  it("round-trips every finite double (shortest representation)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parseVietnameseNumber(formatNumber(x))).toBe(x === 0 ? 0 : x)
      })
    )
  })

  it("agrees with Intl.NumberFormat('vi-VN') wherever Intl can show every digit", () => {
    const intl = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 20 })
    fc.assert(
      fc.property(fc.double({ min: -1e25, max: 1e25, noNaN: true }), (x) => {
        const expected = intl.format(x === 0 ? 0 : x)
        // Intl stops at 20 fraction digits; compare only where that loses nothing.
        fc.pre(Number(expected.replaceAll(".", "").replace(",", ".")) === x)
        expect(formatNumber(x)).toBe(expected)
      })
    )
  })

  it("padSmallCounts changes exactly the integers 0–9, by one leading zero", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -20, max: 20 }),
          fc.integer(),
          fc.double({ min: -20, max: 20, noNaN: true }),
          fc.double({ noNaN: true })
        ),
        (n) => {
          const plain = formatNumber(n)
          const padded = formatNumber(n, { padSmallCounts: true })
          const small = Number.isInteger(n) && n >= 0 && n <= 9
          if (small) expect(padded).toBe(`0${plain}`)
          else expect(padded).toBe(plain)
        }
      )
    )
  })
})

describe("formatPercent", () => {
  it("writes a ratio as a percentage with two decimals by default", () => {
    expect(formatPercent(0.8965)).toBe("89,65%")
    expect(formatPercent(0.5)).toBe("50,00%")
    expect(formatPercent(1)).toBe("100,00%")
    expect(formatPercent(12.345)).toBe("1.234,50%")
  })

  it("honours the number of decimals", () => {
    expect(formatPercent(0.8965, 1)).toBe("89,7%")
    expect(formatPercent(0.8965, 0)).toBe("90%")
    expect(formatPercent(-0.25, 0)).toBe("-25%")
    expect(formatPercent(-0.000001)).toBe("0,00%")
    expect(formatPercent(-0)).toBe("0,00%")
  })
})

describe("formatCount", () => {
  it("puts the qualifier word before the number", () => {
    expect(formatCount(1044, "over")).toBe("hơn 1.044")
    expect(formatCount(1044, "nearly")).toBe("gần 1.044")
    expect(formatCount(1044, "about")).toBe("khoảng 1.044")
    expect(formatCount(1044, "exact")).toBe("1.044")
    expect(formatCount(1044)).toBe("1.044")
  })

  it("passes the number options on", () => {
    expect(formatCount(9, "exact", { padSmallCounts: true })).toBe("09")
    expect(formatCount(9, "over", { padSmallCounts: true })).toBe("hơn 09")
    expect(formatCount(2.5, "about", { decimals: 2 })).toBe("khoảng 2,50")
  })
})

describe("parseVietnameseNumber", () => {
  it("reads the Vietnamese forms", () => {
    expect(parseVietnameseNumber("1.044")).toBe(1044)
    expect(parseVietnameseNumber("09")).toBe(9)
    expect(parseVietnameseNumber("14,5")).toBe(14.5)
    expect(parseVietnameseNumber("1.234.567,89")).toBe(1234567.89)
    expect(parseVietnameseNumber("14.125,24")).toBe(14125.24)
    expect(parseVietnameseNumber("1044")).toBe(1044)
    expect(parseVietnameseNumber(" 1.044 ")).toBe(1044)
    expect(parseVietnameseNumber("-1.044")).toBe(-1044)
    expect(parseVietnameseNumber("\u22121.044")).toBe(-1044)
    expect(parseVietnameseNumber("0")).toBe(0)
    expect(Object.is(parseVietnameseNumber("-0"), 0)).toBe(true)
  })

  it("rejects ambiguous or malformed input", () => {
    for (const s of [
      "",
      " ",
      "1.5",
      "1.04",
      "1.0444",
      "0.044",
      "1,044.5",
      "1.044.5",
      "1.044,5,6",
      ",5",
      "5,",
      "1..044",
      ".044",
      "1.044.",
      "abc",
      "12a",
      "+5",
      "1 044",
      "1e3",
      "NaN",
      "Infinity",
      "--1",
      "٣"
    ]) {
      expect(parseVietnameseNumber(s), s).toBeUndefined()
    }
  })

  it("rejects numbers too large to represent", () => {
    expect(parseVietnameseNumber("9".repeat(400))).toBeUndefined()
  })

  it("never throws, and returns only finite numbers", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const n = parseVietnameseNumber(s)
        expect(n === undefined || Number.isFinite(n)).toBe(true)
      })
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

describe("formatDateLong", () => {
  it("writes the official long date", () => {
    expect(formatDateLong(date("2023-10-14"))).toBe("ngày 14 tháng 10 năm 2023")
    expect(formatDateLong(date("2025-06-16"))).toBe("ngày 16 tháng 6 năm 2025")
  })

  it("applies the Decree 30 leading zeros: days 1–9, months 1 and 2 only", () => {
    expect(formatDateLong(date("2024-01-05"))).toBe("ngày 05 tháng 01 năm 2024")
    expect(formatDateLong(date("2025-02-19"))).toBe("ngày 19 tháng 02 năm 2025")
    expect(formatDateLong(date("2024-03-05"))).toBe("ngày 05 tháng 3 năm 2024")
    expect(formatDateLong(date("2024-12-09"))).toBe("ngày 09 tháng 12 năm 2024")
    expect(formatDateLong(date("2024-11-10"))).toBe("ngày 10 tháng 11 năm 2024")
  })

  it("round-trips every valid date 1900–2999 through parseVietnameseDate", () => {
    fc.assert(
      fc.property(calendarDate, (d) => {
        expect(parseVietnameseDate(formatDateLong(d))).toBe(d)
        expect(parseVietnameseDate(formatDateShort(d))).toBe(d)
        expect(parseVietnameseDate(formatPlaceDate("Sơn La", d))).toBe(d)
        expect(parseVietnameseDate(d)).toBe(d)
      })
    )
  })
})

describe("formatPlaceDate", () => {
  it("prefixes the place name", () => {
    expect(formatPlaceDate("Sơn La", date("2023-10-14"))).toBe("Sơn La, ngày 14 tháng 10 năm 2023")
    expect(formatPlaceDate("Hà Nội", date("2025-06-16"))).toBe("Hà Nội, ngày 16 tháng 6 năm 2025")
  })
})

describe("formatDateShort", () => {
  it("writes d/m/yyyy without padding", () => {
    expect(formatDateShort(date("2023-10-14"))).toBe("14/10/2023")
    expect(formatDateShort(date("2024-01-05"))).toBe("5/1/2024")
  })
})

describe("formatMonthYear / formatMonthYearLong", () => {
  it("accepts a date or a YYYY-MM month", () => {
    expect(formatMonthYear(date("2022-08-15"))).toBe("tháng 8/2022")
    expect(formatMonthYear("2022-08")).toBe("tháng 8/2022")
    expect(formatMonthYear("2024-01")).toBe("tháng 1/2024")
    expect(formatMonthYearLong(date("2022-08-15"))).toBe("tháng 8 năm 2022")
    expect(formatMonthYearLong("2022-08")).toBe("tháng 8 năm 2022")
    expect(formatMonthYearLong("2023-12")).toBe("tháng 12 năm 2023")
  })

  it("rejects a malformed month", () => {
    expect(() => formatMonthYear("2022-13")).toThrow(TypeError)
    expect(() => formatMonthYear("2022-8")).toThrow(TypeError)
    expect(() => formatMonthYearLong("2023-02-30")).toThrow(TypeError)
  })
})

describe("formatPeriod", () => {
  it("names a whole calendar year", () => {
    expect(formatPeriod(period("2023-01-01", "2023-12-31"))).toBe("năm 2023")
    expect(formatPeriod(period("2023-01-01", "2023-12-31"), "short")).toBe("năm 2023")
  })

  it("names the halves of a year", () => {
    expect(formatPeriod(period("2023-01-01", "2023-06-30"))).toBe("6 tháng đầu năm 2023")
    expect(formatPeriod(period("2023-07-01", "2023-12-31"))).toBe("6 tháng cuối năm 2023")
    expect(formatPeriod(period("2023-01-01", "2023-06-30"), "short")).toBe("6 tháng đầu năm 2023")
  })

  it("names a single whole month", () => {
    expect(formatPeriod(period("2023-08-01", "2023-08-31"))).toBe("tháng 8 năm 2023")
    expect(formatPeriod(period("2023-08-01", "2023-08-31"), "short")).toBe("tháng 8/2023")
    expect(formatPeriod(period("2024-02-01", "2024-02-29"))).toBe("tháng 2 năm 2024")
  })

  it("names a run of whole months", () => {
    const p = period("2022-08-01", "2023-08-31")
    expect(formatPeriod(p)).toBe("từ tháng 8 năm 2022 đến tháng 8 năm 2023")
    expect(formatPeriod(p, "short")).toBe("từ tháng 8/2022 đến tháng 8/2023")
    expect(formatPeriod(period("2023-07-01", "2023-09-30"))).toBe("từ tháng 7 năm 2023 đến tháng 9 năm 2023")
    expect(formatPeriod(period("2021-01-01", "2022-12-31"))).toBe("từ tháng 1 năm 2021 đến tháng 12 năm 2022")
  })

  it("falls back to the two dates", () => {
    const p = period("2024-01-05", "2024-10-14")
    expect(formatPeriod(p)).toBe("từ ngày 05 tháng 01 năm 2024 đến ngày 14 tháng 10 năm 2024")
    expect(formatPeriod(p, "short")).toBe("từ 5/1/2024 đến 14/10/2024")
    // Not quite whole months: ends one day short.
    expect(formatPeriod(period("2023-01-01", "2023-12-30"))).toBe(
      "từ ngày 01 tháng 01 năm 2023 đến ngày 30 tháng 12 năm 2023"
    )
    // February 28 is not the end of February in a leap year.
    expect(formatPeriod(period("2024-02-01", "2024-02-28"), "short")).toBe("từ 1/2/2024 đến 28/2/2024")
  })

  it("writes a single day once", () => {
    expect(formatPeriod(period("2024-01-05", "2024-01-05"))).toBe("ngày 05 tháng 01 năm 2024")
    expect(formatPeriod(period("2024-01-05", "2024-01-05"), "short")).toBe("ngày 5/1/2024")
  })

  it("never throws on a valid period, and its words give back the period", () => {
    fc.assert(
      fc.property(anyPeriod, fc.constantFrom("short" as const, "long" as const), (p, style) => {
        const text = formatPeriod(p, style)
        const en = formatPeriodEn(p)
        expect(text.length).toBeGreaterThan(0)
        expect(en.length).toBeGreaterThan(0)
        const fromYear = p.from.slice(0, 4)
        const toYear = p.to.slice(0, 4)
        expect(text).toContain(toYear)
        expect(en).toContain(fromYear)
        expect(en).toContain(toYear)
        const range = /^từ (.+) đến (.+)$/.exec(text)
        if (range !== null && !text.startsWith("từ tháng")) {
          // Day ranges read back as the same two dates.
          expect(parseVietnameseDate(range[1] ?? "")).toBe(p.from)
          expect(parseVietnameseDate(range[2] ?? "")).toBe(p.to)
        }
        if (p.from === p.to) expect(parseVietnameseDate(text)).toBe(p.from)
      })
    )
  })
})

describe("formatPeriodEn", () => {
  it("writes each shape in English", () => {
    expect(formatPeriodEn(period("2023-01-01", "2023-12-31"))).toBe("the year 2023")
    expect(formatPeriodEn(period("2023-01-01", "2023-06-30"))).toBe("the first half of 2023")
    expect(formatPeriodEn(period("2023-07-01", "2023-12-31"))).toBe("the second half of 2023")
    expect(formatPeriodEn(period("2023-08-01", "2023-08-31"))).toBe("August 2023")
    expect(formatPeriodEn(period("2022-08-01", "2023-08-31"))).toBe("from August 2022 to August 2023")
    expect(formatPeriodEn(period("2024-01-01", "2024-10-14"))).toBe("1 January 2024 to 14 October 2024")
    expect(formatPeriodEn(period("2023-10-14", "2023-10-14"))).toBe("14 October 2023")
  })
})

describe("formatTermYears", () => {
  it("uses a spaced hyphen and no grouping", () => {
    expect(formatTermYears(2021, 2026)).toBe("nhiệm kỳ 2021 - 2026")
    expect(formatTermYears(2016, 2021)).toBe("nhiệm kỳ 2016 - 2021")
  })
})

describe("parseVietnameseDate", () => {
  it("reads numeric dates", () => {
    expect(parseVietnameseDate("14/10/2023")).toBe("2023-10-14")
    expect(parseVietnameseDate("5/1/2024")).toBe("2024-01-05")
    expect(parseVietnameseDate("05/01/2024")).toBe("2024-01-05")
    expect(parseVietnameseDate("ngày 25/6/2021")).toBe("2021-06-25")
    expect(parseVietnameseDate("21.2.2023")).toBe("2023-02-21")
  })

  it("reads long dates", () => {
    expect(parseVietnameseDate("ngày 05 tháng 01 năm 2024")).toBe("2024-01-05")
    expect(parseVietnameseDate("Ngày 14 tháng 10 năm 2023")).toBe("2023-10-14")
    expect(parseVietnameseDate("Sơn La, ngày 14 tháng 10 năm 2023")).toBe("2023-10-14")
    expect(parseVietnameseDate("14 tháng 10, 2023")).toBe("2023-10-14")
    // Decomposed (NFD) text, as copied from some PDFs.
    expect(parseVietnameseDate("ngày 05 tháng 01 năm 2024".normalize("NFD"))).toBe("2024-01-05")
  })

  it("reads ISO dates", () => {
    expect(parseVietnameseDate("2023-10-14")).toBe("2023-10-14")
    expect(parseVietnameseDate("2023-02-30")).toBeUndefined()
  })

  it("takes the default year for day and month alone", () => {
    expect(parseVietnameseDate("18/4", 2023)).toBe("2023-04-18")
    expect(parseVietnameseDate("21.2", 2024)).toBe("2024-02-21")
    expect(parseVietnameseDate("19.7", 2024)).toBe("2024-07-19")
    expect(parseVietnameseDate("ngày 18 tháng 4", 2023)).toBe("2023-04-18")
    expect(parseVietnameseDate("18/4")).toBeUndefined()
    expect(parseVietnameseDate("29/2", 2023)).toBeUndefined()
    expect(parseVietnameseDate("29/2", 2024)).toBe("2024-02-29")
    expect(parseVietnameseDate("18/4", 2023.5)).toBeUndefined()
  })

  it("rejects impossible or malformed dates", () => {
    for (const s of [
      "30/2/2023",
      "31/4/2023",
      "29/2/2023",
      "0/1/2023",
      "1/13/2023",
      "1/1/1899",
      "1/1/3000",
      "ngày 32 tháng 1 năm 2023",
      "14/10.2023",
      "14/10/23",
      "2023/10/14",
      "",
      "ngày",
      "hôm qua",
      "1.044"
    ]) {
      expect(parseVietnameseDate(s, 2023), s).toBeUndefined()
    }
  })

  it("never throws, and returns only valid calendar dates", () => {
    fc.assert(
      fc.property(anyString, fc.option(fc.integer({ min: -5000, max: 5000 }), { nil: undefined }), (s, year) => {
        const d = parseVietnameseDate(s, year)
        expect(d === undefined || isCalendarDate(d)).toBe(true)
      })
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Document symbols
// ---------------------------------------------------------------------------------------------

describe("formatDocumentNumber", () => {
  it("writes the number line, padding numbers below 10", () => {
    expect(formatDocumentNumber(85, "BC", "HĐND")).toBe("Số: 85/BC-HĐND")
    expect(formatDocumentNumber(5, "NQ", "HĐND", 2025)).toBe("Số: 05/2025/NQ-HĐND")
    expect(formatDocumentNumber(7, "TTr", "TT.HĐND")).toBe("Số: 07/TTr-TT.HĐND")
    expect(formatDocumentNumber(1681, "NQ", "UBTVQH15")).toBe("Số: 1681/NQ-UBTVQH15")
  })
})

describe("parseDocumentRef", () => {
  it("reads the symbols seen in HĐND practice", () => {
    expect(parseDocumentRef("85/BC-HĐND")).toEqual({ number: 85, type: "BC", issuer: "HĐND" })
    expect(parseDocumentRef("05/2025/NQ-HĐND")).toEqual({ number: 5, year: 2025, type: "NQ", issuer: "HĐND" })
    expect(parseDocumentRef("279/TTr-HĐND")).toEqual({ number: 279, type: "TTr", issuer: "HĐND" })
    expect(parseDocumentRef("16/TTr-BVHXH")).toEqual({ number: 16, type: "TTr", issuer: "BVHXH" })
    expect(parseDocumentRef("07/TTr-TT.HĐND")).toEqual({ number: 7, type: "TTr", issuer: "TT.HĐND" })
    expect(parseDocumentRef("06/QC-TT.HĐND-UBND")).toEqual({ number: 6, type: "QC", issuer: "TT.HĐND-UBND" })
    expect(parseDocumentRef("1681/NQ-UBTVQH15")).toEqual({ number: 1681, type: "NQ", issuer: "UBTVQH15" })
    expect(parseDocumentRef("124/2004/QĐ-TTg")).toEqual({ number: 124, year: 2004, type: "QĐ", issuer: "TTg" })
  })

  it("leaves out the year when there is none", () => {
    const ref = parseDocumentRef("49/NQ-HĐND")
    expect(ref).toBeDefined()
    expect(ref !== undefined && "year" in ref).toBe(false)
  })

  it("ignores a leading 'Số:'", () => {
    expect(parseDocumentRef("Số: 85/BC-HĐND")).toEqual({ number: 85, type: "BC", issuer: "HĐND" })
    expect(parseDocumentRef("số 15/TTr-TTHĐ")).toEqual({ number: 15, type: "TTr", issuer: "TTHĐ" })
  })

  it("rejects anything else", () => {
    for (const s of ["", "85", "85/BC", "BC-HĐND", "85/bc-HĐND", "85/25/NQ-HĐND", "85/BC-", "x85/BC-HĐND", "85 /BC-HĐND"]) {
      expect(parseDocumentRef(s), s).toBeUndefined()
    }
  })

  it("round-trips formatDocumentNumber", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.constantFrom("BC", "TTr", "NQ", "KH", "TB", "QĐ", "CTr", "QC"),
        fc.constantFrom("HĐND", "TT.HĐND", "BVHXH", "TTHĐ", "TT.HĐND-UBND", "UBTVQH15", "TTg"),
        fc.option(fc.integer({ min: 1900, max: 2999 }), { nil: undefined }),
        (number, type, issuer, year) => {
          const expected = year === undefined ? { number, type, issuer } : { number, year, type, issuer }
          expect(parseDocumentRef(formatDocumentNumber(number, type, issuer, year))).toEqual(expected)
        }
      )
    )
  })

  it("never throws", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const ref = parseDocumentRef(s)
        expect(ref === undefined || Number.isSafeInteger(ref.number)).toBe(true)
      })
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Roman numerals and ordinals
// ---------------------------------------------------------------------------------------------

describe("toRoman / fromRoman", () => {
  it("converts convocation numbers", () => {
    expect(toRoman(15)).toBe("XV")
    expect(toRoman(14)).toBe("XIV")
    expect(toRoman(20)).toBe("XX")
    expect(toRoman(1994)).toBe("MCMXCIV")
    expect(toRoman(3999)).toBe("MMMCMXCIX")
    expect(fromRoman("XV")).toBe(15)
    expect(fromRoman("xv")).toBe(15)
    expect(fromRoman("XIV")).toBe(14)
  })

  it("rejects out-of-range numbers and non-canonical numerals", () => {
    expect(() => toRoman(0)).toThrow(RangeError)
    expect(() => toRoman(4000)).toThrow(RangeError)
    expect(() => toRoman(1.5)).toThrow(RangeError)
    for (const s of ["", "IIII", "VX", "IC", "XXXX", "MMMM", "ABC", "X V", "VV"]) {
      expect(fromRoman(s), s).toBeUndefined()
    }
  })

  it("round-trips 1..3999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3999 }), (n) => {
        expect(fromRoman(toRoman(n))).toBe(n)
      })
    )
  })

  it("fromRoman never throws, and what it reads writes back the same", () => {
    fc.assert(
      fc.property(fc.oneof(anyString, fc.string({ unit: fc.constantFrom("I", "V", "X", "L", "C", "D", "M") })), (s) => {
        const n = fromRoman(s)
        if (n !== undefined) expect(toRoman(n)).toBe(s.trim().toUpperCase())
      })
    )
  })
})

describe("ordinalWordVi", () => {
  it("writes 1..20 in words", () => {
    const expected = [
      "thứ nhất",
      "thứ hai",
      "thứ ba",
      "thứ tư",
      "thứ năm",
      "thứ sáu",
      "thứ bảy",
      "thứ tám",
      "thứ chín",
      "thứ mười",
      "thứ mười một",
      "thứ mười hai",
      "thứ mười ba",
      "thứ mười bốn",
      "thứ mười lăm",
      "thứ mười sáu",
      "thứ mười bảy",
      "thứ mười tám",
      "thứ mười chín",
      "thứ hai mươi"
    ]
    expect(expected.map((_, i) => ordinalWordVi(i + 1))).toEqual(expected)
    expect(`Kỳ họp chuyên đề lần ${ordinalWordVi(11)}`).toBe("Kỳ họp chuyên đề lần thứ mười một")
  })

  it("writes other numbers in digits", () => {
    expect(ordinalWordVi(21)).toBe("thứ 21")
    expect(ordinalWordVi(32)).toBe("thứ 32")
    expect(ordinalWordVi(0)).toBe("thứ 0")
  })
})
