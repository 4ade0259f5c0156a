/**
 * An in-memory integration: a city platform holds its evidence as records, scores it with
 * @civitas/core and prints the ranking. Run: `npx tsx examples/in-memory-ranking.ts`.
 */
import { parseRuleset, type Results, scoreRound } from "@civitas/core";

const ruleset = parseRuleset({
  id: "platform-demo",
  version: "1.0.0",
  title: "平台集成示例（示例）",
  effectiveFrom: "2024-01-01",
  grades: [
    { id: "excellent", name: "优秀", minRatio: 0.9 },
    { id: "pass", name: "合格", minRatio: 0.7 },
    { id: "fail", name: "不合格", minRatio: 0 },
  ],
  departments: [{ id: "cgj", name: "城市管理局" }],
  siteTypes: [{ id: "market", name: "农贸市场" }],
  categories: [
    {
      id: "C4",
      name: "公共环境",
      contents: [
        {
          id: "C4.1",
          name: "市容环境卫生",
          standards: [
            {
              id: "S4.1.1",
              name: "农贸市场环境卫生",
              points: 30,
              method: "field",
              responsible: ["cgj"],
              siteTypes: ["market"],
              checks: [
                { id: "K001", name: "地面有积水、垃圾", deduction: 2 },
                { id: "K002", name: "占道经营", deduction: 3 },
              ],
            },
            {
              id: "S4.1.2",
              name: "市民满意度",
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

const results: Results = await scoreRound({
  ruleset,
  round: "2024",
  evidence: {
    cities: [
      { city_id: "hz", name: "杭州市", peer_group: "省会" },
      { city_id: "nb", name: "宁波市", peer_group: "副省级" },
    ],
    sites: [
      { round: "2024", city_id: "hz", site_id: "M01", site_type: "market" },
      { round: "2024", city_id: "nb", site_id: "M01", site_type: "market" },
    ],
    field: [{ round: "2024", city_id: "hz", site_id: "M01", check_id: "K002", count: "2" }],
    survey: [
      { round: "2024", city_id: "hz", respondent_id: "r1", question_id: "Q01", answer: "A" },
      { round: "2024", city_id: "nb", respondent_id: "r1", question_id: "Q01", answer: "C" },
    ],
  },
});

for (const city of [...results.cities].sort((a, b) => (a.rank.overall ?? 99) - (b.rank.overall ?? 99))) {
  const ratio = city.ratio === null ? "—" : `${(city.ratio * 100).toFixed(1)}%`;
  console.log(`${city.rank.overall ?? "—"}\t${city.name}\t${city.score}/${city.max}\t${ratio}\t${city.grade ?? city.status}`);
}
