/**
 * The look shared by every document: A4 with generous margins, one palette, named styles
 * and the table layout (light rules, tinted header row, zebra rows). Everything here returns
 * fresh objects: pdfmake mutates what it is given.
 */
import type { CustomTableLayout, StyleDictionary, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { FONT_FAMILY } from "./fonts.js";

export const COLORS = {
  ink: "#1f2933",
  muted: "#66788a",
  faint: "#9aa5b1",
  primary: "#1d3557",
  primarySoft: "#e8eef6",
  rule: "#cfd8e3",
  zebra: "#f6f8fb",
  bar: "#2f6ea5",
  barTrack: "#e6ebf1",
  veto: "#c62828",
  vetoSoft: "#fdecea",
  warn: "#b26a00",
  warnSoft: "#fff6e5",
  good: "#2e7d32",
  white: "#ffffff",
} as const;

/** Colours of grades, best first; a grade takes the colour of its position. */
const GRADE_PALETTE = ["#2e7d32", "#1565c0", "#00838f", "#ef6c00", "#d84315"] as const;

/** The colour of the grade at `index` of `count` grades (ordered best first). */
export function gradeColor(index: number, count: number): string {
  if (index < 0) return COLORS.muted;
  if (count <= 1) return GRADE_PALETTE[0];
  if (index === count - 1) return GRADE_PALETTE[GRADE_PALETTE.length - 1] ?? COLORS.muted;
  return GRADE_PALETTE[Math.min(index, GRADE_PALETTE.length - 2)] ?? COLORS.muted;
}

/** A4 in points, and the margins (left, top, right, bottom) leaving room for header and footer. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  margins: [48, 64, 48, 56] as [number, number, number, number],
} as const;

/** Width of the text block. */
export const CONTENT_WIDTH = PAGE.width - PAGE.margins[0] - PAGE.margins[2];

/** Named styles of every document. */
export function styles(): StyleDictionary {
  return {
    title: { fontSize: 20, bold: true, color: COLORS.primary },
    subtitle: { fontSize: 10.5, color: COLORS.muted },
    section: { fontSize: 12.5, bold: true, color: COLORS.primary },
    subsection: { fontSize: 10, bold: true, color: COLORS.ink },
    th: { bold: true, color: COLORS.primary, fontSize: 8.5 },
    td: { fontSize: 8.5 },
    small: { fontSize: 7.5, color: COLORS.muted },
    note: { fontSize: 8, color: COLORS.muted },
    label: { fontSize: 8, color: COLORS.muted },
    value: { fontSize: 9, color: COLORS.ink },
    num: { alignment: "right" },
  };
}

/** Base settings every document shares (page, fonts, default style, compression). */
export function baseDocument(): Pick<
  TDocumentDefinitions,
  "pageSize" | "pageOrientation" | "pageMargins" | "defaultStyle" | "styles" | "compress" | "language"
> {
  return {
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [...PAGE.margins],
    defaultStyle: { font: FONT_FAMILY, fontSize: 9, color: COLORS.ink, lineHeight: 1.05 },
    styles: styles(),
    compress: true,
    language: "zh-CN",
  };
}

/** The data-table layout: tinted header, zebra rows, light horizontal rules, no verticals. */
export function dataTableLayout(headerRows = 1): CustomTableLayout {
  return {
    hLineWidth: (i, node) => (i === 0 || i === headerRows || i === node.table.body.length ? 0.8 : 0.4),
    vLineWidth: () => 0,
    hLineColor: (i) => (i === 0 || i === headerRows ? COLORS.primary : COLORS.rule),
    fillColor: (row) => (row < headerRows ? COLORS.primarySoft : (row - headerRows) % 2 === 1 ? COLORS.zebra : null),
    paddingLeft: () => 5,
    paddingRight: () => 5,
    paddingTop: () => 2.5,
    paddingBottom: () => 2.5,
  };
}

/** A borderless layout with no padding (for charts and key-value grids). */
export function plainLayout(padding = 0): CustomTableLayout {
  return {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: () => padding,
    paddingRight: () => padding,
    paddingTop: () => padding,
    paddingBottom: () => padding,
  };
}
