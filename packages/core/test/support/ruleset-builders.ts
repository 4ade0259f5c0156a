/**
 * Rule-set builders: a small valid rule set (`rulesetData`) with a standard of every method that
 * each test bends to show only what matters, conditions and adjustments, and the fuller rule sets
 * some suites share (the validation and overlay base, an overlay on it, the admission rule set).
 */
import { type Condition, parseRuleset, type Ruleset } from "../../src/index.js";

export type Data = Record<string, unknown>;

/** Test data as tests bend it: any shape, reached without ceremony. */
// biome-ignore lint/suspicious/noExplicitAny: tests bend test data freely
export type Loose = any;

/**
 * A minimal valid rule set `test@1.0.0`: grades excellent 0.9, pass 0.7, fail 0; departments cgj
 * and scj; site types market and road; one category C1 with one content C1.1 holding `standards`.
 * `extra` adds or replaces top-level fields (`categories` replaces the single category).
 */
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

/** `rulesetData(standards, extra)`, parsed. */
export function ruleset(standards: Data[], extra: Data = {}): Ruleset {
  return parseRuleset(rulesetData(standards, extra));
}

/** S1: field, 30 points, market sites, responsible cgj and scj; K1 deducts 2, K2 deducts 3. */
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

/** S2: survey, 20 points, question Q1, positive A and B, floor 0.5, target 0.9. */
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

/** S3: document, 10 points, the default levels (met 1, partial 0.5, unmet 0). */
export const documentStandard = (extra: Data = {}): Data => ({
  id: "S3",
  name: "工作机制",
  points: 10,
  method: "document",
  responsible: ["cgj"],
  ...extra,
});

/** S4: data, 10 points, fact pm25, floor 75, target 35 (lower is better). */
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

/**
 * SM: a data standard whose score is its fact's value (points 100, fact mark, floor 0, target
 * 100). A city with only this standard and `factRow(city, "mark", v)` has score v and ratio v / 100.
 */
export const markStandard = (extra: Data = {}): Data =>
  dataStandard({ id: "SM", name: "得分", points: 100, fact: "mark", floor: 0, target: 100, ...extra });

/** A condition leaf. */
export const leaf = (fact: string, operator: string, value: unknown): Condition => ({ fact, operator, value }) as Condition;

/** A veto (一票否决) holding when `conditions` hold. */
export const veto = (id: string, conditions: Condition): Data => ({ id, kind: "veto", name: `否决${id}`, conditions });

/** A penalty (负面清单) of `points` when `conditions` hold. */
export const penalty = (id: string, points: number, conditions: Condition): Data => ({
  id,
  kind: "penalty",
  name: `扣分${id}`,
  points,
  conditions,
});

/** A deep copy of `data` changed by `edit` (for bending one thing of a valid rule set). */
export function edited(data: Data, edit: (copy: Loose) => void): Data {
  const copy = structuredClone(data);
  edit(copy);
  return copy;
}

/**
 * The base of the validation and overlay tests, with every kind of item: `base@1.0.0`, scale
 * 100 = 30 + 20 + 10 + 10 + 30, missingEvidence zero; C1 / C1.1: field S1.1.1 (market, K001 −2,
 * K002 −3, maxPerSite 30, minSites 1), survey S1.1.2 (Q01); C2 / C2.1: document S2.1.1, data
 * S2.1.2 (pm25); C2 / C2.2: field S2.2.1 (road, K101 −1); veto V01 and penalty P01.
 */
export function baseData(extra: Data = {}): Data {
  return rulesetData([], {
    id: "base",
    title: "基础测评体系（示例）",
    effectiveFrom: "2021-01-01",
    scale: 100,
    missingEvidence: "zero",
    categories: [
      {
        id: "C1",
        name: "公共环境",
        contents: [
          {
            id: "C1.1",
            name: "市容环境卫生",
            standards: [
              fieldStandard({
                id: "S1.1.1",
                maxPerSite: 30,
                minSites: 1,
                checks: [
                  { id: "K001", name: "地面有积水、垃圾", deduction: 2 },
                  { id: "K002", name: "占道经营", deduction: 3 },
                ],
              }),
              surveyStandard({ id: "S1.1.2", question: "Q01" }),
            ],
          },
        ],
      },
      {
        id: "C2",
        name: "工作机制",
        contents: [
          {
            id: "C2.1",
            name: "制度建设",
            standards: [documentStandard({ id: "S2.1.1", responsible: [] }), dataStandard({ id: "S2.1.2", responsible: ["cgj"] })],
          },
          {
            id: "C2.2",
            name: "道路",
            standards: [
              fieldStandard({
                id: "S2.2.1",
                name: "主次干道",
                responsible: ["cgj"],
                siteTypes: ["road"],
                checks: [{ id: "K101", name: "路面破损", deduction: 1 }],
              }),
            ],
          },
        ],
      },
    ],
    adjustments: [
      { id: "V01", kind: "veto", name: "重大安全事故", conditions: { any: [leaf("major_safety_accidents", "greaterThan", 0)] } },
      {
        id: "P01",
        kind: "penalty",
        name: "媒体曝光",
        points: 10,
        conditions: { all: [leaf("exposed_incidents", "greaterThanInclusive", 1)] },
      },
    ],
    ...extra,
  });
}

/** An overlay `local@1.0.0` extending `base@1.0.0` with the given operations. */
export function overlayData(extra: Data = {}): Data {
  return {
    id: "local",
    version: "1.0.0",
    title: "地方实施细则（示例）",
    effectiveFrom: "2023-01-01",
    extends: "base@1.0.0",
    ...extra,
  };
}

/**
 * The rule set of the row-judgement tests, `admission@1.0.0`: S-market (field, market, checks K1
 * K2), S-road (field, road, check R1), S-survey (question Q1), S-doc (document), S-data (data,
 * fact pm25), then any further standards.
 */
export function admissionRuleset(...more: Data[]): Ruleset {
  const road = fieldStandard({
    id: "S-road",
    name: "道路整洁",
    points: 20,
    siteTypes: ["road"],
    checks: [{ id: "R1", name: "路面破损", deduction: 1 }],
  });
  const standards = [fieldStandard({ id: "S-market" }), road, surveyStandard({ id: "S-survey" }), documentStandard({ id: "S-doc" })];
  return ruleset([...standards, dataStandard({ id: "S-data" }), ...more], { id: "admission" });
}
