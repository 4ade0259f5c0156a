/**
 * The `civitas` command: wires the commands together and turns failures into messages and
 * exit codes, in one place.
 */
import { writeFileSync } from "node:fs";
import { releasePrefetchedEvidence } from "@civitas/csv/prefetch";
import { ENGINE } from "@civitas/core";
// the module alone: the package index also loads HTTP, Redis and cluster clients (~0.3 s)
import * as NodeServices from "@effect/platform-node/NodeServices";
import * as Cause from "effect/Cause";
import * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";
import { Command } from "effect/cli";
import { rulesetCommand } from "./commands/ruleset.js";
import { mergeCommand } from "./commands/merge.js";
import { renderCommand } from "./commands/render.js";
import { roundCommands } from "./commands/rounds.js";
import { scoreCommand } from "./commands/score.js";
import { CliFailure } from "./failure.js";

const civitas = Command.make("civitas").pipe(
  Command.withDescription("Civitas: scoring for civilized-city assessments (全国文明城市测评)"),
  Command.withSubcommands([scoreCommand, rulesetCommand, renderCommand, ...roundCommands, mergeCommand]),
);

const program = Command.run(civitas, { version: ENGINE.version }).pipe(Effect.provide(NodeServices.layer));

// For benchmarks: peak memory and CPU of this process, written at exit.
const statsFile = process.env.CIVITAS_STATS_FILE;
if (statsFile !== undefined && statsFile !== "") {
  process.once("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      statsFile,
      JSON.stringify({ maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }),
    );
  });
}

const exit = await Effect.runPromiseExit(program);
// a head start on evidence that was never read (bin/civitas.js) must not keep the process alive
await releasePrefetchedEvidence();
if (Exit.isFailure(exit)) {
  const failure = Cause.findErrorOption(exit.cause);
  if (failure._tag === "Some" && failure.value instanceof CliFailure) {
    process.stderr.write(`civitas: ${failure.value.message}\n`);
    process.exitCode = failure.value.exitCode;
  } else if (failure._tag === "Some") {
    // A usage error of the command line itself (already rendered by the CLI)
    process.exitCode = 2;
  } else {
    process.stderr.write(`civitas: internal error\n${Cause.pretty(exit.cause)}\n`);
    process.exitCode = 70;
  }
}
