/**
 * Scenarios shared by the SQLite tests and the PostgreSQL test: concurrent writers, and the audit
 * log's append-only rule checked through the database itself.
 */
import { expect } from "vitest"
import type { Office } from "./office.js"
import { A, activity, B } from "./office.js"

const upload = (name: string, text: string) => {
  const form = new FormData()
  form.append("file", new Blob([text]), name)
  return form
}
const HEADER = "Mã,Loại hoạt động,Hình thức giám sát,Thuộc thẩm quyền của,Cơ quan chủ trì,Từ ngày,Nội dung"
const auditOf = async (office: Office, token: string) => (await office.call("GET", "/audit?limit=1000", token)).body.items as Array<Record<string, any>>

/** 20 writers per council at once, each its own record: every write lands once, with one audit entry. */
export const parallelDistinct = async (office: Office, prefix: string) => {
  const n = 20
  const calls = [A, B].flatMap((council) =>
    Array.from({ length: n }, (_, i) => {
      const id = `${prefix}-${council === A ? "a" : "b"}-${i}`
      return office.call("PUT", `/activities/${id}`, council === A ? office.tokens.A.clerk : office.tokens.B.clerk, activity(id, council))
    })
  )
  const results = await Promise.all(calls)
  for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200)
  for (const [council, token, admin] of [[A, office.tokens.A.reader, office.tokens.A.admin], [B, office.tokens.B.reader, office.tokens.B.admin]] as const) {
    const side = council === A ? "a" : "b"
    const ids = (await office.call("GET", "/activities", token)).body.items.map((r: { id: string }) => r.id).filter((id: string) => id.startsWith(`${prefix}-${side}-`))
    expect(ids.sort()).toEqual(Array.from({ length: n }, (_, i) => `${prefix}-${side}-${i}`).sort())
    const entries = (await auditOf(office, admin)).filter((e) => e.id.startsWith(`${prefix}-`))
    expect(entries.map((e) => e.id).sort()).toEqual([...ids].sort())
    for (const e of entries) expect(e).toMatchObject({ action: "insert", council })
  }
}

/** 20 writers of ONE record at once: they queue; the audit entries chain (each before is the previous after). */
export const parallelSameRecord = async (office: Office, id: string) => {
  const titles = Array.from({ length: 20 }, (_, i) => `Giám sát lần ${i}`)
  const results = await Promise.all(titles.map((t) => office.call("PUT", `/activities/${id}`, office.tokens.A.clerk, activity(id, A, t))))
  for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200)
  const written = results.reduce((n, r) => n + r.body.inserted + r.body.updated, 0)
  expect(results.filter((r) => r.body.inserted === 1)).toHaveLength(1)
  const entries = (await auditOf(office, office.tokens.A.admin)).filter((e) => e.id === id)
  expect(entries).toHaveLength(written)
  expect(entries[0]!.action).toBe("insert")
  for (let i = 1; i < entries.length; i++) {
    expect(entries[i]!.action).toBe("update")
    expect(entries[i]!.before).toEqual(entries[i - 1]!.after)
  }
  const stored = (await office.call("GET", `/activities/${id}`, office.tokens.A.reader)).body
  expect(entries.at(-1)!.after).toEqual(stored)
  expect(titles).toContain(stored.title)
}

/** 20 imports at once, half of them with a bad row: the good ones land whole, the bad ones not at all. */
export const parallelImports = async (office: Office, prefix: string) => {
  const jobs = Array.from({ length: 20 }, (_, i) => {
    const good = i % 2 === 0
    const rows = [0, 1, 2].map((j) => `${prefix}-${i}-${j},giám sát,chuyên đề,sl.hdnd,Ban Pháp chế,${good || j < 2 ? "02/05/2023" : "31/02/2023"},Giám sát ${i}.${j}`)
    return { i, good, form: upload(`hoat-dong-${i}.csv`, `${HEADER}\n${rows.join("\n")}\n`) }
  })
  const results = await Promise.all(jobs.map((j) => office.call("POST", "/imports", office.tokens.A.clerk, j.form)))
  results.forEach((r, k) => {
    const job = jobs[k]!
    expect(r.status, JSON.stringify(r.body)).toBe(job.good ? 200 : 422)
    if (job.good) expect(r.body).toMatchObject({ committed: true, inserted: 3 })
    else expect(r.body.error.problems[0]).toMatchObject({ file: `hoat-dong-${job.i}.csv`, row: 4 })
  })
  const ids = (await office.call("GET", "/activities", office.tokens.A.reader)).body.items.map((r: { id: string }) => r.id).filter((id: string) => id.startsWith(`${prefix}-`))
  const expected = jobs.filter((j) => j.good).flatMap((j) => [0, 1, 2].map((x) => `${prefix}-${j.i}-${x}`))
  expect(ids.sort()).toEqual([...expected].sort())
  const entries = (await auditOf(office, office.tokens.A.admin)).filter((e) => e.id.startsWith(`${prefix}-`))
  expect(entries.map((e) => e.id).sort()).toEqual([...expected].sort())
  for (const e of entries) expect(e.route).toBe("POST /imports")
}
