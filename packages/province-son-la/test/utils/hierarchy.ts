import { CalendarDate, Hierarchy } from "@hdnd/core"
import type { AdminUnit } from "@hdnd/core"
import { lineage, units } from "../../src/index.js"

/** The hierarchy of the plugin's units and lineage. */
export const hierarchy: Hierarchy.Hierarchy = Hierarchy.make(units, lineage)

/** A calendar date literal. */
export const d = CalendarDate.date

/** The units valid on a day, at one level. */
export const atLevel = (day: string, level: AdminUnit.Level): ReadonlyArray<AdminUnit.AdminUnit> =>
  hierarchy.asOf(d(day)).filter((u) => u.level === level)
