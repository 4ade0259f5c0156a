/**
 * Where the batch loses most: categories ordered by the points all cities lost in them (with
 * the mean ratio as a bar and the weakest city), and the standards that lost most overall.
 */
import type { Results, Names } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { colorOfRatio, note, subheading } from "../blocks.js";
import { ratioBar } from "../charts/ratio-bar.js";
import { DASH, fixed2, percent } from "../format.js";
import { methodLabel } from "../labels.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";

const EPSILON = 1e-9;

interface Tally {
  id: string;
  name: string;
  max: number;
  loss: number;
  ratios: number[];
  losing: number;
  weakest: { name: string; ratio: number } | null;
  method?: string;
  categoryId?: string;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const byLoss = (a: Tally, b: Tally) => b.loss - a.loss || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Per category: points available and lost over all cities, mean ratio, weakest city. */
export function categoryLosses(results: Results): Tally[] {
  const tallies = new Map<string, Tally>();
  for (const city of results.cities) {
    for (const c of city.categories) {
      const t = tallies.get(c.id) ?? { id: c.id, name: c.name, max: 0, loss: 0, ratios: [], losing: 0, weakest: null };
      t.max += c.max;
      t.loss += c.max - c.score;
      if (c.max - c.score > EPSILON) t.losing += 1;
      if (c.ratio !== null) {
        t.ratios.push(c.ratio);
        if (t.weakest === null || c.ratio < t.weakest.ratio) t.weakest = { name: city.name, ratio: c.ratio };
      }
      tallies.set(c.id, t);
    }
  }
  return [...tallies.values()].sort(byLoss);
}

/** Per standard: points lost over all cities. */
export function standardLosses(results: Results): Tally[] {
  const tallies = new Map<string, Tally>();
  for (const city of results.cities) {
    for (const s of city.standards) {
      const t = tallies.get(s.id) ?? {
        id: s.id,
        name: s.name,
        max: 0,
        loss: 0,
        ratios: [],
        losing: 0,
        weakest: null,
        method: s.method,
        categoryId: s.categoryId,
      };
      t.max += s.max;
      t.loss += s.max - s.score;
      if (s.max - s.score > EPSILON) t.losing += 1;
      if (s.ratio !== null) t.ratios.push(s.ratio);
      tallies.set(s.id, t);
    }
  }
  return [...tallies.values()].filter((t) => t.loss > EPSILON).sort(byLoss);
}

/** The category-losses section body. */
export function categoryLossesSection(results: Results, names: Names, standardsLimit = 15): Content[] {
  const grades = results.ruleset.grades;
  const ticks = grades.map((g) => g.minRatio);
  const categories = categoryLosses(results);
  const totalLoss = categories.reduce((acc, t) => acc + t.loss, 0);
  const categoryRows: TableCell[][] = categories.map((t, i) => {
    const m = mean(t.ratios);
    return [
      { text: String(i + 1), color: COLORS.muted },
      { text: [{ text: names.category(t.id, t.name) }, { text: `  ${t.id}`, style: "small" }] },
      { text: fixed2(t.loss), bold: true, color: COLORS.veto },
      { text: totalLoss > 0 ? percent(t.loss / totalLoss) : DASH },
      { text: percent(m), bold: true, color: colorOfRatio(grades, m) },
      ratioBar(m, { width: 100, height: 6, color: colorOfRatio(grades, m), ticks }),
      { text: t.weakest === null ? DASH : `${t.weakest.name} ${percent(t.weakest.ratio)}` },
    ];
  });
  const standards = standardLosses(results);
  const standardRows: TableCell[][] = standards.slice(0, standardsLimit).map((t, i) => [
    { text: String(i + 1), color: COLORS.muted },
    {
      text: [
        { text: names.standard(t.id, t.name) },
        { text: `  ${t.id} · ${names.category(t.categoryId ?? "", t.categoryId)} · ${methodLabel(t.method ?? "")}`, style: "small" },
      ],
    },
    { text: `${t.losing} / ${results.cities.length}` },
    { text: fixed2(t.loss), bold: true, color: COLORS.veto },
    { text: percent(mean(t.ratios)) },
  ]);
  return [
    note(`全部城市合计失分 ${fixed2(totalLoss)} 分（负面清单扣分另计），按测评项目分布如下：`, [0, 0, 0, 6]),
    dataTable(
      [
        { header: "序号", width: 22 },
        { header: "测评项目", width: "*" },
        { header: "失分合计", width: 48, align: "right" },
        { header: "占比", width: 42, align: "right" },
        { header: "平均得分率", width: 50, align: "right" },
        { header: "", width: 100 },
        { header: "最低城市", width: 88 },
      ],
      categoryRows,
    ),
    subheading("失分最多的测评标准"),
    standards.length === 0
      ? note("各城市均未在任何测评标准上失分。")
      : dataTable(
          [
            { header: "序号", width: 22 },
            { header: "测评标准", width: "*" },
            { header: "失分城市", width: 50, align: "right" },
            { header: "失分合计", width: 50, align: "right" },
            { header: "平均得分率", width: 52, align: "right" },
          ],
          standardRows,
        ),
    ...(standards.length > standardsLimit
      ? [note(`共 ${standards.length} 项测评标准有失分，上表列出失分最多的 ${standardsLimit} 项。`)]
      : []),
  ];
}
