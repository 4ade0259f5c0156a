/**
 * The one place where failures become text and exit codes (SPEC section 4, docs/failures.md):
 * 0 success, 1 rows rejected under --strict, 2 bad usage or invalid input (rule set, evidence,
 * results, flag values, outputs that may not be written), 70 a defect (a bug: the message asks
 * for a report, with the cause).
 */
import { type CivitasError, isCivitasError } from "@civitas/core";
import * as Cause from "effect/Cause";
import * as Exit from "effect/Exit";
import { CliError } from "effect/cli";
import { CliFailure } from "./failure.js";

/** The exit codes of civitas. */
export const EXIT_CODES = { ok: 0, rejected: 1, invalid: 2, defect: 70 } as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** What the user is told (on stderr) and the exit code. */
export interface FailureReport {
  readonly text: string;
  readonly exitCode: ExitCode;
}

/** How many problems of a results file are listed. */
const LISTED = 20;

/** The message of a failure of the core, as the CLI words it. */
function coreMessage(error: CivitasError): string {
  switch (error._tag) {
    case "ResultsError": {
      const shown = error.issues.slice(0, LISTED).map((i) => `  ${i.path}: ${i.message}`);
      const more = error.issues.length > shown.length ? [`  … and ${error.issues.length - shown.length} more`] : [];
      const file = error.file ?? "results";
      return [`${file}: not a usable results.json (${error.issues.length} problem(s))`, ...shown, ...more].join("\n");
    }
    case "CompositeError":
      return `--results: ${error.message}`;
    case "MergeError":
      return `merge: ${error.message}`;
    case "PlanError":
      return `--target: ${error.message}`;
    default:
      return error.message;
  }
}

/** The report of a failure in the error channel: every typed failure of the CLI and the core. */
export function reportFailure(error: unknown): FailureReport | undefined {
  if (error instanceof CliFailure) {
    if (error.code === "rows_rejected") return { text: `civitas: ${error.message}`, exitCode: EXIT_CODES.rejected };
    if (error.usage !== undefined) {
      const { command, lines } = error.usage;
      const usage = lines.map((line, i) => `${i === 0 ? "usage: " : "       "}${line}`);
      return {
        text: [error.message, ...usage, `Run \`${command} --help\` for every flag and an example.`].join("\n"),
        exitCode: EXIT_CODES.invalid,
      };
    }
    return { text: `civitas: ${error.message}`, exitCode: EXIT_CODES.invalid };
  }
  if (isCivitasError(error)) return { text: `civitas: ${coreMessage(error)}`, exitCode: EXIT_CODES.invalid };
  // effect/cli's own parse errors (the usage check finds them first): already shown by effect/cli
  if (CliError.isCliError(error)) return { text: "", exitCode: EXIT_CODES.invalid };
  return undefined;
}

/** The report of how a run ended. */
export function reportExit(exit: Exit.Exit<unknown, unknown>): FailureReport {
  if (Exit.isSuccess(exit)) return { text: "", exitCode: EXIT_CODES.ok };
  const failure = Cause.findErrorOption(exit.cause);
  const report = failure._tag === "Some" && !Cause.hasDies(exit.cause) ? reportFailure(failure.value) : undefined;
  if (report !== undefined) return report;
  return {
    text: `civitas: internal error — please report it with the command line and this message\n${Cause.pretty(exit.cause)}`,
    exitCode: EXIT_CODES.defect,
  };
}
