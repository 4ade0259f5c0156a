/**
 * A city's feedback notice (测评问题反馈单) as a pdfmake document: the title with city, round and
 * rule set; report date, appeal deadline and score (marked 暂定 while appeals are pending); what
 * the city is asked to do by when; one row per problem — standard, check (with the inspector's
 * notes and the appeals already on it), site, count, points lost, the photo (a thumbnail, or
 * what is wrong with it) and a blank column for the city's response (申诉/整改); the vetoes and
 * penalties that hold; lines to sign. The words are core's (`notice-text.ts`), as in the .docx.
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
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { documentTitle, keyValueGrid, note, sectionHeading } from "../blocks.js";
import type { DocumentDate } from "../document-date.js";
import { framedDocument } from "../document-shell.js";
import { DASH, shortHash } from "../format.js";
import { type Column, dataTable } from "../tables.js";
import { COLORS } from "../theme.js";

/** The widest a photo is drawn, in points (about 2.8 cm). */
const PHOTO_WIDTH = 80;

/** Column widths: the city's response (申诉/整改) takes what is left, about a fifth of the page. */
const WIDTHS = [14, 58, 80, 48, 20, 22, PHOTO_WIDTH + 4, "*"] as const;
const ALIGN = ["center", "left", "left", "left", "right", "right", "center", "left"] as const;
const COLUMNS: Column[] = NOTICE_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i] as Column["width"], align: ALIGN[i] ?? "left" }));

/** The photo cell: thumbnails (as data URLs: nothing is read from disk), faults named. */
function photoCell(item: NoticeItem, photos: ReadonlyMap<string, NoticePhoto>): TableCell {
  if (item.photos.length === 0) return { text: DASH, color: COLORS.faint };
  return {
    stack: item.photos.map((name): Content => {
      const photo = photos.get(name);
      if (photo === undefined || !photo.ok) {
        const fault = photo?.ok === false ? photo.fault : { code: "missing", name };
        return { text: photoFaultText(fault), fontSize: 7, color: COLORS.warn, margin: [0, 1, 0, 1] };
      }
      const { jpeg, width, height } = photo.thumbnail;
      const drawn = Math.min(PHOTO_WIDTH, width);
      return {
        image: `data:image/jpeg;base64,${Buffer.from(jpeg).toString("base64")}`,
        width: drawn,
        height: (drawn * height) / width,
        margin: [0, 1, 0, 1],
      };
    }),
  };
}

function problemCell(item: NoticeItem): TableCell {
  return {
    stack: [
      { text: problemText(item) },
      ...item.notes.map((n): Content => ({ text: `备注：${n}`, fontSize: 7, color: COLORS.muted })),
      ...item.appeals.map((a): Content => ({ text: appealText(a), fontSize: 7, bold: true, color: COLORS.primary })),
    ],
  };
}

function problemRows(notice: FeedbackNotice, photos: ReadonlyMap<string, NoticePhoto>): TableCell[][] {
  return notice.items.map((item) => [
    { text: String(item.number) },
    { text: standardText(item) },
    problemCell(item),
    { text: siteText(item) },
    { text: item.count === null ? DASH : String(item.count) },
    { text: formatPoints(item.loss) },
    photoCell(item, photos),
    // the city's response: blank, with room to write
    { text: "\n\n\n" },
  ]);
}

/** The notice's document definition (built fresh: pdfmake mutates definitions). */
export function noticeDocument(notice: FeedbackNotice, photos: ReadonlyMap<string, NoticePhoto>, date: DocumentDate): TDocumentDefinitions {
  const frame = {
    kind: "全国文明城市测评 · 测评问题反馈单",
    subject: `${notice.cityName} · ${notice.round} 轮次`,
    provenance: `Civitas · ${notice.ruleset.id}@${notice.ruleset.version} · sha256 ${shortHash(notice.ruleset.hash)}`,
  };
  const deadline: Content = { text: deadlineText(notice), bold: true, color: COLORS.veto, fontSize: 9 };
  const score: Content = {
    text: scoreText(notice),
    bold: notice.provisional,
    color: notice.provisional ? COLORS.warn : COLORS.ink,
    fontSize: 9,
  };
  const content: Content[] = [
    documentTitle({ title: "测评问题反馈单", subtitle: subtitleText(notice), figure: `${notice.items.length} 项`, figureLabel: "问题" }),
    keyValueGrid([
      ["报告日期", reportDateText(notice)],
      ["申诉截止", deadline],
      ["本轮得分", score],
      ["申诉期限", `${notice.appealDays} 日（自然日）`],
    ]),
    { text: deadlineSentence(notice), margin: [0, 8, 0, 4] },
    ...sectionHeading(0, "问题清单"),
    notice.items.length === 0 ? note("本轮测评未发现问题。") : dataTable(COLUMNS, problemRows(notice, photos), { chunk: 25 }),
    ...(notice.adjustments.length === 0
      ? []
      : [
          ...sectionHeading(1, "否决与扣分项"),
          ...notice.adjustments.map((a): Content => ({ text: adjustmentText(a), margin: [0, 1, 0, 1] })),
        ]),
    note(`说明：${NOTICE_LOSS_NOTE}`, [0, 10, 0, 0]),
    { text: NOTICE_SIGNATURES, margin: [0, 28, 0, 0] },
  ];
  return framedDocument(
    frame,
    {
      title: `${notice.cityName} ${notice.round} 测评问题反馈单`,
      subject: `${notice.ruleset.title}（${notice.ruleset.id}@${notice.ruleset.version}）`,
      creator: "Civitas",
      keywords: `${notice.cityId} ${notice.round} ${notice.ruleset.hash}`,
    },
    date,
    content,
  );
}
