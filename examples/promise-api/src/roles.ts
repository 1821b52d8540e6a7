/**
 * Roles in activities with the Promise API: Ban Pháp chế "chủ trì 3 cuộc giám sát và tham gia 6 cuộc"
 * (led 3 supervision missions and took part in 6). The organs that led are an activity's
 * `organisers`; those that took part without leading are its `participants`. A tabulation grouped by
 * `organ` and `role` says both; a request `filter` counts what one organ led, took part in, or either;
 * a template asks for them with `organ=<id> role=led|took-part|any`.
 */
import { CalendarDate, Ids, Indicators, Report, ReportTemplate, TabulationRequest, Tabulation } from "@hdnd/core"
import { SqliteStore } from "@hdnd/store-sqlite"
import { readFile } from "node:fs/promises"

const SUP = Indicators.ids.supervision
const mission = (id: string, organisers: ReadonlyArray<string>, participants: ReadonlyArray<string> = []) => ({
  id,
  council: "hdnd-tinh-son-la",
  kind: "supervision",
  mode: "thematic",
  owner: "sl.hdnd",
  organisers,
  ...(participants.length === 0 ? {} : { participants }),
  date: { from: "2023-09-12" },
  title: `Giám sát chuyên đề ${id}`
})

const filename = process.env.HDND_SQLITE_FILE ?? SqliteStore.DEFAULT_FILENAME
const client = await SqliteStore.openClient(filename)
try {
  const { units, councils, terms, organs, sessions } = JSON.parse(await readFile(new URL("./data.json", import.meta.url), "utf8"))
  await client.load({
    units,
    councils,
    terms,
    organs,
    sessions,
    activities: [
      mission("vt-1", ["sl.ban-phap-che"]),
      mission("vt-2", ["sl.ban-phap-che"]),
      mission("vt-3", ["sl.ban-phap-che", "sl.ban-ktns"]),
      ...[1, 2, 3].map((i) => mission(`vt-kt-${i}`, ["sl.ban-ktns"], ["sl.ban-phap-che"])),
      ...[1, 2, 3].map((i) => mission(`vt-tt-${i}`, ["sl.thuong-truc"], ["sl.ban-phap-che", "sl.ban-ktns"]))
    ]
  })
  const scope = { _tag: "Subtree", unit: "vn-14", asOf: "2023-12-31" }
  const period = { from: "2023-09-01", to: "2023-09-30" }

  // 1. By organ and role: "chủ trì" (led) and "tham gia" (took part) side by side.
  const byRole = await client.tabulate({ indicators: [SUP], scope, period, groupBy: ["organ", "role"] })
  for (const organ of Tabulation.valuesOf(byRole, "organ")) {
    const led = Tabulation.valueOf(byRole, SUP, { organ, role: "led" }).value
    const took = Tabulation.valueOf(byRole, SUP, { organ, role: "took-part" }).value
    console.log(`${Tabulation.labelOf(byRole, organ)}: chủ trì ${led} cuộc, tham gia ${took} cuộc / led ${led}, took part in ${took}`)
  }

  // 2. One organ's figure: led by, took part, either.
  for (const filter of [{ ledBy: ["sl.ban-phap-che"] }, { tookPart: ["sl.ban-phap-che"] }, { involved: ["sl.ban-phap-che"] }]) {
    const tab = await client.tabulate({ indicators: [SUP], scope, period, filter })
    console.log(`${JSON.stringify(filter)}: ${Tabulation.valueOf(tab, SUP).value}`)
  }

  // 3. A template sentence.
  const template = ReportTemplate.ReportTemplate.make({
    id: Ids.TemplateId.make("example/roles"),
    vi: "Vai trò của các Ban",
    en: "Roles of the committees",
    title: "Kết quả giám sát {{period}}",
    groupBy: ["organ", "role"],
    sections: [
      {
        blocks: [
          {
            _tag: "Paragraph",
            text: "{{Period}}, Ban Pháp chế chủ trì {{count core/supervision organ=sl.ban-phap-che role=led}} giám sát và tham gia {{count core/supervision organ=sl.ban-phap-che role=took-part}}."
          }
        ]
      }
    ]
  })
  const tab = await client.tabulate(Report.requestFor(template, TabulationRequest.subtree(Ids.UnitId.make("vn-14"), CalendarDate.date("2023-12-31")), CalendarDate.period(period.from, period.to)))
  const rendered = Report.render(template, tab, client.registry, {})
  if (rendered._tag === "Failure") throw rendered.failure
  const paragraph = rendered.success.sections[0]?.blocks[0]
  if (paragraph?._tag === "Paragraph") console.log(paragraph.text)
} finally {
  await client.close()
}
