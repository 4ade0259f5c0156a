/**
 * What a judge of an evidence file is (SPEC section 2): once the shared row gate has let a row
 * through (well formed, required values present, of the round scored), the file's judge checks
 * it as the spec lists and folds an accepted row into the per-city aggregates, or says why it
 * is refused. One judge per evidence file, under this folder; the helpers every judge uses are
 * here.
 */
import type { HeaderLayout } from "../columns.js";
import type { CityEvidence, CityRecord } from "../model.js";
import type { RejectCode } from "../reject-codes.js";
import type { RulesetIndex } from "../../ruleset/model.js";

/** Why a row was refused, before it becomes a `RejectedRow`. */
export interface Refusal {
  readonly code: RejectCode;
  readonly detail: string;
}

/** Judges the content of one row (its cells as parsed, found at `line`); returns a refusal or accepts it. */
export type Judge = (cells: readonly string[], line: number) => Refusal | undefined;

/** What every judge of one admission shares: the rule set's index and the cities admitted so far. */
export interface AdmissionContext {
  readonly index: RulesetIndex;
  readonly cities: Map<string, CityRecord>;
  readonly byCity: Map<string, CityEvidence>;
}

/**
 * An evidence file's judge: made once per admission (what it remembers across rows, such as
 * answers already counted, lives there), then once per file with its columns looked up, so
 * that judging a row looks nothing up by name.
 */
export type EvidenceJudge = (context: AdmissionContext) => (layout: HeaderLayout, fileName: string) => Judge;

export const refuse = (code: RejectCode, detail: string): Refusal => ({ code, detail });
export const quoted = (value: string) => JSON.stringify(value);

export const unknownCity = (id: string) => refuse("unknown_city", `city_id ${quoted(id)} is not in cities.csv`);

/** The trimmed value at index `at` of a row, or "" for a column the file does not have (-1). */
export const valueAt = (cells: readonly string[], at: number): string => (at < 0 ? "" : (cells[at] ?? "").trim());

/** Where each column sits in rows of this layout, or -1 when the file does not have it. */
export const columnsAt = <const C extends readonly string[]>(layout: HeaderLayout, ...columns: C) =>
  columns.map((column) => layout.index.get(column) ?? -1) as { readonly [K in keyof C]: number };
