/**
 * The headline of a scorecard: four cards (score / max, ratio, grade, rank overall and in the
 * peer group) and, for a vetoed city, an unmistakable red 一票否决 band naming the vetoes.
 */
import type { CityResult } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { BatchFacts } from "../batch-facts.js";
import { ratioBar } from "../charts/ratio-bar.js";
import { cardRow, colorOfGrade, gradeForRatio, statCard as card } from "../blocks.js";
import { DASH, fixed2, percent, rankOf } from "../format.js";
import { COLORS } from "../theme.js";

/** The red veto band (empty for a city that is not vetoed). */
export function vetoBand(city: CityResult): Content[] {
  if (city.status !== "vetoed") return [];
  const vetoes = city.adjustments.filter((a) => a.kind === "veto");
  return [
    {
      table: {
        widths: ["auto", "*"],
        body: [
          [
            { text: "一票否决", fontSize: 18, bold: true, color: COLORS.white, margin: [6, 4, 12, 4] },
            {
              stack: [
                { text: "本轮测评结果为一票否决：不评定等级，不参与排名。", bold: true, color: COLORS.white, fontSize: 10 },
                {
                  text: `触发事项：${vetoes.map((v) => `${v.name}（${v.id}）`).join("；") || DASH}`,
                  color: COLORS.white,
                  fontSize: 9,
                  margin: [0, 2, 0, 0],
                },
              ],
              margin: [0, 5, 6, 4],
            },
          ],
        ],
      },
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => COLORS.veto },
      margin: [0, 10, 0, 0],
    },
  ];
}

/** What the city would need for the next grade up, if there is one. */
function nextGradeNote(city: CityResult, batch: BatchFacts): string {
  if (city.status === "vetoed") return "否决事项须先整改";
  const grades = batch.ruleset.grades;
  const current = grades.findIndex((g) => g.id === city.grade);
  if (city.ratio === null || current <= 0) return current === 0 ? "已达最高等级" : DASH;
  const next = grades[current - 1];
  if (next === undefined) return DASH;
  const needed = Math.max(0, next.minRatio * city.max - city.score);
  return `距「${next.name}」（${percent(next.minRatio)}）差 ${fixed2(needed)} 分`;
}

/** The four headline cards (and the veto band above them when vetoed). */
export function headline(city: CityResult, batch: BatchFacts): Content[] {
  const vetoed = city.status === "vetoed";
  const grades = batch.ruleset.grades;
  const gradeColor = vetoed ? COLORS.veto : colorOfGrade(grades, city.grade);
  const barColor = vetoed ? COLORS.veto : colorOfGrade(grades, gradeForRatio(grades, city.ratio)?.id ?? null);
  const group = city.peerGroup;
  const groupSize = group === null ? 0 : (batch.groupSizes[group] ?? 0);
  const penalty =
    city.penaltyPoints > 0
      ? `满分 ${fixed2(city.max)}；原始得分 ${fixed2(city.rawScore)}，负面清单扣 ${fixed2(city.penaltyPoints)} 分`
      : `满分 ${fixed2(city.max)}；无负面清单扣分`;
  const cards: TableCell[] = [
    card("总得分", { text: fixed2(city.score), fontSize: 22, bold: true, color: COLORS.primary }, penalty),
    card(
      "得分率",
      { text: percent(city.ratio), fontSize: 22, bold: true, color: barColor },
      {
        stack: [ratioBar(city.ratio, { width: 96, height: 5, color: barColor, ticks: grades.map((g) => g.minRatio) })],
        margin: [0, 3, 0, 0],
      },
    ),
    card(
      "测评等级",
      { text: vetoed ? "一票否决" : (city.gradeName ?? DASH), fontSize: 22, bold: true, color: gradeColor },
      nextGradeNote(city, batch),
      vetoed ? COLORS.vetoSoft : COLORS.primarySoft,
    ),
    card(
      "名次",
      { text: vetoed ? DASH : rankOf(city.rank.overall, batch.cityCount), fontSize: 22, bold: true, color: COLORS.primary },
      vetoed
        ? "否决城市不参与排名"
        : group === null
          ? `全部 ${batch.cityCount} 个城市中；未分组`
          : `全部 ${batch.cityCount} 个城市中；组内 ${rankOf(city.rank.peerGroup, groupSize)}（${group}）`,
    ),
  ];
  return [...vetoBand(city), cardRow(cards, [0, vetoed ? 6 : 14, 0, 0])];
}
