/**
 * The first pages of the closure report: title, what was compared, the four class counts as
 * headline cards with what they mean, then the totals per city and per department.
 */
import type { ClosureTotals } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { cardFigure, cardRow, documentTitle, keyValueGrid, note, statCard } from "../blocks.js";
import { formatChineseDate } from "../document-date.js";
import { count, DASH, shortHash } from "../format.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";
import {
  baseProblems,
  CLASS_COLORS,
  CLASS_MEANINGS,
  className,
  closureRateText,
  COUNTED_CLASSES,
  currentProblems,
  sumTotals,
} from "./classes.js";
import type { ClosureIndex, ClosureInput } from "./closure-input.js";

/** Title, facts, class cards and the legend. */
export function closureOverview(input: ClosureInput, index: ClosureIndex): Content[] {
  const { closure, base, current, date } = input;
  const t = closure.totals.overall;
  const cities = Object.keys(closure.totals.byCity).length;
  const version = (r: typeof closure.base) => `${r.ruleset.id}@${r.ruleset.version}（sha256 ${shortHash(r.ruleset.hash)}）`;
  const base0 = baseProblems(t);
  return [
    documentTitle({
      title: "问题销号与责任清单",
      subtitle: current.ruleset.title,
      figure: `${closure.base.round} → ${closure.current.round}`,
      figureLabel: "比对轮次",
    }),
    keyValueGrid(
      [
        ["上轮", `${closure.base.round} 轮次，${count(base.cities.length)} 个城市`],
        ["本轮", `${closure.current.round} 轮次，${count(current.cities.length)} 个城市`],
        ["涉及城市", `${count(cities)} 个`],
        ["责任单位", `${count(index.departments.length)} 个`],
        ["报告日期", date.shown ? formatChineseDate(date.date) : DASH],
        ["问题总数", `上轮 ${count(base0)} 项，本轮 ${count(currentProblems(t))} 项`],
      ],
      [
        ["上轮体系", version(closure.base)],
        ["本轮体系", closure.versionsDiffer ? `${version(closure.current)}　两轮测评体系版本不同，按问题键比对` : version(closure.current)],
      ],
    ),
    cardRow([
      statCard("已销号", cardFigure(count(t.resolved), CLASS_COLORS.resolved), `销号率 ${closureRateText(t)}（占上轮问题）`),
      statCard("未复查", cardFigure(count(t.unverified), CLASS_COLORS.unverified), "本轮未出现，但未经复查"),
      statCard(
        "未整改",
        cardFigure(count(t.persisting), CLASS_COLORS.persisting),
        "两轮均存在",
        t.persisting > 0 ? COLORS.vetoSoft : COLORS.primarySoft,
      ),
      statCard("新发现", cardFigure(count(t.new), CLASS_COLORS.new), "本轮首次发现", t.new > 0 ? COLORS.warnSoft : COLORS.primarySoft),
    ]),
    {
      table: {
        widths: [40, "*"],
        body: COUNTED_CLASSES.map((c) => [
          { text: className(c), bold: true, color: CLASS_COLORS[c], fontSize: 8 },
          { text: CLASS_MEANINGS[c], style: "note" },
        ]),
      },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        paddingLeft: () => 0,
        paddingRight: () => 6,
        paddingTop: () => 1,
        paddingBottom: () => 1,
      },
      margin: [0, 10, 0, 0],
    },
    note("问题键为（城市，测评标准，测评细则，点位）：实地考察问题按点位和细则逐项比对，其他方法的问题按测评标准比对。"),
  ];
}

/** The totals columns shared by the city and department tables. */
const TOTAL_COLUMNS = [
  { header: "上轮问题", width: 40, align: "right" },
  { header: "已销号", width: 36, align: "right" },
  { header: "未复查", width: 36, align: "right" },
  { header: "未整改", width: 36, align: "right" },
  { header: "销号率", width: 44, align: "right" },
  { header: "新发现", width: 36, align: "right" },
  { header: "本轮问题", width: 40, align: "right" },
] as const;

function totalCells(t: ClosureTotals, bold = false): TableCell[] {
  const n = (value: number, color?: string): TableCell => ({
    text: count(value),
    bold,
    ...(value > 0 && color !== undefined ? { color } : { color: value === 0 ? COLORS.faint : COLORS.ink }),
  });
  return [
    n(baseProblems(t)),
    n(t.resolved, CLASS_COLORS.resolved),
    n(t.unverified, CLASS_COLORS.unverified),
    n(t.persisting, CLASS_COLORS.persisting),
    { text: closureRateText(t), bold: true },
    n(t.new, CLASS_COLORS.new),
    n(currentProblems(t)),
  ];
}

function totalsTable(label: string, rows: readonly { name: TableCell; totals: ClosureTotals }[], sumLabel: string | null): Content {
  const body = rows.map((r) => [r.name, ...totalCells(r.totals)]);
  if (sumLabel !== null) body.push([{ text: sumLabel, bold: true }, ...totalCells(sumTotals(rows.map((r) => r.totals)), true)]);
  return dataTable([{ header: label, width: "*" }, ...TOTAL_COLUMNS], body);
}

/** 各城市销号情况: one row per city of either round, and the sum. */
export function cityTotals(input: ClosureInput, index: ClosureIndex): Content[] {
  const rows = Object.entries(input.closure.totals.byCity).map(([cityId, totals]) => ({
    name: { text: [{ text: index.cityName(cityId) }, { text: `  ${cityId}`, style: "small" }] } as TableCell,
    totals,
  }));
  return [totalsTable("城市", rows, "合计"), note("销号率 = 已销号 ÷ 上轮问题（已销号 + 未复查 + 未整改）；本轮问题 = 未整改 + 新发现。")];
}

/** 各责任单位销号情况: one row per department (in the rule set's order). */
export function departmentTotals(input: ClosureInput, index: ClosureIndex): Content[] {
  if (index.departments.length === 0) return [note("两轮均未发现问题，没有责任单位的统计。", [0, 0, 0, 0])];
  const byDepartment = input.closure.totals.byDepartment;
  const rows = index.departments.map((department) => {
    const own = Object.hasOwn(byDepartment, department) ? byDepartment[department] : undefined;
    const totals = own ?? sumOf(index, department);
    return { name: { text: index.departmentName(department) } as TableCell, totals };
  });
  return [totalsTable("责任单位", rows, null), note("一项问题由多个单位共同负责时，计入每个单位，故各单位之和可能大于问题总数。")];
}

/** Totals of a department the closure does not total (items without departments). */
function sumOf(index: ClosureIndex, department: string): ClosureTotals {
  const totals: ClosureTotals = { resolved: 0, unverified: 0, persisting: 0, new: 0 };
  for (const item of index.itemsOf(department)) totals[item.class]++;
  return totals;
}
