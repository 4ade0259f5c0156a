/**
 * Rule-set issues: every problem validation finds, with its path in the file. Zod's issues
 * are converted here, at the boundary, so no `ZodError` ever leaves the core.
 */
import type { z } from "zod";

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

/** Thrown by `parseRuleset` (and failed with by `parseRulesetEffect`): every issue found. */
export class RulesetError extends Error {
  override readonly name = "RulesetError";
  readonly _tag = "RulesetError";
  readonly issues: readonly RulesetIssue[];
  constructor(issues: readonly RulesetIssue[]) {
    super(`invalid rule set: ${issues.length} problem(s)\n${issues.map(formatIssue).join("\n")}`);
    this.issues = issues;
  }
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

/** One issue on one line: `file:line:column path: message`. */
export function formatIssue(issue: RulesetIssue): string {
  const where = [issue.file, issue.line, issue.column].filter((p) => p !== undefined).join(":");
  return `${where === "" ? "" : `${where} `}${formatPath(issue.path)}: ${issue.message}`;
}

/** Converts zod's issues into ours; unrecognised keys become one issue per key. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): RulesetIssue[] {
  const out: RulesetIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({ code: "unknown_key", path: [...path, key], message: `unknown key ${JSON.stringify(key)}` });
      }
    } else if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const best = issue.errors.reduce((a, b) => (a.length <= b.length ? a : b));
      out.push(...fromZodIssues(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }))));
    } else if (issue.code === "invalid_type" && issue.input === undefined) {
      out.push({ code: "missing_key", path, message: `required (${issue.expected})` });
    } else if (issue.code === "custom") {
      const code = issue.params?.civitas === "bad_condition" ? "bad_condition" : "invalid_value";
      out.push({ code, path, message: issue.message });
    } else {
      out.push({ code: issue.code === "invalid_type" ? "invalid_type" : "invalid_value", path, message: issue.message });
    }
  }
  return out;
}
