/**
 * Rule-set problems as the CLI prints them: one line per issue, `file:line:column path:
 * message`, files shown relative to the working directory when below it; the directory's
 * warnings after a failure.
 */
import { isAbsolute, relative } from "node:path";
import { formatIssue, type RulesetIssue } from "@civitas/core";
import { type CliFailure, usage } from "../failure.js";

/** A path as shown to the user: relative to the working directory when below it. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/** The failure with the directory's warnings after it (a skipped file may be why it failed). */
export function withWarnings(failure: CliFailure, warnings: readonly string[]): CliFailure {
  if (warnings.length === 0) return failure;
  return usage(`${failure.message}\n${warnings.map((w) => `  warning: ${w}`).join("\n")}`);
}

/** An invalid rule set: every issue, one a line (exit 2). */
export function invalidRuleset(issues: readonly RulesetIssue[]): CliFailure {
  const lines = issues.map((i) => formatIssue({ ...i, ...(i.file === undefined ? {} : { file: shown(i.file) }) }));
  return usage(`invalid rule set (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n${lines.map((l) => `  ${l}`).join("\n")}`);
}
