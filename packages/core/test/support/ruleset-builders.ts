/**
 * Builders for rule-set validation and overlay tests: a valid base with every kind of item
 * (two categories, a standard of every method, a veto and a penalty, a scale), small overlays
 * on it, and a helper returning the issues of invalid data.
 */
import { checkRuleset, type ParseRulesetOptions, type RulesetIssue } from "../../src/index.js";

export type Data = Record<string, unknown>;

/** A valid base rule set: `base@1.0.0`, scale 100 = 30 + 20 + 10 + 10 + 30. */
export function baseData(extra: Data = {}): Data {
  return {
    id: "base",
    version: "1.0.0",
    title: "基础测评体系（示例）",
    effectiveFrom: "2021-01-01",
    scale: 100,
    missingEvidence: "zero",
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
    categories: [
      {
        id: "C1",
        name: "公共环境",
        contents: [
          {
            id: "C1.1",
            name: "市容环境卫生",
            standards: [
              {
                id: "S1.1.1",
                name: "农贸市场环境卫生",
                points: 30,
                method: "field",
                responsible: ["cgj", "scj"],
                siteTypes: ["market"],
                maxPerSite: 30,
                minSites: 1,
                checks: [
                  { id: "K001", name: "地面有积水、垃圾", deduction: 2 },
                  { id: "K002", name: "占道经营", deduction: 3 },
                ],
              },
              {
                id: "S1.1.2",
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
      {
        id: "C2",
        name: "工作机制",
        contents: [
          {
            id: "C2.1",
            name: "制度建设",
            standards: [
              { id: "S2.1.1", name: "工作机制", points: 10, method: "document", responsible: [] },
              { id: "S2.1.2", name: "PM2.5", points: 10, method: "data", responsible: ["cgj"], fact: "pm25", floor: 75, target: 35 },
            ],
          },
          {
            id: "C2.2",
            name: "道路",
            standards: [
              {
                id: "S2.2.1",
                name: "主次干道",
                points: 30,
                method: "field",
                responsible: ["cgj"],
                siteTypes: ["road"],
                checks: [{ id: "K101", name: "路面破损", deduction: 1 }],
              },
            ],
          },
        ],
      },
    ],
    adjustments: [
      {
        id: "V01",
        kind: "veto",
        name: "重大安全事故",
        conditions: { any: [{ fact: "major_safety_accidents", operator: "greaterThan", value: 0 }] },
      },
      {
        id: "P01",
        kind: "penalty",
        name: "媒体曝光",
        points: 10,
        conditions: { all: [{ fact: "exposed_incidents", operator: "greaterThanInclusive", value: 1 }] },
      },
    ],
    ...extra,
  };
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

/** Test data as tests bend it: any shape, reached without ceremony. */
// biome-ignore lint/suspicious/noExplicitAny: tests bend test data freely
export type Loose = any;

/** A deep copy of `data` changed by `edit` (for bending one thing of a valid rule set). */
export function edited(data: Data, edit: (copy: Loose) => void): Data {
  const copy = structuredClone(data);
  edit(copy);
  return copy;
}

/** The issues of data that must be refused (throws when it is accepted). */
export function issuesOf(data: unknown, options: ParseRulesetOptions = {}): RulesetIssue[] {
  const result = checkRuleset(data, options);
  if (result.ok) throw new Error("expected the rule set to be refused");
  return result.issues;
}

/** `[code, path]` of every issue, path joined with dots, for compact assertions. */
export function issueKeys(data: unknown, options: ParseRulesetOptions = {}): string[] {
  return issuesOf(data, options).map((i) => `${i.code} ${i.path.join(".")}`);
}

/** A standard added by an overlay: a 10-point document standard. */
export const extraStandard = (id = "S1.1.9", extra: Data = {}): Data => ({
  id,
  name: "新增标准",
  points: 10,
  method: "document",
  responsible: ["cgj"],
  ...extra,
});
