/**
 * Builders for scoring tests: evidence rows with the spec's canonical column names (values as
 * text, as a CSV gives them), adjustments and conditions, and short ways to score one city and
 * look up one standard. Each scoring test then shows only the rows that matter to it.
 */
import {
  type CityResult,
  type Condition,
  type EvidenceRow,
  type EvidenceTables,
  parseRuleset,
  type Results,
  type Ruleset,
  type StandardResult,
  scoreRound,
} from "../../src/index.js";
import { rulesetData } from "./builders.js";

type Data = Record<string, unknown>;

/** The round every builder writes unless told otherwise. */
export const ROUND = "2024";

/** A `cities.csv` row; further attribute columns may be given. */
export const cityRow = (cityId: string, attributes: Record<string, string> = {}): EvidenceRow => ({
  city_id: cityId,
  name: `${cityId}市`,
  ...attributes,
});

/** A `sites.csv` row: a visited site of the round (type `market` unless told). */
export const siteRow = (cityId: string, siteId: string, siteType = "market", round = ROUND): EvidenceRow => ({
  round,
  city_id: cityId,
  site_id: siteId,
  site_type: siteType,
});

/** A `field.csv` row: `count` problems of `checkId` found at a site. */
export const fieldRow = (cityId: string, siteId: string, checkId: string, count: number | string): EvidenceRow => ({
  round: ROUND,
  city_id: cityId,
  site_id: siteId,
  check_id: checkId,
  count: String(count),
});

/** `survey.csv` rows: one answer per respondent (r1, r2, …), in the order given. */
export const answerRows = (cityId: string, questionId: string, answers: readonly string[]): EvidenceRow[] =>
  answers.map((answer, i) => ({ round: ROUND, city_id: cityId, respondent_id: `r${i + 1}`, question_id: questionId, answer }));

/** `n` copies of an answer code, e.g. `repeat(7, "A")`. */
export const repeat = (n: number, answer: string): string[] => Array.from({ length: n }, () => answer);

/** A `documents.csv` row: one reviewer's verdict on a document standard. */
export const verdictRow = (cityId: string, standardId: string, verdict: string, reviewer = "张三"): EvidenceRow => ({
  round: ROUND,
  city_id: cityId,
  standard_id: standardId,
  verdict,
  reviewer,
});

/** A `facts.csv` row. */
export const factRow = (cityId: string, fact: string, value: number | string, round = ROUND): EvidenceRow => ({
  round,
  city_id: cityId,
  fact,
  value: String(value),
});

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

/** A category with one content holding the given standards. */
export const category = (id: string, standards: Data[]): Data => ({
  id,
  name: `项目${id}`,
  contents: [{ id: `${id}.1`, name: `内容${id}`, standards }],
});

/** A rule set with the given categories (and the test defaults for everything else). */
export function rulesetOf(categories: Data[], extra: Data = {}): Ruleset {
  return parseRuleset(rulesetData([], { categories, ...extra }));
}

/**
 * A data standard whose score is its fact's value: points 100, floor 0, target 100. A city
 * with only this standard and `factRow(city, "mark", v)` has score v and ratio v / 100.
 */
export const markStandard = (extra: Data = {}): Data => ({
  id: "SM",
  name: "得分",
  points: 100,
  method: "data",
  responsible: [],
  fact: "mark",
  floor: 0,
  target: 100,
  ...extra,
});

/** Scores a round; `cities` defaults to the single city `a`. Fails the test on any reject. */
export async function score(ruleset: Ruleset, evidence: EvidenceTables = {}, round = ROUND): Promise<Results> {
  const results = await scoreRound({ ruleset, round, evidence: { cities: [cityRow("a")], ...evidence } });
  if (results.rejects.length > 0) throw new Error(`unexpected rejects: ${JSON.stringify(results.rejects)}`);
  return results;
}

/** The result of one city (default `a`). */
export async function scoreCity(ruleset: Ruleset, evidence: EvidenceTables = {}, cityId = "a"): Promise<CityResult> {
  const results = await score(ruleset, evidence);
  const city = results.cities.find((c) => c.cityId === cityId);
  if (city === undefined) throw new Error(`no city ${cityId} in the results`);
  return city;
}

/** One standard of a city's result. */
export function standardOf(city: CityResult, standardId: string): StandardResult {
  const found = city.standards.find((s) => s.id === standardId);
  if (found === undefined) throw new Error(`no standard ${standardId} in the result of ${city.cityId}`);
  return found;
}

/** The score, max and status of one standard, for a compact expectation. */
export function outcomeOf(city: CityResult, standardId: string): { score: number; max: number; status: string } {
  const s = standardOf(city, standardId);
  return { score: s.score, max: s.max, status: s.status };
}
