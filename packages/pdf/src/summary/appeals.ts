/**
 * 申诉复核 in the batch summary (SPEC section 8): per city with appeals, how many were filed
 * and how many are pending, the score before and after appeals and the points restored — what
 * the appeals changed across the batch. Shown only when some city has appeals.
 */
import type { Results } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { note } from "../blocks.js";
import { fixed2, signed2 } from "../format.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";

/** Whether the summary has a 申诉复核 section. */
export const hasAppeals = (results: Results) => results.cities.some((c) => c.appeals.length > 0);

/** The section's content. */
export function appealsSummary(results: Results): Content[] {
  const rows = results.cities
    .filter((c) => c.appeals.length > 0)
    .map((c): TableCell[] => {
      const pending = c.appeals.filter((a) => a.decision === "pending").length;
      const decided = (d: string) => c.appeals.filter((a) => a.decision === d).length;
      return [
        { text: [{ text: c.name }, { text: `  ${c.cityId}`, style: "small" }] },
        { text: String(c.appeals.length) },
        { text: `维持 ${decided("upheld")} · 改判 ${decided("revised")} · 撤销 ${decided("withdrawn")}` },
        { text: String(pending), bold: pending > 0, color: pending > 0 ? COLORS.warn : COLORS.ink },
        { text: fixed2(c.scoreBeforeAppeals) },
        { text: fixed2(c.score) },
        { text: c.score === c.scoreBeforeAppeals ? "0" : signed2(c.score - c.scoreBeforeAppeals) },
      ];
    });
  return [
    dataTable(
      [
        { header: "城市", width: "*" },
        { header: "申诉", width: 30, align: "right" },
        { header: "复核结论", width: 130 },
        { header: "待复核", width: 36, align: "right" },
        { header: "申诉前得分", width: 50, align: "right" },
        { header: "现得分", width: 44, align: "right" },
        { header: "变化", width: 40, align: "right" },
      ],
      rows,
    ),
    note("有待复核申诉的城市，其成绩为暂定；各项申诉的恢复分值见该城市成绩单的“申诉复核”与 appeals.csv。"),
  ];
}
