"""The style sheet of the printable file: A4 pages in mm, no fonts or images from outside."""

from __future__ import annotations

CSS = """
@page { size: A4 portrait; margin: 0; }
@page liggend { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body {
  font-family: Arial, "Liberation Sans", Helvetica, sans-serif;
  color: #000; background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.sheet {
  position: relative; width: 210mm; height: 296.9mm; overflow: hidden;
  break-after: page; page-break-after: always; background: #fff;
}
.sheet:last-child { break-after: auto; page-break-after: auto; }
.liggend { page: liggend; width: 297mm; height: 209.9mm; }
.note { position: absolute; left: 12mm; right: 12mm; font-size: 7.5pt; color: #444;
  text-align: center; line-height: 1.2; }
.card { position: absolute; overflow: hidden; line-height: 1.2; border: 0.15mm solid #aaa; }
.band { position: absolute; left: 0; right: 0; top: 0; display: flex;
  justify-content: space-between; align-items: center; padding: 0 3mm; font-weight: bold; }
.front .band { height: 9mm; font-size: 10pt; }
.back .band { height: 7mm; font-size: 8.5pt; }
.band .id { font-weight: normal; }
.body { position: absolute; left: 4mm; right: 4mm; overflow: hidden; }
.front .body { top: 13mm; bottom: 8mm; display: flex; align-items: center; }
.front .question { font-weight: bold; margin: 0; hyphens: manual; overflow-wrap: anywhere; }
.back .body { top: 10mm; bottom: 3mm; }
.back ul { list-style: none; margin: 0; padding: 0; overflow-wrap: anywhere; }
.back li { margin: 0 0 0.8em 0; }
.back .name { font-weight: bold; display: block; }
.back .none { font-style: italic; }
.foot { position: absolute; left: 4mm; right: 4mm; bottom: 2.5mm; font-size: 7pt; color: #333;
  display: flex; justify-content: space-between; }
.mark { position: absolute; background: #000; }
.fold { position: absolute; border-left: 0.3mm dashed #555; }
h1 { font-size: 18pt; margin: 0 0 4mm 0; }
h2 { font-size: 12pt; margin: 5mm 0 1.5mm 0; }
.page-text p, .page-text li { font-size: 10.5pt; line-height: 1.35; }
.page-text { position: absolute; left: 18mm; right: 18mm; top: 15mm; bottom: 12mm; }
.page-text ul { margin: 1mm 0; padding-left: 6mm; }
.page-text p { margin: 0 0 1.5mm 0; }
.board { position: absolute; left: 22mm; right: 10mm; top: 24mm; bottom: 10mm;
  display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: 1fr 1fr; gap: 3mm; }
.quadrant { border: 0.6mm solid #000; border-radius: 3mm; padding: 4mm 5mm; position: relative; }
.quadrant .number { font-size: 40pt; font-weight: bold; line-height: 1; }
.quadrant .label { font-size: 17pt; font-weight: bold; margin-top: 2mm; }
.axis { position: absolute; font-size: 12pt; font-weight: bold; color: #333; }
.axis.top { top: 17mm; }
.axis.side { left: 4mm; transform-origin: left top; transform: rotate(-90deg); }
.board-title { position: absolute; left: 22mm; top: 6mm; font-size: 16pt; font-weight: bold; }
.pawn { position: absolute; width: 60mm; height: 80mm; border: 0.15mm solid #aaa; }
.pawn .half { position: absolute; left: 0; width: 60mm; height: 40mm; text-align: center;
  padding-top: 3mm; }
.pawn .top { top: 0; transform: rotate(180deg); }
.pawn .bottom { top: 40mm; }
.disc { width: 17mm; height: 17mm; border-radius: 50%; margin: 0 auto; border: 0.5mm solid #000;
  font-size: 26pt; font-weight: bold; line-height: 16mm; }
.role { font-size: 11pt; font-weight: bold; margin-top: 1.5mm; }
.name-line { margin: 3mm 6mm 0 6mm; border-bottom: 0.3mm solid #000; height: 6mm;
  font-size: 8pt; text-align: left; color: #333; }
table.form { border-collapse: collapse; width: 100%; margin-top: 4mm; }
table.form th, table.form td { border: 0.3mm solid #000; padding: 1.5mm 2mm; font-size: 10pt;
  text-align: left; vertical-align: top; }
table.form td { height: 13mm; }
table.form .kind { width: 38mm; font-size: 9.5pt; }
table.form .who { width: 40mm; }
table.form .when { width: 25mm; }
table.form .card-id { width: 22mm; }
.fields { font-size: 11pt; margin: 0; }
.box { display: inline-block; width: 3mm; height: 3mm; border: 0.3mm solid #000;
  margin-right: 1.5mm; vertical-align: -0.3mm; }
.help { display: none; }
@media screen {
  body { background: #d9d9d9; }
  .sheet { margin: 6mm auto; box-shadow: 0 0 2mm rgba(0, 0, 0, 0.3); }
  .help { display: block; max-width: 180mm; margin: 6mm auto; padding: 4mm 6mm;
    background: #fff; border: 0.5mm solid #000; font-size: 11pt; }
}
"""
"""Sizes in mm and pt, so a browser prints at 100 % what the layout computed."""
