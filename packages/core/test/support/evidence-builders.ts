/**
 * Builders for admission tests: one small rule set with a standard of every method, rows
 * keyed by the spec's canonical columns, and helpers that score them and pick out the
 * rejects and the row accounting of one file.
 */
import {
  type EvidenceRow,
  type EvidenceTables,
  type FileAccount,
  parseRuleset,
  type RejectedRow,
  type Results,
  type Ruleset,
  scoreRound,
} from "../../src/index.js";

type Data = Record<string, unknown>;

/** The round the admission tests score. */
export const ROUND = "2024";

/**
 * A valid rule set for admission: S-market (field, market, checks K1 K2), S-road (field,
 * road, check R1), S-survey (question Q1), S-doc (document), S-data (data, fact pm25).
 */
export function admissionRulesetData(extra: Data = {}): Data {
  return {
    id: "admission",
    version: "1.0.0",
    title: "行判定测试体系（示例）",
    effectiveFrom: "2020-01-01",
    grades: [
      { id: "pass", name: "合格", minRatio: 0.7 },
      { id: "fail", name: "不合格", minRatio: 0 },
    ],
    departments: [{ id: "cgj", name: "城市管理局" }],
    siteTypes: [
      { id: "market", name: "农贸市场" },
      { id: "road", name: "主次干道" },
      { id: "park", name: "公园" },
    ],
    categories: [
      {
        id: "C1",
        name: "公共环境",
        contents: [
          {
            id: "C1.1",
            name: "市容环境",
            standards: [
              {
                id: "S-market",
                name: "农贸市场环境卫生",
                points: 30,
                method: "field",
                responsible: ["cgj"],
                siteTypes: ["market"],
                checks: [
                  { id: "K1", name: "地面有积水、垃圾", deduction: 2 },
                  { id: "K2", name: "占道经营", deduction: 3 },
                ],
              },
              {
                id: "S-road",
                name: "道路整洁",
                points: 20,
                method: "field",
                responsible: ["cgj"],
                siteTypes: ["road"],
                checks: [{ id: "R1", name: "路面破损", deduction: 1 }],
              },
              {
                id: "S-survey",
                name: "市民满意度",
                points: 20,
                method: "survey",
                responsible: ["cgj"],
                question: "Q1",
                positive: ["A", "B"],
                floor: 0.5,
                target: 0.9,
              },
              { id: "S-doc", name: "工作机制", points: 10, method: "document", responsible: ["cgj"] },
              {
                id: "S-data",
                name: "PM2.5",
                points: 10,
                method: "data",
                responsible: [],
                fact: "pm25",
                floor: 75,
                target: 35,
              },
            ],
          },
        ],
      },
    ],
    ...extra,
  };
}

export function admissionRuleset(extra: Data = {}): Ruleset {
  return parseRuleset(admissionRulesetData(extra));
}

type Row = Record<string, string>;

export const cityRow = (cityId = "hz", extra: Row = {}): Row => ({ city_id: cityId, name: `${cityId}市`, peer_group: "省会", ...extra });
export const siteRow = (siteId = "M1", extra: Row = {}): Row => ({
  round: ROUND,
  city_id: "hz",
  site_id: siteId,
  site_type: "market",
  ...extra,
});
export const fieldRow = (extra: Row = {}): Row => ({
  round: ROUND,
  city_id: "hz",
  site_id: "M1",
  check_id: "K1",
  count: "1",
  ...extra,
});
export const answerRow = (extra: Row = {}): Row => ({
  round: ROUND,
  city_id: "hz",
  respondent_id: "r1",
  question_id: "Q1",
  answer: "A",
  ...extra,
});
export const verdictRow = (extra: Row = {}): Row => ({ round: ROUND, city_id: "hz", standard_id: "S-doc", verdict: "met", ...extra });
export const factRow = (extra: Row = {}): Row => ({ round: ROUND, city_id: "hz", fact: "pm25", value: "50", ...extra });

/** Scores the evidence; `cities` defaults to the city `hz`, `sites` to its market M1. */
export function admit(evidence: EvidenceTables, ruleset: Ruleset = admissionRuleset(), round = ROUND): Promise<Results> {
  const tables: EvidenceTables = { cities: [cityRow()], sites: [siteRow()], ...evidence };
  return scoreRound({ ruleset, round, evidence: tables });
}

/** The rejects of one file, as `{line, code}` pairs (the rest checked where it matters). */
export function rejectsOf(results: Results, file: string): Pick<RejectedRow, "line" | "code">[] {
  return results.rejects.filter((r) => r.file === file).map(({ line, code }) => ({ line, code }));
}

/** The row accounting of one file. */
export function accountOf(results: Results, file: string): Omit<FileAccount, "name"> | undefined {
  const found = results.inputs.files.find((f) => f.name === file);
  if (found === undefined) return undefined;
  const { rows, accepted, skipped, rejected } = found;
  return { rows, accepted, skipped, rejected };
}

/** The single reject code of a lone row of `file` judged with the default cities and sites. */
export async function codeOf(file: keyof EvidenceTables, row: EvidenceRow, ruleset?: Ruleset): Promise<string | null> {
  const results = await admit({ [file]: [row] }, ruleset);
  const rejects = results.rejects.filter((r) => r.file === `${file}.csv`);
  if (rejects.length > 1) throw new Error(`expected at most one reject, got ${JSON.stringify(rejects)}`);
  return rejects[0]?.code ?? null;
}
