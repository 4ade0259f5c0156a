/**
 * A city's feedback notice (测评问题反馈单) as a Word document a city official edits in WPS or
 * Word: A4 landscape; the heading with city, round, rule set, report date and appeal deadline;
 * one table row per problem — standard, check, site, count, points lost, the photo (a thumbnail,
 * or what is wrong with it) and a blank column for the city's response (申诉/整改); the vetoes
 * and penalties that hold; how to appeal; lines to sign. Fonts are named, not embedded (宋体 /
 * 黑体 as WPS and Word on Chinese Windows have them).
 */
import {
  adjustmentText,
  appealText,
  deadlineSentence,
  deadlineText,
  type FeedbackNotice,
  formatPoints,
  NOTICE_COLUMNS,
  NOTICE_LOSS_NOTE,
  NOTICE_SIGNATURES,
  type NoticeItem,
  type NoticePhoto,
  photoFaultText,
  problemText,
  reportDateText,
  scoreText,
  siteText,
  standardText,
  subtitleText,
} from "@civitas/core";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";

const BODY_FONT = { ascii: "Arial", hAnsi: "Arial", eastAsia: "宋体", cs: "Arial" };
const HEADING_FONT = { ascii: "Arial", hAnsi: "Arial", eastAsia: "黑体", cs: "Arial" };
const INK = "1F2933";
const PRIMARY = "1D3557";
const SOFT = "E8EEF6";
/** A4 landscape text width in twips (297 mm − 2 × 18 mm margins). */
const TEXT_WIDTH = 14_800;
/** Widths of the problem table's columns (NOTICE_COLUMNS; twips, adding up to TEXT_WIDTH). */
const WIDTHS = [600, 2300, 2500, 1700, 700, 800, 2800, 3400] as const;
/** The widest a photo is drawn in its cell, in pixels at 96 dpi (about 4.6 cm). */
const PHOTO_WIDTH = 172;

const text = (value: string, options: { bold?: boolean; size?: number; color?: string; font?: typeof BODY_FONT } = {}) =>
  new TextRun({
    text: value,
    font: options.font ?? BODY_FONT,
    size: options.size ?? 20,
    color: options.color ?? INK,
    bold: options.bold ?? false,
  });

const paragraph = (
  runs: TextRun[] | string,
  options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {},
) =>
  new Paragraph({
    children: typeof runs === "string" ? [text(runs)] : runs,
    alignment: options.align ?? AlignmentType.LEFT,
    spacing: { after: options.after ?? 60 },
  });

const cell = (children: Paragraph[], width: number, shaded = false) =>
  new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    ...(shaded ? { shading: { type: ShadingType.CLEAR, fill: SOFT, color: "auto" } } : {}),
  });

/**
 * The photo cell: each photo as a thumbnail, or the fault named; "—" without photos. Drawings
 * are numbered by the document (`nextId`), not by docx's counter shared across documents, so
 * that a notice gives the same bytes whatever was rendered before it.
 */
function photoParagraphs(item: NoticeItem, photos: ReadonlyMap<string, NoticePhoto>, nextId: () => string): Paragraph[] {
  if (item.photos.length === 0) return [paragraph([text("—", { color: "9AA5B1" })], { align: AlignmentType.CENTER })];
  return item.photos.map((name) => {
    const photo = photos.get(name);
    if (photo === undefined || !photo.ok) {
      const fault = photo?.ok === false ? photo.fault : { code: "missing", name };
      return paragraph([text(photoFaultText(fault), { size: 16, color: "B26A00" })]);
    }
    const { jpeg, width, height } = photo.thumbnail;
    const scale = Math.min(1, PHOTO_WIDTH / width);
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 40 },
      children: [
        new ImageRun({
          type: "jpg",
          data: jpeg,
          transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
          altText: { id: nextId(), name, description: `${item.checkName ?? item.standardName} ${item.siteId ?? ""}`.trim(), title: name },
        }),
      ],
    });
  });
}

/** The problem cell: the check (or the standard's own shortfall), the notes, the appeals on it. */
function problemParagraphs(item: NoticeItem): Paragraph[] {
  const lines = [paragraph([text(problemText(item))])];
  for (const note of item.notes) lines.push(paragraph([text(`备注：${note}`, { size: 16, color: "66788A" })]));
  for (const appeal of item.appeals) {
    lines.push(paragraph([text(appealText(appeal), { size: 16, color: PRIMARY, bold: true })]));
  }
  return lines;
}

function problemTable(notice: FeedbackNotice, photos: ReadonlyMap<string, NoticePhoto>): Table {
  let drawings = 0;
  const nextId = () => String(++drawings);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: NOTICE_COLUMNS.map((title, i) =>
      cell(
        [paragraph([text(title, { bold: true, color: PRIMARY, size: 18 })], { align: AlignmentType.CENTER })],
        WIDTHS[i] as number,
        true,
      ),
    ),
  });
  const rows = notice.items.map(
    (item) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([paragraph(String(item.number), { align: AlignmentType.CENTER })], WIDTHS[0]),
          cell([paragraph(standardText(item))], WIDTHS[1]),
          cell(problemParagraphs(item), WIDTHS[2]),
          cell([paragraph(siteText(item))], WIDTHS[3]),
          cell([paragraph(item.count === null ? "—" : String(item.count), { align: AlignmentType.CENTER })], WIDTHS[4]),
          cell([paragraph(formatPoints(item.loss), { align: AlignmentType.CENTER })], WIDTHS[5]),
          cell(photoParagraphs(item, photos, nextId), WIDTHS[6]),
          // the city's response: blank, with room to write
          cell([paragraph(""), paragraph(""), paragraph("")], WIDTHS[7]),
        ],
      }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...WIDTHS],
    layout: TableLayoutType.FIXED,
    borders: {
      top: { style: BorderStyle.SINGLE, size: 8, color: PRIMARY },
      bottom: { style: BorderStyle.SINGLE, size: 8, color: PRIMARY },
      left: { style: BorderStyle.SINGLE, size: 4, color: "CFD8E3" },
      right: { style: BorderStyle.SINGLE, size: 4, color: "CFD8E3" },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: "CFD8E3" },
      insideVertical: { style: BorderStyle.SINGLE, size: 4, color: "CFD8E3" },
    },
  });
}

/** The heading lines: what, for whom, when, and by when to answer. */
function heading(notice: FeedbackNotice): Paragraph[] {
  return [
    paragraph([text("测评问题反馈单", { bold: true, size: 36, color: PRIMARY, font: HEADING_FONT })], {
      align: AlignmentType.CENTER,
      after: 120,
    }),
    paragraph([text(subtitleText(notice), { color: "66788A" })], {
      align: AlignmentType.CENTER,
      after: 200,
    }),
    paragraph([
      text("报告日期：", { bold: true }),
      text(reportDateText(notice)),
      text("    申诉截止日期：", { bold: true }),
      text(deadlineText(notice), { bold: true, color: "C62828" }),
      text("    本轮得分：", { bold: true }),
      text(scoreText(notice)),
    ]),
    paragraph([text(deadlineSentence(notice))], { after: 160 }),
  ];
}

function adjustmentParagraphs(notice: FeedbackNotice): Paragraph[] {
  if (notice.adjustments.length === 0) return [];
  return [
    paragraph([text("否决与扣分项", { bold: true, size: 24, color: PRIMARY, font: HEADING_FONT })], { after: 80 }),
    ...notice.adjustments.map((a) => paragraph([text(adjustmentText(a))])),
  ];
}

/** The notice as a docx `Document` (pack it with `Packer.toBuffer`). */
export function noticeDocument(notice: FeedbackNotice, photos: ReadonlyMap<string, NoticePhoto>): Document {
  const count = notice.items.length;
  const body = [
    ...heading(notice),
    paragraph(
      [text("问题清单", { bold: true, size: 24, color: PRIMARY, font: HEADING_FONT }), text(`（共 ${count} 项）`, { color: "66788A" })],
      { after: 80 },
    ),
    ...(count === 0 ? [paragraph("本轮测评未发现问题。")] : []),
  ];
  const closing = [
    ...adjustmentParagraphs(notice),
    paragraph([text("说明：", { bold: true }), text(NOTICE_LOSS_NOTE, { size: 18, color: "66788A" })], { after: 400 }),
    paragraph([text(NOTICE_SIGNATURES)], { after: 0 }),
  ];
  return new Document({
    creator: "Civitas",
    title: `测评问题反馈单 ${notice.cityName} ${notice.round}`,
    description: `${notice.ruleset.id}@${notice.ruleset.version} ${notice.ruleset.hash}`,
    styles: { default: { document: { run: { font: BODY_FONT, size: 20, color: INK } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: 11_906, height: 16_838 },
            margin: { top: 1_020, bottom: 1_020, left: 1_020, right: 1_020 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [`${notice.cityName} 测评问题反馈单 · 第 `, PageNumber.CURRENT, " 页 / 共 ", PageNumber.TOTAL_PAGES, " 页"],
                    font: BODY_FONT,
                    size: 16,
                    color: "66788A",
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...body, ...(count === 0 ? [] : [problemTable(notice, photos)]), paragraph(""), ...closing],
      },
    ],
  });
}
