/**
 * 申诉复核 on a scorecard (SPEC section 8): whether the result is final, the score before
 * appeals, and a small table of what the appeals changed — appeal, target, decision, points
 * restored. Shown only for a city with appeals.
 */
import { type AppealResult, type CityResult, DECISION_NAMES, type Names } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { note } from "../blocks.js";
import { fixed2, signed2 } from "../format.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";

/** The target in words: the standard and check at a site, or the adjustment. */
export function appealTargetText(appeal: AppealResult, names: Names): string {
  const t = appeal.target;
  if (t.adjustmentId !== null) return `否决扣分项 ${t.adjustmentId}`;
  const standard = `${t.standardId} ${names.standard(t.standardId ?? "")}`;
  return t.checkId === null ? standard : `${standard} · ${t.checkId} ${names.check(t.checkId)} · 点位 ${t.siteId}`;
}

/** The revised value in words. */
const revisionText = (appeal: AppealResult): string => {
  const r = appeal.revision;
  if (r === null) return "";
  return "count" in r ? `改为 ${r.count} 处` : "verdict" in r ? `改为 ${r.verdict}` : `改为 ${r.value}`;
};

/** The mark of a provisional result, for titles and rankings. */
export const PROVISIONAL_MARK = "暂定（申诉待复核）";

/** The 申诉复核 section of a city with appeals; nothing for a city without. */
export function appealsSection(city: CityResult, names: Names): Content[] {
  if (city.appeals.length === 0) return [];
  const pending = city.appeals.filter((a) => a.decision === "pending").length;
  const rows = city.appeals.map((a): TableCell[] => [
    { text: a.appealId },
    { text: appealTargetText(a, names) },
    {
      stack: [
        { text: DECISION_NAMES[a.decision], bold: true, color: a.decision === "pending" ? COLORS.warn : COLORS.ink },
        ...(a.revision === null ? [] : [{ text: revisionText(a), style: "small" }]),
      ],
    },
    { text: a.pointsRestored === 0 ? "0" : signed2(a.pointsRestored) },
  ]);
  return [
    {
      text:
        pending > 0
          ? `本成绩为暂定成绩：${pending} 项申诉待复核，复核完成后方为最终成绩。申诉前得分 ${fixed2(city.scoreBeforeAppeals)}，现得分 ${fixed2(city.score)}。`
          : `申诉已全部复核。申诉前得分 ${fixed2(city.scoreBeforeAppeals)}，复核后得分 ${fixed2(city.score)}。`,
      bold: pending > 0,
      color: pending > 0 ? COLORS.warn : COLORS.ink,
      margin: [0, 0, 0, 4],
    },
    dataTable(
      [
        { header: "申诉编号", width: 48 },
        { header: "申诉对象", width: "*" },
        { header: "复核结论", width: 70 },
        { header: "恢复分值", width: 50, align: "right" },
      ],
      rows,
    ),
    note("恢复分值 = 全部已复核申诉生效时的得分 − 除本项外其余申诉生效时的得分；维持与待复核的申诉不改变得分。"),
  ];
}
