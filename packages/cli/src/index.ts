/**
 * @civitas/cli — the `civitas` command as a module: importing it runs nothing. `runCli(argv)`
 * runs a command line in this process and gives its exit code; the commands, the failure
 * vocabulary of the CLI and its one mapping to messages and exit codes are here for
 * integrations that build on them.
 *
 * @example
 * import { runCli } from "@civitas/cli";
 * const code = await runCli(["score", "--ruleset", "national@2024.1.0", "--evidence", "evidence", "--round", "2024", "--out", "out"]);
 *
 * @packageDocumentation
 */
export { runCli } from "./run-cli.js";
export { civitasCommand } from "./commands/civitas.js";
export { scoreCommand } from "./commands/score.js";
export { renderCommand } from "./commands/render.js";
export { mergeCommand } from "./commands/merge.js";
export { roundCommands } from "./commands/rounds.js";
export { rulesetCommand } from "./commands/ruleset.js";
export { CLI_FAILURE_CODES, CliFailure, type CliFailureCode } from "./failure.js";
export { EXIT_CODES, type ExitCode, type FailureReport, reportExit, reportFailure } from "./failure-report.js";
export { USAGE_ISSUE_CODES, type UsageIssue, type UsageIssueCode } from "./shell/usage-issues.js";
export { checkUsage, type UsageCheck } from "./shell/check-usage.js";
export type { CivitasCommand, CommandInfo } from "./shell/define-command.js";
export { OUTPUT_MARKER } from "./output/atomic-output.js";
export { withOutputDirectory, withOutputFile, type OutputDirectory, type OutputFile } from "./output/staged-write.js";
