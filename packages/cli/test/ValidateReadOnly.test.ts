/**
 * `hdnd validate` never opens the database for writing (issue #16): it checks the files against a
 * read-only file in a read-only folder, as it would against a writable one, and leaves the file and
 * the folder byte for byte as they were. Its dry run writes (and undoes) on a private copy.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { hdnd, hdndUnprivileged, SON_LA, seededWorkspace, sha } from "./utils/hdnd.js"

const ws = seededWorkspace("hdnd-validate-ro-")

describe("hdnd validate on a read-only database", () => {
  it("checks against a read-only file in a read-only folder, and leaves both as they were", async () => {
    const lines = fs.readFileSync(path.join(SON_LA, "kien-nghi.csv"), "utf8").split("\n")
    // A new recommendation that is valid only against the stored councils and organs, and one whose
    // raising organ is in no file and not in the database.
    const fresh = lines[1]!.replace("kn-2023-01,", "kn-moi-01,")
    const bad = lines[1]!.replace("kn-2023-01,", "kn-moi-02,").replace("hdnd-huyen-mai-son/ban-kinh-te-xa-hoi", "hdnd-huyen-mai-son/ban-khong-co")
    const good = ws.write("in/kien-nghi.csv", [lines[0], fresh, ""].join("\n"))
    const wrong = ws.write("in/kien-nghi-loi.csv", [lines[0], bad, ""].join("\n"))
    fs.chmodSync(path.dirname(good), 0o755)
    fs.chmodSync(good, 0o644)
    fs.chmodSync(wrong, 0o644)
    const share = path.join(ws.dir, "share")
    fs.mkdirSync(share)
    const db = path.join(share, "ro.sqlite")
    fs.copyFileSync(ws.seeded, db)
    fs.chmodSync(db, 0o444)
    fs.chmodSync(ws.dir, 0o755)
    fs.chmodSync(share, 0o555)
    try {
      const before = sha(db)
      const ok = await hdndUnprivileged(ws.dir, ["validate", "--db", db, good])
      expect(ok.status, ok.stderr).toBe(0)
      expect(ok.stdout).toContain("Hợp lệ: 1 dòng")
      const refused = await hdndUnprivileged(ws.dir, ["validate", "--db", db, wrong])
      expect(refused.status, refused.stderr).toBe(1)
      expect(refused.stderr).toContain("hdnd-huyen-mai-son/ban-khong-co")
      expect(refused.stderr).not.toContain("readonly")
      expect(sha(db)).toBe(before)
      expect(fs.readdirSync(share)).toEqual(["ro.sqlite"])
    } finally {
      fs.chmodSync(share, 0o755)
    }
  })

  it("never writes to a writable file either: the file is unchanged", async () => {
    const dir = path.join(ws.dir, "rw")
    fs.mkdirSync(dir)
    const db = path.join(dir, "rw.sqlite")
    fs.copyFileSync(ws.seeded, db)
    const before = sha(db)
    const r = await hdnd(ws.dir, ["validate", "--db", db, path.join(SON_LA, "kien-nghi.csv")])
    expect(r.status, r.stderr).toBe(0)
    expect(sha(db)).toBe(before)
    // Only what any reader of a WAL file leaves: the -shm index and an empty -wal journal.
    const wal = path.join(dir, "rw.sqlite-wal")
    if (fs.existsSync(wal)) expect(fs.statSync(wal).size).toBe(0)
  })

  it("a missing database file is not created: the files are checked against an empty database", async () => {
    const missing = path.join(ws.dir, "chua-co.sqlite")
    const r = await hdnd(ws.dir, ["validate", "--db", missing, path.join(SON_LA, "don-vi.csv")])
    expect(r.status, r.stderr).toBe(0)
    expect(fs.existsSync(missing)).toBe(false)
  })
})
