/**
 * The distribution of the batch's ratios: a histogram in 5% bins (coloured by grade, grade
 * lines dashed) and the mean, median, highest and lowest.
 */
import type { CityResult, Results } from "@civitas/core";
import type { Content } from "pdfmake/interfaces.js";
import { colorOfRatio, keyValueGrid, note } from "../blocks.js";
import { type HistogramBin, histogram } from "../charts/histogram.js";
import { DASH, percent } from "../format.js";
import { CONTENT_WIDTH } from "../theme.js";

const STEP = 0.05;

/** Bins of 5% from the lowest ratio's bin (at most 50%) up to 100% (which falls in the last bin). */
export function ratioBins(ratios: readonly number[]): { lower: number; counts: number[] } {
  const min = ratios.length === 0 ? 0.5 : Math.min(...ratios);
  const lowerIndex = Math.max(0, Math.min(10, Math.floor(min / STEP + 1e-9)));
  const bins = 20 - lowerIndex;
  const counts = Array.from({ length: bins }, () => 0);
  for (const r of ratios) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor(r / STEP + 1e-9) - lowerIndex));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return { lower: lowerIndex * STEP, counts };
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The distribution section body. */
export function distributionSection(results: Results): Content[] {
  const withRatio = results.cities.filter((c): c is CityResult & { ratio: number } => c.ratio !== null);
  if (withRatio.length === 0) return [note("没有可统计的得分率。")];
  const ratios = withRatio.map((c) => c.ratio);
  const grades = results.ruleset.grades;
  const { lower, counts } = ratioBins(ratios);
  const bins: HistogramBin[] = counts.map((n, i) => {
    const from = lower + i * STEP;
    return {
      label: `${Math.round(from * 100)}–${Math.round((from + STEP) * 100)}`,
      count: n,
      color: colorOfRatio(grades, from + STEP / 2),
    };
  });
  const span = 1 - lower;
  const markers = grades
    .filter((g) => g.minRatio > lower && g.minRatio < 1)
    .map((g) => ({ at: (g.minRatio - lower) / span, label: `${g.name} ${percent(g.minRatio)}` }));
  const sorted = [...ratios].sort((a, b) => a - b);
  const highest = [...withRatio].sort((a, b) => b.ratio - a.ratio || (a.cityId < b.cityId ? -1 : 1))[0];
  const lowest = [...withRatio].sort((a, b) => a.ratio - b.ratio || (a.cityId < b.cityId ? -1 : 1))[0];
  const vetoed = withRatio.filter((c) => c.status === "vetoed").length;
  return [
    histogram(bins, { width: CONTENT_WIDTH, height: 140, markers }),
    { text: "横轴：得分率区间（%）；纵轴：城市数。柱色为该区间对应的等级。", style: "small", margin: [0, 4, 0, 8] },
    keyValueGrid([
      ["平均", percent(ratios.reduce((a, b) => a + b, 0) / ratios.length)],
      ["中位数", percent(median(sorted))],
      ["最高", highest === undefined ? DASH : `${percent(highest.ratio)}（${highest.name}）`],
      ["最低", lowest === undefined ? DASH : `${percent(lowest.ratio)}（${lowest.name}）`],
    ]),
    note(`统计 ${ratios.length} 个有得分率的城市${vetoed > 0 ? `（含 ${vetoed} 个一票否决城市的得分率）` : ""}。`),
  ];
}
