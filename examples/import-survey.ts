/**
 * A 问卷星 export, as a platform integration holds it in memory, imported with a survey map and
 * scored: the satisfaction rate of each city with its 95% interval. Run:
 * `npx tsx --conditions @civitas/source examples/import-survey.ts`.
 */
import { type EvidenceRow, flatCell, importSurvey, layOutTable, parseRuleset, SURVEY_TABLE, scoreRound } from "@civitas/core";

const ruleset = parseRuleset({
  id: "survey-demo",
  version: "1.0.0",
  title: "问卷导入示例（示例）",
  effectiveFrom: "2024-01-01",
  grades: [
    { id: "pass", name: "合格", minRatio: 0.6 },
    { id: "fail", name: "不合格", minRatio: 0 },
  ],
  departments: [{ id: "cgj", name: "城市管理局" }],
  categories: [
    {
      id: "C4",
      name: "公共环境",
      contents: [
        {
          id: "C4.1",
          name: "市容环境",
          standards: [
            {
              id: "S4.1.9",
              name: "市民对市容环境满意度",
              points: 20,
              method: "survey",
              responsible: ["cgj"],
              question: "Q01",
              positive: ["A", "B"],
              floor: 0.5,
              target: 0.9,
            },
          ],
        },
      ],
    },
  ],
});

// 问卷星, 按选项文本: one row per respondent; 序号 4 answered in 20 seconds, 序号 6 is not in a city assessed
const header = ["序号", "所用时间", "来自IP", "1、您所在的城市：", "2、您对本市市容环境满意吗？"];
const answers = ["非常满意", "满意", "一般", "满意", "非常满意", "满意", "不满意", "满意", "满意", "一般"];
const rows = answers.map((answer, i) => [
  String(i + 1),
  i === 3 ? "20秒" : "2分15秒",
  `10.0.0.${i + 1}`,
  i === 5 ? "苏州市" : i % 2 === 0 ? "杭州市" : "宁波市",
  answer,
]);
const result = importSurvey(
  {
    platform: "wjx",
    round: 2024,
    city: { column: "1、", values: { 杭州市: "hangzhou", 宁波市: "ningbo" } },
    questions: { Q01: { column: "2、", answers: { 非常满意: "A", 满意: "B", 一般: "C", 不满意: "D", 非常不满意: "E" } } },
    screens: { minSeconds: 60 },
  },
  [{ file: "wjx.csv", rows: [header, ...rows] }],
);
console.log(`written ${result.totals.written}, screened ${result.totals.screened}, rejected ${result.totals.rejected}`);

// survey.csv's rows, as a table definition gives them, are evidence as they are
const survey: EvidenceRow[] = [...layOutTable(SURVEY_TABLE, result).rows].map((cells) => {
  const [round, city_id, respondent_id, question_id, answer] = cells.map((c) => String(flatCell(c)));
  return { round, city_id, respondent_id, question_id, answer } as EvidenceRow;
});
const results = await scoreRound({
  ruleset,
  round: "2024",
  evidence: {
    cities: [
      { city_id: "hangzhou", name: "杭州市" },
      { city_id: "ningbo", name: "宁波市" },
    ],
    survey,
  },
});
const pct = (x: number | null | undefined) => `${((x ?? 0) * 100).toFixed(1)}%`;
for (const city of results.cities) {
  const evidence = city.standards[0]?.evidence;
  if (evidence?.method !== "survey") continue;
  console.log(
    `${city.name}\t${pct(evidence.rate)} (${pct(evidence.rateLow)}–${pct(evidence.rateHigh)}, n = ${evidence.responses})\t${city.score.toFixed(2)}`,
  );
}
