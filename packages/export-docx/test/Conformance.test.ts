import { ExporterSuite } from "@hdnd/testkit"
import { DocxExporter } from "../src/index.js"
import { readBack } from "./utils/Docx.js"

await ExporterSuite.exporterConformance({
  name: "docx",
  exporter: DocxExporter.exporter,
  readBack,
  shows: { header: true, text: true, tables: true, charts: "data", appendices: true }
})
