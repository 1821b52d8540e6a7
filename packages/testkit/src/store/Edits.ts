/**
 * Harmless edits: a record of any collection with one descriptive field changed (a name, label,
 * title, content, topic, note or value), so that it stays valid and the records that depend on it stay valid too.
 *
 * @since 0.1.0
 */
import { Activity, AdminUnit, CalendarDate, Council, CouncilDocument, Programme, Recommendation, Resolution, Session, Tally } from "@hdnd/core"
import type { Dataset } from "@hdnd/core"
import type { AnyRecord } from "./Records.js"

const edits: Readonly<Record<Dataset.EntityKind, (r: any, tag: string) => AnyRecord>> = {
  units: (r, tag) => new AdminUnit.AdminUnit({ ...r, name: `${r.name} ${tag}` }),
  lineage: (r, tag) => new AdminUnit.LineageEvent({ ...r, note: `Ghi chú ${tag}` }),
  councils: (r, tag) => new Council.Council({ ...r, name: `${r.name} ${tag}` }),
  terms: (r, tag) => new Council.Term({ ...r, electionDate: CalendarDate.date(tag.length % 2 === 0 ? "2021-05-23" : "2021-05-24") }),
  organs: (r, tag) => new Council.Organ({ ...r, name: `${r.name} ${tag}` }),
  sessions: (r, tag) => new Session.Session({ ...r, label: `Kỳ họp ${tag}` }),
  meetings: (r, tag) => new Session.StandingMeeting({ ...r, label: `Phiên họp ${tag}` }),
  activities: (r, tag) => new Activity.Activity({ ...r, title: `${r.title} ${tag}` }),
  tallies: (r, tag) => new Tally.Tally({ ...r, value: r.value + 1 + tag.length }),
  recommendations: (r, tag) => new Recommendation.Recommendation({ ...r, content: `${r.content} ${tag}` }),
  responses: (r, tag) => new Recommendation.Response({ ...r, content: `${r.content} ${tag}` }),
  evaluations: (r, tag) => new Recommendation.Evaluation({ ...r, note: `${r.note ?? "Ghi chú"} ${tag}` }),
  programmes: (r, tag) => new Programme.Programme({ ...r, title: `${r.title} ${tag}` }),
  programmeItems: (r, tag) => new Programme.ProgrammeItem({ ...r, topic: `${r.topic} ${tag}` }),
  resolutions: (r, tag) => new Resolution.Resolution({ ...r, title: `${r.title} ${tag}` }),
  documents: (r, tag) => new CouncilDocument.CouncilDocument({ ...r, title: `${r.title} ${tag}` })
}

/**
 * The record with one descriptive field changed; `tag` (non-empty, no surrounding white space) is
 * worked into the new content, so the result always differs from the original.
 *
 * @since 0.1.0
 * @category combinators
 */
export const touch = (kind: Dataset.EntityKind, record: AnyRecord, tag = "(đã sửa)"): AnyRecord => {
  const next = edits[kind](record, tag)
  if (kind !== "terms") return next
  const prev = (record as Council.Term).electionDate
  return prev === (next as Council.Term).electionDate ? edits.terms(record, `${tag}.`) : next
}
