/**
 * The CLI's own failures, in the shape of the core's (errors.ts): one tagged error whose `code`
 * says what went wrong — bad usage of the command line, a flag value that makes no sense, an
 * input that cannot be read, an output that cannot be written, rows rejected under --strict.
 * `failure-report.ts` turns these and the core's into messages and exit codes.
 */
import * as Data from "effect/Data";
import type { UsageIssue } from "./shell/usage-issues.js";

/** Every code of `CliFailure` (documented in docs/failures.md). */
export const CLI_FAILURE_CODES = [
  "bad_usage",
  "bad_flag_value",
  "invalid_input",
  "unreadable_input",
  "output_refused",
  "output_locked",
  "output_failed",
  "rows_rejected",
] as const;
export type CliFailureCode = (typeof CLI_FAILURE_CODES)[number];

/** A failure of the CLI: its code, its message (naming file, line and field), where it is. */
export class CliFailure extends Data.TaggedError("CliFailure")<{
  readonly code: CliFailureCode;
  readonly message: string;
  readonly file?: string | undefined;
  readonly field?: string | undefined;
  /** For `bad_usage`: the command (`civitas score`), every problem of its line, its usage lines. */
  readonly usage?: { readonly command: string; readonly issues: readonly UsageIssue[]; readonly lines: readonly string[] } | undefined;
}> {}

/** Invalid input (a rule set, results, a table) that stops the run: exit 2. */
export const usage = (message: string, file?: string) => new CliFailure({ code: "invalid_input", message, file });

/** A flag whose value makes no sense (`--formats xls`, `--shard 3/2`): exit 2. */
export const badFlag = (flag: string, message: string) => new CliFailure({ code: "bad_flag_value", message, field: `--${flag}` });

/** A file the run must read and cannot: exit 2. */
export const unreadable = (file: string, message: string) => new CliFailure({ code: "unreadable_input", message, file });

/** A command line with problems (every one of them): exit 2. */
export const badUsage = (command: string, issues: readonly UsageIssue[], lines: readonly string[]) =>
  new CliFailure({
    code: "bad_usage",
    message: issues.map((i) => `${command}: ${i.message}`).join("\n"),
    usage: { command, issues, lines },
  });

/** An output that may not be written, or could not be: exit 2. */
export const outputFailure = (code: "output_refused" | "output_locked" | "output_failed", file: string, message: string) =>
  new CliFailure({ code, message, file });
