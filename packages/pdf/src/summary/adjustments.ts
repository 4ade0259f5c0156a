/**
 * Vetoes and penalties across the batch: every held adjustment, city by city.
 */
import type { Results } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { note } from "../blocks.js";
import { fixed2 } from "../format.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";

/** The adjustments section body. */
export function adjustmentsSummary(results: Results): Content[] {
  const rows: TableCell[][] = [];
  for (const city of results.cities) {
    for (const a of city.adjustments) {
      const veto = a.kind === "veto";
      rows.push([
        { text: [{ text: city.name }, { text: `  ${city.cityId}`, style: "small" }] },
        { text: veto ? "一票否决" : "负面清单", bold: true, color: veto ? COLORS.veto : COLORS.warn },
        { text: [{ text: a.name }, { text: `  ${a.id}`, style: "small" }] },
        { text: veto ? "否决" : fixed2(a.points ?? 0) },
      ]);
    }
  }
  if (rows.length === 0) return [note("本轮无城市触发一票否决或负面清单事项。")];
  return [
    dataTable(
      [
        { header: "城市", width: 110 },
        { header: "类型", width: 56 },
        { header: "事项", width: "*" },
        { header: "扣分", width: 44, align: "right" },
      ],
      rows,
    ),
  ];
}
