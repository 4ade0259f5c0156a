/**
 * Failures that stop a run, in one vocabulary: each is a tagged error (`_tag`) with a stable
 * snake_case `code` (listed in `FAILURE_CODES`, documented in docs/failures.md) and the file,
 * line and field at fault where it has them. (Rejected rows are data, not errors; see
 * `RejectedRow`.) Plain classes with a `_tag`, so they work in Effect's typed error channel
 * (`catchTag`, see `@civitas/core/effect`) without tying the types to Effect, and can be
 * thrown by the plain API.
 *
 * @example
 * try {
 *   mergeShards(shards);
 * } catch (error) {
 *   if (error instanceof MergeError && error.code === "missing_shards") console.error(error.message);
 *   else throw error;
 * }
 */
import { formatIssue, formatPath, type ResultsIssue, type RulesetIssue, type SurveyMapIssue } from "./failure-issues.js";

/** Every failure code, by error. A family of failures is one error whose `code` is a union. */
export const FAILURE_CODES = {
  EvidenceError: ["missing_cities", "missing_column", "duplicate_column", "empty_file", "unreadable", "out_of_order"],
  RulesetError: ["invalid_ruleset"],
  ResultsError: ["invalid_results"],
  ClosureError: ["different_rulesets"],
  CompositeError: ["no_rounds", "duplicate_round"],
  MergeError: [
    "nothing_to_merge",
    "not_sharded",
    "mixed_shards",
    "duplicate_shard",
    "different_rulesets",
    "different_rounds",
    "different_evidence",
    "missing_shards",
  ],
  PlanError: ["target_out_of_range", "unknown_grade"],
  SurveyImportError: ["invalid_survey_map", "empty_export", "duplicate_export"],
} as const;

type CodesOf<Tag extends keyof typeof FAILURE_CODES> = (typeof FAILURE_CODES)[Tag][number];

/** Codes of evidence failures that stop a run. */
export type EvidenceErrorCode = CodesOf<"EvidenceError">;
export type RulesetErrorCode = CodesOf<"RulesetError">;
export type ResultsErrorCode = CodesOf<"ResultsError">;
export type ClosureErrorCode = CodesOf<"ClosureError">;
export type CompositeErrorCode = CodesOf<"CompositeError">;
export type MergeErrorCode = CodesOf<"MergeError">;
export type PlanErrorCode = CodesOf<"PlanError">;
export type SurveyImportErrorCode = CodesOf<"SurveyImportError">;

/** Where a failure is: the file, and the line and field in it, when known. */
export interface FailurePlace {
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly field?: string | undefined;
}

/** What every failure of the core has: a tag, a code, a message and where it is. */
abstract class CoreFailure<Code extends string> extends Error {
  abstract readonly _tag: string;
  readonly code: Code;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  constructor(details: { readonly code: Code; readonly message: string } & FailurePlace) {
    super(details.message);
    this.code = details.code;
    this.file = details.file;
    this.line = details.line;
    this.field = details.field;
  }
}

/** Evidence that cannot be scored at all: no cities file, a header without a required column, … */
export class EvidenceError extends CoreFailure<EvidenceErrorCode> {
  override readonly name = "EvidenceError";
  readonly _tag = "EvidenceError";
  constructor(details: { code: EvidenceErrorCode; file: string; line?: number; field?: string; message: string }) {
    super(details);
  }
  declare readonly file: string;
}

/** Thrown by `parseRuleset` (and failed with by `parseRulesetEffect`): every issue found. */
export class RulesetError extends CoreFailure<RulesetErrorCode> {
  override readonly name = "RulesetError";
  readonly _tag = "RulesetError";
  readonly issues: readonly RulesetIssue[];
  constructor(issues: readonly RulesetIssue[]) {
    const first = issues.find((i) => i.file !== undefined) ?? issues[0];
    super({
      code: "invalid_ruleset",
      message: `invalid rule set: ${issues.length} problem(s)\n${issues.map(formatIssue).join("\n")}`,
      file: first?.file,
      line: first?.line,
    });
    this.issues = issues;
  }
}

/** A results file that cannot be used, with every problem found. */
export class ResultsError extends CoreFailure<ResultsErrorCode> {
  override readonly name = "ResultsError";
  readonly _tag = "ResultsError";
  readonly issues: readonly ResultsIssue[];
  constructor(issues: readonly ResultsIssue[], file?: string) {
    super({
      code: "invalid_results",
      message: `not a usable results.json: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      file,
      field: issues[0]?.path,
    });
    this.issues = issues;
  }
}

/** Two results of different rule sets cannot be compared. */
export class ClosureError extends CoreFailure<ClosureErrorCode> {
  override readonly name = "ClosureError";
  readonly _tag = "ClosureError";
}

/** Rounds that cannot be combined: none, or one round given twice. */
export class CompositeError extends CoreFailure<CompositeErrorCode> {
  override readonly name = "CompositeError";
  readonly _tag = "CompositeError";
}

/** Shard results that cannot be merged: not sharded, from different runs, one missing, … */
export class MergeError extends CoreFailure<MergeErrorCode> {
  override readonly name = "MergeError";
  readonly _tag = "MergeError";
}

/** A plan target that is neither a ratio in [0, 1] nor a grade of the rule set. */
export class PlanError extends CoreFailure<PlanErrorCode> {
  override readonly name = "PlanError";
  readonly _tag = "PlanError";
}

/**
 * A survey import that cannot run (SPEC section 7): an invalid map or columns an export lacks
 * (`invalid_survey_map`, with every issue), an export without a header, two exports whose names
 * would give the same respondent-id prefix. Nothing is written.
 */
export class SurveyImportError extends CoreFailure<SurveyImportErrorCode> {
  override readonly name = "SurveyImportError";
  readonly _tag = "SurveyImportError";
  readonly issues: readonly SurveyMapIssue[];
  constructor(details: { code: SurveyImportErrorCode; message: string; file?: string; issues?: readonly SurveyMapIssue[] }) {
    const first = details.issues?.[0];
    super({
      code: details.code,
      message: details.message,
      file: details.file ?? first?.file,
      line: first?.line,
      field: first === undefined ? undefined : formatPath(first.path),
    });
    this.issues = details.issues ?? [];
  }

  /** Every problem of a map (and of the exports' headers), one per line. */
  static invalidMap(issues: readonly SurveyMapIssue[]): SurveyImportError {
    return new SurveyImportError({
      code: "invalid_survey_map",
      message: `invalid survey map: ${issues.length} problem(s)\n${issues.map(formatIssue).join("\n")}`,
      issues,
    });
  }
}

/** Any failure of the core. */
export type CivitasError =
  | EvidenceError
  | RulesetError
  | ResultsError
  | ClosureError
  | CompositeError
  | MergeError
  | PlanError
  | SurveyImportError;

const TAGS: ReadonlySet<string> = new Set(Object.keys(FAILURE_CODES));

/** True for a failure of the core (anything else thrown by it is a bug). */
export function isCivitasError(u: unknown): u is CivitasError {
  return u instanceof CoreFailure && TAGS.has(u._tag);
}
