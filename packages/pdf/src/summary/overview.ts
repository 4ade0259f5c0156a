/**
 * The top of the batch summary: title, what was assessed (round, rule set, hash, inputs,
 * date) and headline cards (cities, mean ratio, grade counts, vetoes).
 */
import type { Results } from "@civitas/core";
import type { Content } from "pdfmake/interfaces.js";
import { cardFigure, cardRow, colorOfGrade, documentTitle, keyValueGrid, statCard as card } from "../blocks.js";
import { type DocumentDate, formatChineseDate } from "../document-date.js";
import { count, DASH, percent, shortHash } from "../format.js";
import { COLORS } from "../theme.js";

/** Mean of the non-null ratios of cities with status ok. */
export function meanRatio(results: Results): number | null {
  const ratios = results.cities.filter((c) => c.status === "ok" && c.ratio !== null).map((c) => c.ratio ?? 0);
  return ratios.length === 0 ? null : ratios.reduce((a, b) => a + b, 0) / ratios.length;
}

/** Title, facts grid and headline cards. */
export function overview(results: Results, date: DocumentDate): Content[] {
  const cities = results.cities;
  const vetoed = cities.filter((c) => c.status === "vetoed").length;
  const groups = new Set(cities.map((c) => c.peerGroup).filter((g): g is string => g !== null));
  const rows = results.inputs.files.reduce((acc, f) => acc + f.rows, 0);
  const grades = results.ruleset.grades;
  const gradeCounts = grades.map((g) => ({ grade: g, n: cities.filter((c) => c.grade === g.id).length }));
  const gradeColumns: Content =
    gradeCounts.length === 0
      ? { text: DASH, fontSize: 22, bold: true, color: COLORS.primary }
      : {
          columns: gradeCounts.map(({ grade, n }) => ({
            width: "auto",
            stack: [
              { text: String(n), fontSize: 16, bold: true, color: colorOfGrade(grades, grade.id) },
              { text: grade.name, fontSize: 7.5, color: colorOfGrade(grades, grade.id) },
            ],
          })),
          columnGap: 12,
          margin: [0, 2, 0, 0],
        };
  const ungraded = cities.filter((c) => c.status === "ok" && c.grade === null).length;
  return [
    documentTitle({ title: "测评汇总报告", subtitle: results.ruleset.title, figure: results.round, figureLabel: "测评轮次" }),
    keyValueGrid(
      [
        ["测评体系", `${results.ruleset.id}@${results.ruleset.version}`],
        ["体系哈希", `sha256 ${shortHash(results.ruleset.hash)}`],
        ["参评城市", `${count(cities.length)} 个，${groups.size} 个组别`],
        ["评分引擎", `${results.engine.name} ${results.engine.version}`],
        ["报告日期", date.shown ? formatChineseDate(date.date) : DASH],
      ],
      [["证据文件", `${results.inputs.files.length} 个文件共 ${count(rows)} 行，拒收 ${count(results.inputs.rejected)} 行`]],
    ),
    cardRow([
      card("参评城市", cardFigure(count(cities.length)), `${count(cities.length - vetoed)} 个参与排名`),
      card("平均得分率", cardFigure(percent(meanRatio(results))), "不含一票否决城市"),
      card("等级分布", gradeColumns, ungraded > 0 ? `另有 ${ungraded} 个未定级` : "按测评体系等级线评定"),
      card("一票否决", cardFigure(count(vetoed), vetoed > 0 ? COLORS.veto : COLORS.primary), vetoed > 0 ? "不评定等级、不参与排名" : "无"),
    ]),
  ];
}
