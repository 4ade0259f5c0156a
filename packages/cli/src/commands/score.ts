/**
 * `civitas score`: scores an evidence directory for one round against a rule set and writes
 * results.json and the CSV tables into --out (SPEC section 4).
 */
import { parseShard, type Results, type Shard } from "@civitas/core";
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import { Command, Flag } from "effect/cli";
import { checkOutputTarget, stageOutput } from "../atomic-output.js";
import { CliFailure, usage } from "../failure.js";
import { loadRuleset } from "../rulesets/load-ruleset.js";
import { progressLine } from "../progress.js";
import { readResults } from "../read-results.js";
import { scoreEvidence } from "../score-evidence.js";
import { today } from "../today.js";
import { FORMATS, type Format, type PdfSettings, writeRound } from "../write-round.js";

export const rulesetsFlag = Flag.String("rulesets").pipe(
  Flag.withDescription("directory of rule sets, for id@version references and extends"),
  Flag.withDefault("rulesets"),
);
export const asOfFlag = Flag.String("as-of").pipe(
  Flag.withDescription("date (YYYY-MM-DD) picking the version of a rule set named by id alone (default: today)"),
  Flag.optional,
);

export function parseFormats(text: string): Set<Format> | CliFailure {
  const asked = text
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "");
  const unknown = asked.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || asked.length === 0) {
    return usage(`--formats: unknown format ${unknown.map((f) => JSON.stringify(f)).join(", ") || "(none)"}; known: ${FORMATS.join(", ")}`);
  }
  return new Set(asked as Format[]);
}

export const reportDateFlag = Flag.String("report-date").pipe(
  Flag.withDescription(
    "date printed on the PDFs (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else none — never the clock, so PDFs stay reproducible",
  ),
  Flag.optional,
);

export const previousFlag = Flag.String("previous").pipe(
  Flag.withDescription(
    "the previous round's results.json (same rule-set id): scorecards show the change since it and what became of its problems",
  ),
  Flag.optional,
);

/** Reads --previous and checks that it can be compared with results of rule set `rulesetId`. */
export function readPrevious(path: Option.Option<string>, rulesetId: string): Results | undefined | CliFailure {
  if (Option.isNone(path)) return undefined;
  const previous = readResults(path.value);
  if (previous instanceof CliFailure) return previous;
  if (previous.ruleset.id !== rulesetId) {
    return usage(`--previous ${path.value}: results of rule set ${previous.ruleset.id} cannot be compared with rule set ${rulesetId}`);
  }
  return previous;
}

/** Writes the outputs of a round atomically into `out`; `inputs` are what the run read (never replaced). */
export function writeOutputs(out: string, inputs: readonly string[], results: Results, formats: ReadonlySet<Format>, pdf: PdfSettings) {
  return Effect.gen(function* () {
    const output = stageOutput(out, inputs);
    if (output instanceof CliFailure) return yield* output;
    const written = yield* Effect.tryPromise({
      try: () => writeRound(output, results, formats, pdf),
      catch: (error) => {
        output.discard();
        return usage(`cannot write ${out}: ${String(error)}`);
      },
    });
    const failed = output.commit();
    if (failed !== undefined) return yield* failed;
    return written;
  });
}

/** The summary of a scored round on stdout, rejected rows on stderr; exit 1 under --strict. */
export function reportRound(results: Results, out: string, strict: boolean) {
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
      yield* Console.error(`${rejected} evidence row${rejected === 1 ? " was" : "s were"} rejected: see ${out}/rejects.csv`);
      if (strict) return yield* new CliFailure({ exitCode: 1, message: "--strict: rows were rejected" });
    }
  });
}

export const scoreCommand = Command.make(
  "score",
  {
    ruleset: Flag.String("ruleset").pipe(Flag.withDescription("rule set: a file path, or id@version (or id) in --rulesets")),
    evidence: Flag.String("evidence").pipe(Flag.withDescription("evidence directory (cities.csv, sites.csv, field.csv, …)")),
    round: Flag.String("round").pipe(Flag.withDescription("the round to score, e.g. 2024")),
    out: Flag.String("out").pipe(Flag.withDescription("output directory (replaced atomically)")),
    formats: Flag.String("formats").pipe(
      Flag.withDescription(`comma-separated outputs: ${FORMATS.join(", ")}`),
      Flag.withDefault("json,csv,pdf"),
    ),
    reportDate: reportDateFlag,
    strict: Flag.Boolean("strict").pipe(Flag.withDescription("exit 1 when any evidence row was rejected"), Flag.withDefault(false)),
    shard: Flag.String("shard").pipe(
      Flag.withDescription(
        "score only the cities whose id hashes to shard i of n (i/n, 1-based; 0-based works too); join with `civitas merge`",
      ),
      Flag.optional,
    ),
    previous: previousFlag,
    rulesets: rulesetsFlag,
    asOf: asOfFlag,
  },
  Effect.fn(function* (options) {
    const formats = parseFormats(options.formats);
    if (formats instanceof CliFailure) return yield* formats;
    const inputs = [options.evidence, options.ruleset, ...Option.toArray(options.previous)];
    const refused = checkOutputTarget(options.out, inputs);
    if (refused !== undefined) return yield* refused;
    const loaded = loadRuleset(options.ruleset, { rulesetsDir: options.rulesets, asOf: Option.getOrElse(options.asOf, today) });
    if (loaded instanceof CliFailure) return yield* loaded;
    for (const warning of loaded.warnings) yield* Console.error(`warning: ${warning}`);
    const { ruleset } = loaded;
    const previous = readPrevious(options.previous, ruleset.id);
    if (previous instanceof CliFailure) return yield* previous;
    if (previous !== undefined && !formats.has("pdf"))
      yield* Console.error("note: --previous changes only the PDFs, and --formats has no pdf");

    let shard: Shard | undefined;
    if (Option.isSome(options.shard)) {
      shard = parseShard(options.shard.value);
      if (shard === undefined) return yield* usage(`--shard ${JSON.stringify(options.shard.value)}: expected i/n with 1 <= i <= n`);
    }
    const progress = progressLine();
    progress.update(`reading and scoring the evidence in ${options.evidence} …`);
    const results = yield* scoreEvidence(ruleset, options.evidence, options.round, shard);
    progress.update(`writing ${options.out} …`);
    const date = Option.getOrUndefined(options.reportDate);
    yield* writeOutputs(options.out, inputs, results, formats, {
      ruleset,
      date,
      previous,
      onScorecard: (done, total) => progress.update(`rendering scorecards ${done}/${total} …`),
    });
    progress.done();
    yield* reportRound(results, options.out, options.strict);
  }),
).pipe(Command.withDescription("Score an evidence directory for one round against a rule set"));
