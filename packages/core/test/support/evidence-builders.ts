/**
 * Evidence-row builders: one row of each evidence file with the spec's canonical column names
 * and values as text, as a CSV gives them. The arguments are the row's required values; `extra`
 * adds optional columns (note, reviewer, …) or replaces one (`{ round: "2023" }`), so that a
 * test shows only the values that matter to it.
 */
import type { EvidenceRow } from "../../src/index.js";

/** The round every builder writes unless told otherwise. */
export const ROUND = "2024";

type Columns = Record<string, string>;

/** A `cities.csv` row named after its id; further attribute columns may be given. */
export const cityRow = (cityId: string, extra: Columns = {}): EvidenceRow => ({ city_id: cityId, name: `${cityId}市`, ...extra });

/** A `sites.csv` row: a site visited in the round (type `market` unless told). */
export const siteRow = (cityId: string, siteId: string, siteType = "market", extra: Columns = {}): EvidenceRow => ({
  round: ROUND,
  city_id: cityId,
  site_id: siteId,
  site_type: siteType,
  ...extra,
});

/** A `field.csv` row: `count` problems of `checkId` found at a site. */
export const fieldRow = (cityId: string, siteId: string, checkId: string, count: number | string, extra: Columns = {}): EvidenceRow => ({
  round: ROUND,
  city_id: cityId,
  site_id: siteId,
  check_id: checkId,
  count: String(count),
  ...extra,
});

/** A `survey.csv` row: one respondent's answer (respondent `r1` unless told). */
export const answerRow = (cityId: string, questionId: string, answer: string, extra: Columns = {}): EvidenceRow => ({
  round: ROUND,
  city_id: cityId,
  respondent_id: "r1",
  question_id: questionId,
  answer,
  ...extra,
});

/** `survey.csv` rows: one answer per respondent (r1, r2, …), in the order given. */
export const answerRows = (cityId: string, questionId: string, answers: readonly string[]): EvidenceRow[] =>
  answers.map((answer, i) => answerRow(cityId, questionId, answer, { respondent_id: `r${i + 1}` }));

/** `n` copies of an answer code, e.g. `repeat(7, "A")`. */
export const repeat = (n: number, answer: string): string[] => Array.from({ length: n }, () => answer);

/** A `documents.csv` row: a verdict on a document standard. */
export const verdictRow = (cityId: string, standardId: string, verdict: string, extra: Columns = {}): EvidenceRow => ({
  round: ROUND,
  city_id: cityId,
  standard_id: standardId,
  verdict,
  ...extra,
});

/** A `facts.csv` row. */
export const factRow = (cityId: string, fact: string, value: number | string, extra: Columns = {}): EvidenceRow => ({
  round: ROUND,
  city_id: cityId,
  fact,
  value: String(value),
  ...extra,
});

/**
 * An `appeals.csv` row: appeal `appealId` of a city on a target — `{ standard_id, check_id,
 * site_id }` for a field problem, `{ standard_id }` for a document or data standard,
 * `{ adjustment_id }` for an adjustment — with its decision; `extra` adds the revised value,
 * reviewer or reason.
 */
export const appealRow = (cityId: string, appealId: string, target: Columns, decision: string, extra: Columns = {}): EvidenceRow => ({
  round: ROUND,
  city_id: cityId,
  appeal_id: appealId,
  ...target,
  decision,
  ...extra,
});

/** The target of an appeal on the field problem of `checkId` at `siteId` (standard `standardId`). */
export const fieldTarget = (standardId: string, checkId: string, siteId: string): Columns => ({
  standard_id: standardId,
  check_id: checkId,
  site_id: siteId,
});
