/**
 * The page's only style sheet, written inline (the page loads nothing). A small reset, a screen
 * layout that looks like the printed sheet, and print rules for A4 with the margins of Decree
 * 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm, right 15 mm). Fonts are named, never fetched:
 * Times New Roman where it is installed, a metric-compatible serif (Liberation Serif, Nimbus Roman)
 * elsewhere.
 *
 * @since 0.1.0
 */

/**
 * The font family of the page and of the charts' SVG text.
 *
 * @since 0.1.0
 * @category styles
 */
export const FONT_FAMILY = `"Times New Roman", Times, "Liberation Serif", "Nimbus Roman", serif`

/**
 * The style sheet.
 *
 * @since 0.1.0
 * @category styles
 */
export const STYLES = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%;color-scheme:light;background:#e9ecef}
body,h1,h2,h3,h4,p,ul,figure,figcaption,table,caption,details,summary{margin:0;padding:0}
table{border-collapse:collapse;border-spacing:0}
ul{list-style:none}
svg{display:block}
body{font-family:${FONT_FAMILY};font-size:13pt;line-height:1.5;color:#111;overflow-wrap:anywhere}
.page{max-width:210mm;margin:24px auto;padding:20mm 15mm 20mm 30mm;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.18)}
.doc-header{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);column-gap:1em;row-gap:.6em;text-align:center;margin-bottom:1.6em;line-height:1.3}
.issuer{grid-column:1;grid-row:1}
.issuer p{font-size:12.5pt;font-weight:700;text-transform:uppercase}
.issuer::after{content:"";display:block;width:33%;margin:.3em auto 0;border-top:1px solid #000}
.nation{grid-column:2;grid-row:1}
.nation-name{font-size:12.5pt;font-weight:700;text-transform:uppercase;white-space:nowrap}
.motto{font-size:13.5pt;font-weight:700}
.motto span{display:inline-block;padding-bottom:.15em;border-bottom:1px solid #000}
.doc-number{grid-column:1;grid-row:2;font-size:13pt}
.place-date{grid-column:2;grid-row:2;font-size:13.5pt;font-style:italic}
.place-date::first-letter{text-transform:uppercase}
.doc-title{font-size:14pt;font-weight:700;text-align:center;margin:.4em 0 1.2em;line-height:1.35}
.doc-title::after{content:"";display:block;width:22%;margin:.4em auto 0;border-top:1px solid #000}
section{margin:0}
h2{font-size:13pt;font-weight:700;margin:1.1em 0 .4em}
h3{font-size:13pt;font-weight:700;margin:.9em 0 .3em}
h4{font-size:13pt;font-weight:700;font-style:italic;margin:.8em 0 .3em}
p{margin:0 0 .5em}
.text{text-align:justify;text-indent:1cm;white-space:pre-line}
.table-wrap{margin:.8em 0 1.2em;overflow-x:auto}
.table-wrap table,.chart-data table{width:100%;font-size:12pt;line-height:1.35}
caption{caption-side:top;font-weight:700;text-align:center;padding:0 0 .4em}
th,td{border:1px solid #000;padding:.25em .45em;vertical-align:top;text-align:left;overflow-wrap:break-word}
thead th{text-align:center;vertical-align:middle;background:#f1f3f5}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
th.long,td.long{overflow-wrap:anywhere}
td.num.long{white-space:normal}
tbody th{font-weight:400}
tfoot th,tfoot td{font-weight:700}
.no-data{font-style:italic;color:#444;text-align:center}
figure.chart{margin:1em 0 1.4em}
figure.chart figcaption{font-weight:700;text-align:center;margin-bottom:.4em}
.chart-svg{margin:0 auto;max-width:100%;height:auto}
.chart-data{margin:.4em auto 0;max-width:36em;font-size:11pt}
.chart-data summary{cursor:pointer;color:#1f4e79;text-align:center}
.chart-data table{margin-top:.4em;font-size:11pt}
.doc-end{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:1em;margin-top:1.6em;break-inside:avoid}
.recipients{grid-column:1;font-size:11pt;line-height:1.35}
.recipients-label{font-size:12pt;font-weight:700;font-style:italic}
.recipients li::before{content:"- "}
.signature{grid-column:2;text-align:center;line-height:1.35}
.signature-title{font-weight:700;text-transform:uppercase}
.signatory{font-weight:700;margin-top:4.5em}
.appendix{margin-top:2em}
@media (max-width:720px){
.page{margin:0;padding:16px;box-shadow:none}
.doc-header,.doc-end{grid-template-columns:minmax(0,1fr)}
.issuer,.nation,.doc-number,.place-date,.recipients,.signature{grid-column:1;grid-row:auto}
.nation-name{white-space:normal}
}
@page{size:A4;margin:20mm 15mm 20mm 30mm;@top-center{content:counter(page);font-family:${FONT_FAMILY};font-size:13pt}}
@page:first{@top-center{content:none}}
@media print{
html,body{background:#fff}
body{font-size:13pt;color:#000}
.page{max-width:none;margin:0;padding:0;box-shadow:none}
.table-wrap{overflow:visible}
thead{display:table-header-group}
tfoot{display:table-row-group}
tr,th,td{break-inside:avoid}
caption,h2,h3,h4,figcaption{break-after:avoid}
thead th{background:none}
figure.chart{break-inside:avoid}
.chart-data{display:none}
.appendix{break-before:page;margin-top:0}
}
`
  .trim()
  .replace(/\n/g, "")
