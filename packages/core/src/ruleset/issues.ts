/**
 * Rule-set issues: every problem validation finds, with its path in the file. Zod's issues
 * are converted here, at the boundary, so no `ZodError` ever leaves the core.
 */
import type { z } from "zod";
import type { RulesetIssue } from "../failure-issues.js";

// The issue shapes and RulesetError belong to the one failure vocabulary (errors.ts); they
// are re-exported here for the modules that import them from here.
export { formatIssue, formatPath, type RulesetIssue, type RulesetIssueCode } from "../failure-issues.js";
export { RulesetError } from "../errors.js";

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
