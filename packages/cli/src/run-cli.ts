/**
 * Running the `civitas` command line in this process: the line is checked first (every
 * problem at once, with the command's usage; help written from the command descriptions),
 * then parsed and run by effect/cli; how it ended becomes text on stderr and an exit code in
 * one place (failure-report.ts). Nothing runs on import.
 */
import { ENGINE } from "@civitas/core";
import { releasePrefetchedEvidence } from "@civitas/csv/prefetch";
// the module alone: the package index also loads HTTP, Redis and cluster clients (~0.3 s)
import * as NodeServices from "@effect/platform-node/NodeServices";
import * as Effect from "effect/Effect";
import { CliOutput, Command } from "effect/cli";
import { civitasCommand } from "./commands/civitas.js";
import { badUsage } from "./failure.js";
import { type ExitCode, reportExit, reportFailure } from "./failure-report.js";
import { checkUsage } from "./shell/check-usage.js";
import { colorsEnabled } from "./shell/colors.js";
import { helpText, usageLines } from "./shell/help.js";

/** Runs `civitas <argv…>` (the arguments after `civitas`) and gives its exit code (SPEC section 4). */
export async function runCli(argv: readonly string[]): Promise<ExitCode> {
  const colors = colorsEnabled({ env: process.env, isTTY: process.stdout.isTTY });
  const check = checkUsage(argv, civitasCommand.info);
  if (check.kind === "help") {
    process.stdout.write(helpText(check.path, colors));
    return 0;
  }
  if (check.kind === "invalid") {
    const command = check.path.map((c) => c.name).join(" ");
    const report = reportFailure(badUsage(command, check.issues, usageLines(check.path)));
    process.stderr.write(`${report?.text ?? command}\n`);
    return report?.exitCode ?? 2;
  }
  const program = Command.runWith(civitasCommand.command, { version: ENGINE.version })(argv).pipe(
    Effect.provide(CliOutput.layer(CliOutput.defaultFormatter({ colors }))),
    Effect.provide(NodeServices.layer),
  );
  const exit = await Effect.runPromiseExit(program);
  // a head start on evidence that was never read (bin/civitas.js) must not keep the process alive
  await releasePrefetchedEvidence();
  const report = reportExit(exit);
  if (report.text !== "") process.stderr.write(`${report.text}\n`);
  return report.exitCode;
}
