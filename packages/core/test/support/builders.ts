/**
 * Builders for tests: a small valid rule set that each test bends to show only what matters.
 */
import { parseRuleset, type Ruleset } from "../../src/index.js";

type Data = Record<string, unknown>;

/** A minimal valid base rule set with one category, one content and the given standards. */
export function rulesetData(standards: Data[], extra: Data = {}): Data {
  return {
    id: "test",
    version: "1.0.0",
    title: "测试体系（示例）",
    effectiveFrom: "2020-01-01",
    grades: [
      { id: "excellent", name: "优秀", minRatio: 0.9 },
      { id: "pass", name: "合格", minRatio: 0.7 },
      { id: "fail", name: "不合格", minRatio: 0 },
    ],
    departments: [
      { id: "cgj", name: "城市管理局" },
      { id: "scj", name: "市场监督管理局" },
    ],
    siteTypes: [
      { id: "market", name: "农贸市场" },
      { id: "road", name: "主次干道" },
    ],
    categories: [{ id: "C1", name: "公共环境", contents: [{ id: "C1.1", name: "市容", standards }] }],
    ...extra,
  };
}

export const fieldStandard = (extra: Data = {}): Data => ({
  id: "S1",
  name: "农贸市场环境卫生",
  points: 30,
  method: "field",
  responsible: ["cgj", "scj"],
  siteTypes: ["market"],
  checks: [
    { id: "K1", name: "地面有积水、垃圾", deduction: 2 },
    { id: "K2", name: "占道经营", deduction: 3 },
  ],
  ...extra,
});

export const surveyStandard = (extra: Data = {}): Data => ({
  id: "S2",
  name: "市民满意度",
  points: 20,
  method: "survey",
  responsible: ["cgj"],
  question: "Q1",
  positive: ["A", "B"],
  floor: 0.5,
  target: 0.9,
  ...extra,
});

export const documentStandard = (extra: Data = {}): Data => ({
  id: "S3",
  name: "工作机制",
  points: 10,
  method: "document",
  responsible: ["cgj"],
  ...extra,
});

export const dataStandard = (extra: Data = {}): Data => ({
  id: "S4",
  name: "PM2.5",
  points: 10,
  method: "data",
  responsible: [],
  fact: "pm25",
  floor: 75,
  target: 35,
  ...extra,
});

export function ruleset(standards: Data[], extra: Data = {}): Ruleset {
  return parseRuleset(rulesetData(standards, extra));
}
