/**
 * The composite table: every city with its ratio in each round, the composite ratio, status,
 * title, dynamic-management flag and a small trend line over the rounds, best composite first.
 */
import { COMPOSITE_TABLE, type Composite, type CompositeCity, type DynamicFlag, headerOf } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { note } from "../blocks.js";
import { trendLine, trendRange } from "../charts/trend-line.js";
import { DASH, percent, plain, signed2 } from "../format.js";
import { type Column, dataTable } from "../tables.js";
import { COLORS } from "../theme.js";

/** Rounds shown as columns; older ones still count and are drawn in the trend line. */
export const MAX_ROUND_COLUMNS = 4;

const EPSILON = 1e-9;
const TREND_WIDTH = 44;

/** The dynamic-management flags in words and colours. */
export const DYNAMIC_LABELS: Readonly<Record<DynamicFlag, { readonly text: string; readonly color: string }>> = {
  ok: { text: "正常", color: COLORS.good },
  warning: { text: "提醒", color: COLORS.warn },
  removal: { text: "建议撤销", color: COLORS.veto },
};

const byId = (a: CompositeCity, b: CompositeCity) => (a.cityId < b.cityId ? -1 : a.cityId > b.cityId ? 1 : 0);

/**
 * Cities in table order with their places: not vetoed with a composite ratio by ratio (equal
 * ratios share a place: 1, 2, 2, 4), then vetoed ones by ratio, then those without a ratio.
 */
export function compositeOrder(composite: Composite): { city: CompositeCity; place: number | null }[] {
  const ranked = composite.cities.filter((c) => c.status === "ok" && c.ratio !== null);
  const byRatio = (a: CompositeCity, b: CompositeCity) => (b.ratio ?? 0) - (a.ratio ?? 0) || byId(a, b);
  ranked.sort(byRatio);
  const placed = ranked.map((city, i) => ({ city, place: i + 1 }));
  for (let i = 1; i < placed.length; i++) {
    const here = placed[i];
    const before = placed[i - 1];
    if (here !== undefined && before !== undefined && Math.abs((here.city.ratio ?? 0) - (before.city.ratio ?? 0)) <= EPSILON) {
      here.place = before.place;
    }
  }
  const vetoed = composite.cities.filter((c) => c.status === "vetoed" && c.ratio !== null).sort(byRatio);
  const none = composite.cities.filter((c) => c.ratio === null).sort(byId);
  return [...placed, ...[...vetoed, ...none].map((city) => ({ city, place: null }))];
}

/** The flag cell (a dash for cities without one). */
export function dynamicCell(flag: DynamicFlag | null): TableCell {
  if (flag === null) return { text: DASH, color: COLORS.faint };
  const label = DYNAMIC_LABELS[flag];
  return { text: label.text, bold: flag !== "ok", color: label.color };
}

/** The change from the first to the last round with a ratio, in percentage points. */
export function ratioChange(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  const first = known[0];
  const last = known[known.length - 1];
  return known.length < 2 || first === undefined || last === undefined ? null : last - first;
}

/** A trend line over the rounds and, beside it, the change from the first round to the last. */
function trendCell(values: readonly (number | null)[], color: string, references: readonly { at: number; color: string }[]): TableCell {
  const change = ratioChange(values);
  const delta = change === null ? DASH : signed2(change * 100);
  const deltaColor = change === null || Math.abs(change) < 5e-5 ? COLORS.muted : change > 0 ? COLORS.good : COLORS.veto;
  return {
    columns: [
      { width: TREND_WIDTH, stack: [trendLine(values, { width: TREND_WIDTH, height: 14, range: trendRange(values), color, references })] },
      { width: "*", text: delta, fontSize: 7.5, color: deltaColor, alignment: "right", margin: [0, 2, 0, 0] },
    ],
    columnGap: 4,
  };
}

/** The composite table with its legend. */
export function compositeTable(composite: Composite): Content[] {
  const shown = composite.rounds.slice(-MAX_ROUND_COLUMNS);
  const hidden = composite.rounds.length - shown.length;
  const references =
    composite.dynamic === null
      ? []
      : [
          { at: composite.dynamic.warningBelow, color: COLORS.warn },
          { at: composite.dynamic.removalBelow, color: COLORS.veto },
        ];
  const columns: Column[] = [
    { header: "名次", width: 22, align: "center" },
    { header: "城市", width: "*" },
    ...shown.map((r): Column => ({ header: `${r.round}\n权重 ${plain(r.weight)}`, width: 38, align: "right" })),
    { header: headerOf(COMPOSITE_TABLE, "composite_ratio"), width: 46, align: "right" },
    { header: headerOf(COMPOSITE_TABLE, "status"), width: 34 },
    { header: "称号", width: 26, align: "center" },
    { header: headerOf(COMPOSITE_TABLE, "dynamic"), width: 38 },
    { header: "趋势（百分点）", width: TREND_WIDTH + 30 },
  ];
  const rows = compositeOrder(composite).map(({ city, place }): TableCell[] => {
    const rounds = city.rounds.slice(-MAX_ROUND_COLUMNS);
    const vetoed = city.status === "vetoed";
    const flagColor = city.dynamic === null ? COLORS.bar : city.dynamic === "ok" ? COLORS.bar : DYNAMIC_LABELS[city.dynamic].color;
    return [
      { text: place === null ? DASH : String(place), bold: true },
      {
        text: [{ text: city.name }, { text: `  ${city.cityId}`, style: "small" }],
      },
      ...rounds.map(
        (r): TableCell =>
          r.status === null
            ? { text: "未参评", color: COLORS.faint, fontSize: 7.5 }
            : { text: percent(r.ratio), color: r.status === "vetoed" ? COLORS.veto : COLORS.ink },
      ),
      { text: percent(city.ratio), bold: true, color: vetoed ? COLORS.veto : COLORS.primary },
      vetoed ? { text: "一票否决", bold: true, color: COLORS.veto } : { text: "正常" },
      { text: city.titled ? "已获" : DASH, color: city.titled ? COLORS.ink : COLORS.faint },
      dynamicCell(city.dynamic),
      trendCell(
        city.rounds.map((r) => r.ratio),
        vetoed ? COLORS.veto : flagColor,
        references,
      ),
    ];
  });
  const legend = [
    `综合得分率 = Σ 权重 × 该轮得分率 ÷ Σ 权重，只计有得分率的轮次；任一轮一票否决即为一票否决，不排名次。红色得分率为该轮一票否决。`,
    `趋势线自左至右为 ${composite.rounds.map((r) => r.round).join("、")} 轮，纵轴跨度至少 10 个百分点${composite.dynamic === null ? "" : "，橙色虚线为提醒线，红色虚线为建议撤销线（在跨度内时）"}；右侧数字为首末两轮得分率之差。`,
  ];
  if (hidden > 0) legend.push(`另有更早的 ${hidden} 轮未单列，已计入综合得分率和趋势线。`);
  return [dataTable(columns, rows), ...legend.map((text) => note(text))];
}
