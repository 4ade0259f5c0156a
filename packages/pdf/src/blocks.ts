/**
 * Small building blocks shared by the documents: the title block, numbered section headings
 * kept with what follows them, notes, key-value grids, headline cards and grade colours.
 */
import type { Content, ContentText, Node, NodeQueries, TableCell } from "pdfmake/interfaces.js";
import { COLORS, CONTENT_WIDTH, gradeColor, plainLayout } from "./theme.js";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** The headline level marking section headings. */
const HEADING_LEVEL = 1;
/** The headline level marking a heading's decoration (ignored when looking for what follows). */
const DECORATION_LEVEL = 9;
/** A heading needs some of its section starting at least this far below its top on the same page. */
const KEEP_BELOW = 30;

/** A numbered section heading (一、…) with a rule below; kept with its content. */
export function sectionHeading(index: number, title: string, options: { first?: boolean } = {}): Content[] {
  const numeral = NUMERALS[index] ?? String(index + 1);
  return [
    { text: `${numeral}、${title}`, style: "section", headlineLevel: HEADING_LEVEL, margin: [0, options.first ? 4 : 14, 0, 3] },
    {
      canvas: [
        { type: "rect", x: 0, y: 0, w: 36, h: 2, color: COLORS.veto },
        { type: "line", x1: 36, y1: 1, x2: CONTENT_WIDTH, y2: 1, lineWidth: 0.5, lineColor: COLORS.rule },
      ],
      headlineLevel: DECORATION_LEVEL,
      margin: [0, 0, 0, 8],
    },
  ];
}

/**
 * A smaller heading inside a section, kept with what follows it — unless `kept` says the caller
 * keeps it together already (an unbreakable block: pdfmake's re-layout for moved headings
 * loses the contents of unbreakable blocks, so no heading inside one may ask for it).
 */
export function subheading(text: ContentText["text"], options: { kept?: boolean } = {}): Content {
  return { text, style: "subsection", ...(options.kept === true ? {} : { headlineLevel: HEADING_LEVEL }), margin: [0, 10, 0, 4] };
}

/** pdfmake's `pageBreakBefore`: moves a section heading to the next page when its section does not start below it. */
export function keepHeadingsWithContent(node: Node, queries: NodeQueries): boolean {
  if (node.headlineLevel !== HEADING_LEVEL) return false;
  const { pageNumber, top } = node.startPosition;
  // Content is anything but headings and their decorations, starting on this very page.
  return !queries
    .getFollowingNodesOnPage()
    .some(
      (next) =>
        next.headlineLevel === undefined && next.startPosition.pageNumber === pageNumber && next.startPosition.top > top + KEEP_BELOW,
    );
}

/** The title block of a document: a big title (and a smaller suffix) over a subtitle, a key figure on the right. */
export function documentTitle(parts: {
  readonly title: string;
  readonly suffix?: string;
  readonly subtitle: string;
  readonly figure: string;
  readonly figureLabel: string;
}): Content {
  return {
    columns: [
      {
        width: "*",
        stack: [
          {
            text: [
              { text: parts.title, fontSize: 24, bold: true, color: COLORS.primary },
              ...(parts.suffix === undefined ? [] : [{ text: `  ${parts.suffix}`, fontSize: 15, color: COLORS.ink }]),
            ],
          },
          { text: parts.subtitle, style: "subtitle", margin: [0, 3, 0, 0] },
        ],
      },
      {
        width: "auto",
        stack: [
          { text: parts.figure, fontSize: 18, bold: true, color: COLORS.primary, alignment: "right" },
          { text: parts.figureLabel, style: "small", alignment: "right" },
        ],
      },
    ],
    margin: [0, 0, 0, 8],
  };
}

/** A headline card: a label, the main figure and a line below it, on a tinted ground. */
export function statCard(label: string, main: Content, sub: Content | string, fill: string = COLORS.primarySoft): TableCell {
  return {
    stack: [{ text: label, style: "label" }, main, typeof sub === "string" ? { text: sub, style: "small", margin: [0, 2, 0, 0] } : sub],
    fillColor: fill,
    margin: [8, 6, 8, 6],
  };
}

/** The big figure of a headline card. */
export function cardFigure(text: string, color: string = COLORS.primary, fontSize = 22): Content {
  return { text, fontSize, bold: true, color };
}

/** Headline cards side by side, of equal width, with white gutters. */
export function cardRow(cards: readonly TableCell[], margin: [number, number, number, number] = [0, 12, 0, 0]): Content {
  return {
    table: { widths: cards.map(() => "*"), body: [[...cards]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i) => (i === 0 || i === cards.length ? 0 : 6),
      vLineColor: () => COLORS.white,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
    margin,
  };
}

/** A muted note. */
export function note(text: string, margin: [number, number, number, number] = [0, 4, 0, 0]): Content {
  return { text, style: "note", margin };
}

/** A label and its value in a key-value grid. */
export type KeyValue = readonly [string, string | Content];

/**
 * A grid of label/value pairs, two pairs per row; `wide` pairs follow, each on a row of its own
 * (for values too long for half the width).
 */
export function keyValueGrid(pairs: readonly KeyValue[], wide: readonly KeyValue[] = [], labelWidth = 44): Content {
  const value = (v: string | Content): TableCell => (typeof v === "string" ? { text: v, style: "value" } : (v as TableCell));
  const rows: TableCell[][] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const row: TableCell[] = [];
    for (const pair of [pairs[i], pairs[i + 1]]) {
      if (pair === undefined) row.push({ text: "" }, { text: "" });
      else row.push({ text: pair[0], style: "label" }, value(pair[1]));
    }
    rows.push(row);
  }
  for (const [label, v] of wide) rows.push([{ text: label, style: "label" }, { ...(value(v) as object), colSpan: 3 } as TableCell, {}, {}]);
  return {
    table: { widths: [labelWidth, "*", labelWidth, "*"], body: rows },
    layout: { ...plainLayout(0), paddingTop: () => 1.5, paddingBottom: () => 1.5, paddingRight: (i) => (i % 2 === 0 ? 8 : 14) },
  };
}

/** The colour of a grade id among the rule set's grades (best first). */
export function colorOfGrade(grades: readonly { readonly id: string }[], gradeId: string | null): string {
  if (gradeId === null) return COLORS.muted;
  return gradeColor(
    grades.findIndex((g) => g.id === gradeId),
    grades.length,
  );
}

/** The grade a ratio falls into (first whose minRatio <= ratio). */
export function gradeForRatio<G extends { readonly minRatio: number }>(grades: readonly G[], ratio: number | null): G | undefined {
  return ratio === null ? undefined : grades.find((g) => g.minRatio <= ratio + 1e-12);
}

/** The colour of the grade a ratio falls into (for bars). */
export function colorOfRatio(grades: readonly { readonly id: string; readonly minRatio: number }[], ratio: number | null): string {
  const grade = gradeForRatio(grades, ratio);
  return grade === undefined ? COLORS.bar : colorOfGrade(grades, grade.id);
}
