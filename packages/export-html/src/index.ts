/**
 * `@hdnd/export-html`: a report as one self-contained, accessible HTML page with charts drawn on the
 * server as SVG (Vega-Lite), printable on A4.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as HtmlExporter from "./HtmlExporter.js"
