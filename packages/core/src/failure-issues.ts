/**
 * The items a validation failure lists: rule-set issues and results issues, each with its path
 * in the file, and how a path and an issue are written (`categories[0].points`,
 * `rules.yaml:12:5 categories[0].points: must be > 0`). Part of the failure vocabulary of
 * `errors.ts`; imports nothing, so every module of the core may use it.
 */

/** Stable codes of rule-set issues (documented in docs/rulesets.md). */
export type RulesetIssueCode =
  | "invalid_type"
  | "invalid_value"
  | "unknown_key"
  | "missing_key"
  | "duplicate_id"
  | "unknown_reference"
  | "scale_mismatch"
  | "grades_order"
  | "bad_condition"
  | "unknown_base"
  | "invalid_base"
  | "cycle"
  | "overlay_target_missing"
  | "overlay_target_exists"
  | "duplicate_patch"
  | "unknown_ruleset"
  | "duplicate_ruleset"
  | "too_large"
  | "syntax";

/** One problem in a rule set. `path` is the path of keys and indexes inside the file. */
export interface RulesetIssue {
  readonly code: RulesetIssueCode;
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
  /** The file the issue is in, when known. */
  readonly file?: string;
  /** 1-based line and column in the file, when the rule set was read from text. */
  readonly line?: number;
  readonly column?: number;
}

/** Stable codes of survey-map issues (documented in docs/surveys.md). */
export type SurveyMapIssueCode =
  | "invalid_type"
  | "invalid_value"
  | "unknown_key"
  | "missing_key"
  | "duplicate_answer"
  | "duplicate_city_value"
  | "unknown_column"
  | "ambiguous_column"
  | "duplicate_column"
  | "too_large"
  | "syntax";

/** One problem of a survey map: its path in the map, and where it is when read from text. */
export interface SurveyMapIssue {
  readonly code: SurveyMapIssueCode;
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
  /** The map file (or, for a column problem, the export whose header lacks it). */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** One problem of a results file: its path (`cities[2].problems`) and what is wrong. */
export interface ResultsIssue {
  readonly path: string;
  readonly message: string;
}

/** `categories[0].contents[1].standards[2].points` */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out === "" ? "(root)" : out;
}

/** One issue on one line: `file:line:column path: message` (any issue with a path: rule sets, survey maps). */
export function formatIssue(issue: Pick<RulesetIssue, "path" | "message" | "file" | "line" | "column">): string {
  const where = [issue.file, issue.line, issue.column].filter((p) => p !== undefined).join(":");
  return `${where === "" ? "" : `${where} `}${formatPath(issue.path)}: ${issue.message}`;
}
