/**
 * The consolidated answer report ("báo cáo tổng hợp tiếp thu, trao đổi, giải đáp kiến nghị, đề xuất")
 * in the layout of a report template: the answers placed in the template's sections. This is domain
 * logic that belongs in @hdnd/core (next to `RecommendationReport`); it lives here, in its own
 * module, until it moves there.
 *
 * @since 0.1.0
 */
import { RecommendationReport } from "@hdnd/core"
import type { RecommendationStatus, ReportDocument, ReportTemplate } from "@hdnd/core"

/**
 * The answer report's sections placed in a template's: at the template's first section that has no
 * blocks (its heading, if any, heads the answers, which become numbered sub-headings), or after the
 * template's sections when none is empty.
 *
 * @since 0.1.0
 * @category rendering
 */
export const placeAnswers = (
  templateSections: ReportDocument.ReportDocument["sections"],
  answerSections: ReportDocument.ReportDocument["sections"]
): ReportDocument.ReportDocument["sections"] => {
  const slot = templateSections.findIndex((s) => s.blocks.length === 0)
  if (slot < 0) return [...templateSections, ...answerSections]
  const heading = templateSections[slot]!.heading
  const placed =
    heading === undefined
      ? answerSections
      : [
          {
            heading,
            blocks: answerSections.flatMap((s, i): ReadonlyArray<ReportDocument.DocBlock> => [
              ...(s.heading === undefined ? [] : [{ _tag: "Heading" as const, level: 2 as const, text: `${i + 1}. ${s.heading}` }]),
              ...s.blocks
            ])
          }
        ]
  return [...templateSections.slice(0, slot), ...placed, ...templateSections.slice(slot + 1)]
}

/**
 * The consolidated answer report of some records as of a date, in the layout of a template (its title,
 * official frame and sections, with the answers placed by {@link placeAnswers}), or core's own layout
 * without one. The template's placeholders are filled from `tab` (its indicators tabulated over the
 * period: a template may cite activity figures too).
 *
 * @since 0.1.0
 * @category rendering
 */
export const answerDocument = (
  records: RecommendationStatus.Records,
  options: RecommendationReport.AnswerReportOptions,
  layout?: { readonly template: ReportTemplate.ReportTemplate; readonly rendered: ReportDocument.ReportDocument }
): ReportDocument.ReportDocument => {
  if (layout === undefined) return RecommendationReport.answerReport(records, options)
  const { template, rendered } = layout
  const doc = RecommendationReport.answerReport(records, { ...options, ...(template.frame === undefined ? {} : { frame: template.frame }) })
  return {
    ...doc,
    template: template.id,
    title: options.title ?? rendered.title,
    ...(rendered.header === undefined ? {} : { header: rendered.header }),
    sections: placeAnswers(rendered.sections, doc.sections),
    figures: [...rendered.figures, ...doc.figures]
  }
}
