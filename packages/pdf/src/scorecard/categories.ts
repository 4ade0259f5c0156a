/**
 * The categories (测评项目) of a scorecard: a table with score, max, ratio and a horizontal
 * bar per category (grade thresholds as ticks), and a radar chart of the category ratios.
 */
import type { CityResult, Names } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { BatchFacts } from "../batch-facts.js";
import { colorOfRatio, note } from "../blocks.js";
import { radarChart } from "../charts/radar-chart.js";
import { ratioBar } from "../charts/ratio-bar.js";
import { fixed2, percent } from "../format.js";
import { dataTable } from "../tables.js";
import { COLORS, CONTENT_WIDTH } from "../theme.js";

const BAR_WIDTH = 150;

/** The categories table with bars. */
export function categoriesTable(city: CityResult, batch: BatchFacts, names: Names): Content {
  const grades = batch.ruleset.grades;
  const ticks = grades.map((g) => g.minRatio);
  const rows: TableCell[][] = city.categories.map((c, i) => [
    { text: String(i + 1), color: COLORS.muted },
    { text: [{ text: names.category(c.id, c.name) }, { text: `  ${c.id}`, style: "small" }] },
    { text: fixed2(c.score) },
    { text: fixed2(c.max) },
    { text: percent(c.ratio), bold: true, color: colorOfRatio(grades, c.ratio) },
    ratioBar(c.ratio, { width: BAR_WIDTH, color: colorOfRatio(grades, c.ratio), ticks }),
  ]);
  const rawRatio = city.max === 0 ? null : city.rawScore / city.max;
  rows.push([
    { text: "" },
    { text: city.penaltyPoints > 0 ? "合计（扣除负面清单前）" : "合计", bold: true },
    { text: fixed2(city.rawScore), bold: true },
    { text: fixed2(city.max), bold: true },
    { text: percent(rawRatio), bold: true },
    ratioBar(rawRatio, { width: BAR_WIDTH, color: COLORS.primary, ticks }),
  ]);
  return dataTable(
    [
      { header: "序号", width: 22 },
      { header: "测评项目", width: "*" },
      { header: "得分", width: 46, align: "right" },
      { header: "满分", width: 46, align: "right" },
      { header: "得分率", width: 50, align: "right" },
      { header: `得分率（刻度为等级线）`, width: BAR_WIDTH },
    ],
    rows,
  );
}

/** The radar chart of category ratios with a short reading beside it. */
export function categoriesRadar(city: CityResult, batch: BatchFacts, names: Names): Content {
  const grades = batch.ruleset.grades;
  const radar = radarChart(
    city.categories.map((c) => ({ label: names.category(c.id, c.name), ratio: c.ratio })),
    { width: 300, height: 188, thresholds: grades.map((g) => g.minRatio).filter((r) => r > 0) },
  );
  const scored = city.categories.filter((c) => c.ratio !== null);
  const sorted = [...scored].sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0) || (a.id < b.id ? -1 : 1));
  const weakest = sorted.slice(0, 3);
  const strongest = [...sorted].reverse().slice(0, 2);
  const line = (c: (typeof sorted)[number]) => ({
    text: [{ text: `${names.category(c.id, c.name)}  ` }, { text: percent(c.ratio), bold: true, color: colorOfRatio(grades, c.ratio) }],
    margin: [0, 0, 0, 0] as [number, number, number, number],
  });
  const legend: Content = {
    stack: [
      { text: "读图", style: "subsection", margin: [0, 0, 0, 3] },
      { text: "蓝色区域为各项目得分率（外圈 100%，每圈 20%），橙色虚线为等级线：", style: "note" },
      ...grades
        .filter((g) => g.minRatio > 0)
        .map((g) => ({
          text: `· ${g.name}：得分率 ≥ ${percent(g.minRatio)}`,
          style: "note",
          margin: [6, 1, 0, 0] as [number, number, number, number],
        })),
      { text: "相对薄弱", style: "subsection", margin: [0, 8, 0, 2] },
      ...weakest.map(line),
      { text: "相对较好", style: "subsection", margin: [0, 6, 0, 2] },
      ...strongest.map(line),
    ],
  };
  if (city.categories.length < 3) return { stack: [radar], margin: [0, 8, 0, 0] };
  return {
    columns: [
      { width: 300, stack: [radar] },
      { width: CONTENT_WIDTH - 300 - 16, stack: [legend], margin: [0, 12, 0, 0] },
    ],
    columnGap: 16,
    margin: [0, 10, 0, 0],
    unbreakable: true,
  };
}

/** The categories section body. */
export function categoriesSection(city: CityResult, batch: BatchFacts, names: Names): Content[] {
  const notApplicable = city.standards.filter((s) => s.status === "notApplicable").length;
  const missing = city.standards.filter((s) => s.status === "missing" || s.status === "insufficient");
  const notes: Content[] = [];
  if (missing.length > 0) {
    notes.push(note(`${missing.length} 项测评标准缺少或证据不足，已按测评体系规定计分（见「主要扣分项」）。`));
  }
  if (notApplicable > 0) notes.push(note(`${notApplicable} 项测评标准对本市不适用，不计入满分。`));
  return [categoriesTable(city, batch, names), ...notes, categoriesRadar(city, batch, names)];
}
