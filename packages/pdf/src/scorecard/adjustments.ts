/**
 * 负面清单、一票否决与数据说明: every adjustment as evaluated for the city (held ones first,
 * with the fact values their conditions saw), the city's warnings, and how many evidence rows
 * of the batch were rejected.
 */
import type { AdjustmentResult, CityResult, LeafTrace } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { BatchFacts } from "../batch-facts.js";
import { note, subheading } from "../blocks.js";
import { count, DASH, fixed2 } from "../format.js";
import { OPERATOR_LABELS } from "../labels.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";

const show = (value: unknown): string =>
  value === null || value === undefined ? "缺失" : Array.isArray(value) ? `[${value.map(show).join(", ")}]` : String(value);

/** One condition leaf in words: `accidents = 1（条件 > 0），成立`. */
export function leafText(leaf: LeafTrace): string {
  return `${leaf.fact} = ${show(leaf.factValue)}（条件 ${OPERATOR_LABELS[leaf.operator] ?? leaf.operator} ${show(leaf.value)}），${leaf.held ? "成立" : "不成立"}`;
}

function adjustmentRow(a: AdjustmentResult): TableCell[] {
  const veto = a.kind === "veto";
  return [
    { text: veto ? "一票否决" : "负面清单", color: veto ? COLORS.veto : COLORS.warn, bold: a.held },
    {
      stack: [
        { text: a.name, bold: a.held },
        { text: a.id, style: "small" },
      ],
    },
    { text: veto ? "否决" : `${fixed2(a.points ?? 0)}` },
    a.held
      ? { text: "触发", bold: true, color: COLORS.white, fillColor: veto ? COLORS.veto : COLORS.warn, alignment: "center" }
      : a.appeals !== undefined && a.appeals.length > 0
        ? // its condition held, but an appeal withdrew it
          { text: `申诉撤销\n${a.appeals.join("、")}`, bold: true, color: COLORS.primary, alignment: "center" }
        : { text: "未触发", color: COLORS.muted, alignment: "center" },
    { stack: a.leaves.length === 0 ? [{ text: DASH }] : a.leaves.map((l) => ({ text: leafText(l), style: "small" })) },
  ];
}

/** The adjustments, warnings and data-quality section body. */
export function adjustmentsSection(city: CityResult, batch: BatchFacts): Content[] {
  const checks = [...city.adjustmentChecks].sort(
    (a, b) => Number(b.held) - Number(a.held) || (a.kind === b.kind ? 0 : a.kind === "veto" ? -1 : 1),
  );
  const parts: Content[] = [];
  if (checks.length === 0) {
    parts.push(note("测评体系未设负面清单与一票否决事项。"));
  } else {
    const held = checks.filter((a) => a.held);
    parts.push({
      text:
        held.length === 0
          ? `共 ${checks.length} 项负面清单与一票否决事项，本市均未触发。`
          : `共 ${checks.length} 项负面清单与一票否决事项，本市触发 ${held.length} 项${city.penaltyPoints > 0 ? `，负面清单合计扣 ${fixed2(city.penaltyPoints)} 分` : ""}${city.status === "vetoed" ? "，并被一票否决" : ""}。`,
      style: "note",
      margin: [0, 0, 0, 6],
    });
    parts.push(
      dataTable(
        [
          { header: "类型", width: 48 },
          { header: "事项", width: "*" },
          { header: "扣分", width: 36, align: "right" },
          { header: "判定", width: 40, align: "center" },
          { header: "条件与本市数据", width: 190 },
        ],
        checks.map(adjustmentRow),
      ),
    );
  }
  parts.push(subheading("提示与数据质量"));
  const lines: Content[] = [];
  for (const w of city.warnings) {
    lines.push({ text: `指标「${w.fact}」缺失：${w.source} 的条件引用了它，按条件不成立处理。`, margin: [0, 1, 0, 1] });
  }
  const rejectedFiles = batch.files.filter((f) => f.rejected > 0).map((f) => `${f.name} ${count(f.rejected)} 行`);
  lines.push({
    text:
      batch.rejected === 0
        ? "本批证据无拒收行。"
        : `本批证据共拒收 ${count(batch.rejected)} 行（${rejectedFiles.join("，")}），拒收行未计入任何城市的得分，明细见 rejects.csv。`,
    margin: [0, 1, 0, 1],
  });
  parts.push({ ul: lines, style: "td", markerColor: COLORS.muted });
  return parts;
}
