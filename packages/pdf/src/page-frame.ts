/**
 * The frame of every page: a running header (document kind on the left, subject on the
 * right, a rule below) and a footer (what produced the document, and 第 x 页 / 共 y 页).
 */
import type { ContentCanvas, DynamicContent } from "pdfmake/interfaces.js";
import { COLORS, CONTENT_WIDTH, PAGE } from "./theme.js";

/** What the running header and footer say. */
export interface FrameText {
  /** Left of the header, e.g. 全国文明城市测评 · 测评成绩单. */
  readonly kind: string;
  /** Right of the header, e.g. 甲市 · 2024 轮次. */
  readonly subject: string;
  /** Left of the footer: engine, rule set and hash. */
  readonly provenance: string;
}

const rule = (color: string, width = 0.6): ContentCanvas => ({
  canvas: [{ type: "line", x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: width, lineColor: color }],
});

/** The page-number text: 第 x 页 / 共 y 页. */
export const pageNumberText = (page: number, pages: number): string => `第 ${page} 页 / 共 ${pages} 页`;

/** The running header. */
export function pageHeader(frame: FrameText): DynamicContent {
  return () => ({
    margin: [PAGE.margins[0], 26, PAGE.margins[2], 0],
    stack: [
      {
        columns: [
          { text: frame.kind, fontSize: 8, color: COLORS.primary, bold: true, width: "*" },
          { text: frame.subject, fontSize: 8, color: COLORS.muted, alignment: "right", width: "auto" },
        ],
      },
      { ...rule(COLORS.primary, 0.8), margin: [0, 4, 0, 0] },
    ],
  });
}

/** The footer with page numbers. */
export function pageFooter(frame: FrameText): DynamicContent {
  return (currentPage, pageCount) => ({
    margin: [PAGE.margins[0], 14, PAGE.margins[2], 0],
    stack: [
      rule(COLORS.rule, 0.5),
      {
        margin: [0, 4, 0, 0],
        columns: [
          { text: frame.provenance, fontSize: 7, color: COLORS.faint, width: "*" },
          { text: pageNumberText(currentPage, pageCount), fontSize: 7.5, color: COLORS.muted, alignment: "right", width: "auto" },
        ],
      },
    ],
  });
}
