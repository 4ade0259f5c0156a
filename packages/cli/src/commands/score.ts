/**
 * `civitas score`: scores an evidence directory for one round against a rule set and writes
 * results.json, the CSV tables and the PDFs into --out (SPEC section 4).
 */
import { parseShard, type Results, type Shard } from "@civitas/core";
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import { CliFailure, badFlag } from "../failure.js";
import {
  asOfFlag,
  evidenceFlag,
  outputFlags,
  parseFormats,
  previousFlag,
  roundFlag,
  rulesetFlag,
  rulesetsFlag,
  strictFlag,
} from "../flags.js";
import { loadRuleset } from "../rulesets/load-ruleset.js";
import type { OutputDirectory } from "../output/staged-write.js";
import { withOutputDirectory } from "../output/staged-write.js";
import { progressLine } from "../progress.js";
import { readPrevious } from "../read-results.js";
import { scoreEvidence } from "../score-evidence.js";
import { defineCommand } from "../shell/define-command.js";
import { optionalFlag } from "../shell/params.js";
import { type Format, type PdfSettings, writeRound } from "../output/write-round.js";

/** Writes the outputs of a round into the (locked) output directory, atomically. */
export function writeOutputs(output: OutputDirectory, results: Results, formats: ReadonlySet<Format>, pdf: PdfSettings) {
  return output.write((staged) => writeRound(staged, results, formats, pdf));
}

/** Where the rejected rows went: rejects.csv when csv was written, else results.json's `rejects`. */
function rejectsAt(out: string, formats: ReadonlySet<Format>): string {
  if (formats.has("csv")) return `${out}/rejects.csv`;
  if (formats.has("json")) return `"rejects" in ${out}/results.json`;
  return "--formats json or csv to write them";
}

/** The summary of a scored round on stdout, rejected rows on stderr; exit 1 under --strict. */
export function reportRound(results: Results, out: string, formats: ReadonlySet<Format>, strict: boolean) {
  return Effect.gen(function* () {
    const rejected = results.rejects.length;
    const vetoed = results.cities.filter((c) => c.status === "vetoed").length;
    const shard =
      results.shard === undefined
        ? ""
        : ` (shard ${results.shard.index === 0 ? results.shard.count : results.shard.index}/${results.shard.count})`;
    yield* Console.log(
      `scored ${results.cities.length} cities for round ${results.round}${shard} with ${results.ruleset.id}@${results.ruleset.version}` +
        `${vetoed > 0 ? ` (${vetoed} vetoed)` : ""}; wrote ${out}`,
    );
    for (const file of results.inputs.files) {
      yield* Console.log(
        `  ${file.name.padEnd(14)} ${String(file.rows).padStart(8)} rows: ${file.accepted} accepted, ${file.skipped} skipped, ${file.rejected} rejected (${file.encoding})`,
      );
    }
    if (rejected > 0) {
      yield* Console.error(`${rejected} evidence row${rejected === 1 ? " was" : "s were"} rejected: see ${rejectsAt(out, formats)}`);
      if (strict) return yield* new CliFailure({ code: "rows_rejected", message: "--strict: rows were rejected" });
    }
  });
}

const shardFlag = optionalFlag("shard", {
  placeholder: "I/N",
  description: "score only the cities whose id hashes to shard i of n (1-based; 0-based works too); join with `civitas merge`",
});

/** `--shard i/n`, when given. */
function shardOf(text: Option.Option<string>): Effect.Effect<Shard | undefined, CliFailure> {
  if (Option.isNone(text)) return Effect.succeed(undefined);
  const shard = parseShard(text.value);
  return shard === undefined
    ? Effect.fail(badFlag("shard", `--shard ${JSON.stringify(text.value)}: expected i/n with 1 <= i <= n`))
    : Effect.succeed(shard);
}

export const scoreCommand = defineCommand(
  {
    name: "score",
    description: "Score an evidence directory for one round against a rule set",
    examples: ["score --ruleset national@2024.1.0 --evidence fixtures/demo --round 2024 --out out/2024"],
    params: {
      ruleset: rulesetFlag,
      evidence: evidenceFlag,
      round: roundFlag,
      ...outputFlags,
      strict: strictFlag,
      shard: shardFlag,
      previous: previousFlag,
      rulesets: rulesetsFlag,
      asOf: asOfFlag,
    },
  },
  (options) =>
    Effect.gen(function* () {
      const formats = yield* parseFormats(options.formats);
      const shard = yield* shardOf(options.shard);
      const inputs = [options.evidence, options.ruleset, ...Option.toArray(options.previous)];
      yield* withOutputDirectory(options.out, inputs, (output) =>
        Effect.gen(function* () {
          const { ruleset } = yield* loadRuleset(options.ruleset, options.rulesets, options.asOf);
          const previous = yield* readPrevious(options.previous, ruleset.id);
          if (previous !== undefined && !formats.has("pdf"))
            yield* Console.error("note: --previous changes only the PDFs, and --formats has no pdf");
          const progress = progressLine();
          progress.update(`reading and scoring the evidence in ${options.evidence} …`);
          const results = yield* scoreEvidence(ruleset, options.evidence, options.round, shard);
          progress.update(`writing ${options.out} …`);
          yield* writeOutputs(output, results, formats, {
            ruleset,
            date: Option.getOrUndefined(options.reportDate),
            previous,
            onScorecard: (done, total) => progress.update(`rendering scorecards ${done}/${total} …`),
          });
          progress.done();
          yield* reportRound(results, options.out, formats, options.strict);
        }),
      );
    }),
);
