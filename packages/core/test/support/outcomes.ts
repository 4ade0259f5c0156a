/**
 * Short ways to run the code under test and pick out what a test asserts: a clean scoring run
 * and one city or standard of it; a row-judgement run and the rejects and row accounting of one
 * file; the issues of rule-set data that must be refused.
 */
import {
  type CityResult,
  checkRuleset,
  type EvidenceRow,
  type EvidenceTables,
  type FileAccount,
  type ParseRulesetOptions,
  type RejectedRow,
  type Results,
  type Ruleset,
  type RulesetIssue,
  type StandardResult,
  scoreRound,
} from "../../src/index.js";
import { cityRow, ROUND, siteRow } from "./evidence-builders.js";
import { admissionRuleset } from "./ruleset-builders.js";

/** Scores a round; `cities` defaults to the single city `a`. Fails the test on any reject. */
export async function score(ruleset: Ruleset, evidence: EvidenceTables = {}, round = ROUND): Promise<Results> {
  const results = await scoreRound({ ruleset, round, evidence: { cities: [cityRow("a")], ...evidence } });
  if (results.rejects.length > 0) throw new Error(`unexpected rejects: ${JSON.stringify(results.rejects)}`);
  return results;
}

/** The result of one city (default `a`) of a clean scoring run. */
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

/**
 * Judges and scores rows, rejects kept: against `admissionRuleset()` unless told; `cities`
 * defaults to the city `hz`, `sites` to its market M1.
 */
export function admit(evidence: EvidenceTables, ruleset: Ruleset = admissionRuleset(), round = ROUND): Promise<Results> {
  const tables: EvidenceTables = { cities: [cityRow("hz")], sites: [siteRow("hz", "M1")], ...evidence };
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

/** The single reject code of a lone row of `file` judged by `admit` (null when it is accepted). */
export async function codeOf(file: keyof EvidenceTables, row: EvidenceRow): Promise<string | null> {
  const results = await admit({ [file]: [row] });
  const rejects = results.rejects.filter((r) => r.file === `${file}.csv`);
  if (rejects.length > 1) throw new Error(`expected at most one reject, got ${JSON.stringify(rejects)}`);
  return rejects[0]?.code ?? null;
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
