/**
 * Commands across rounds: `compare` (销号清单 and 责任清单), `composite` (综合 and 动态管理)
 * and `plan` (整改计划), each writing JSON, CSV and PDF (`--formats`) into --out.
 */
import {
  ClosureError,
  type Closure,
  type Composite,
  CompositeError,
  compareRounds,
  composeRounds,
  type Plan,
  planImprovements,
  type Results,
  type ResultsNeed,
  parseNumber,
} from "@civitas/core";
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import { Command, Flag } from "effect/cli";
import { checkOutputTarget, stageOutput } from "../atomic-output.js";
import { CliFailure, usage } from "../failure.js";
import { readResults } from "../read-results.js";
import { closureFiles, compositeFiles, type OutputFile, planFiles } from "../round-files.js";
import { rulesetOfResults } from "../rulesets/results-ruleset.js";
import { FORMATS } from "../write-round.js";
import { parseFormats, reportDateFlag, rulesetsFlag } from "./score.js";

const outFlag = Flag.String("out").pipe(Flag.withDescription("output directory (replaced atomically)"));
const formatsFlag = Flag.String("formats").pipe(
  Flag.withDescription(`comma-separated outputs: ${FORMATS.join(", ")}`),
  Flag.withDefault("json,csv,pdf"),
);

function load(path: string, needs: readonly ResultsNeed[] = []) {
  return Effect.gen(function* () {
    const results = readResults(path, needs);
    if (results instanceof CliFailure) return yield* results;
    return results;
  });
}

function formatsOf(text: string) {
  return Effect.gen(function* () {
    const formats = parseFormats(text);
    if (formats instanceof CliFailure) return yield* formats;
    return formats;
  });
}

/** Makes the files (rendering the PDF may take a moment) and writes them into --out atomically. */
function writeAll(out: string, inputs: readonly string[], make: () => Promise<OutputFile[]>) {
  return Effect.gen(function* () {
    const refused = checkOutputTarget(out, inputs);
    if (refused !== undefined) return yield* refused;
    const files = yield* Effect.promise(make);
    const output = stageOutput(out, inputs);
    if (output instanceof CliFailure) return yield* output;
    for (const [name, data] of files) output.write(name, data);
    const failed = output.commit();
    if (failed !== undefined) return yield* failed;
    return files.map(([name]) => name);
  });
}

/** `path[:weight]`: the weight is what follows the last colon when it is a number. */
function weightedPath(spec: string): { path: string; weight: number } | CliFailure {
  const colon = spec.lastIndexOf(":");
  // a decimal number as a user types it (0.6, .5, 2, 1e0), read as evidence values are
  const weight = colon < 0 ? undefined : parseNumber(spec.slice(colon + 1));
  if (weight === undefined) return { path: spec, weight: 1 };
  if (!(weight > 0)) return usage(`--results ${spec}: the weight must be a positive number`);
  return { path: spec.slice(0, colon), weight };
}

const wrote = (out: string, names: readonly string[]) => `wrote ${out} (${names.join(", ")})`;

const compare = Command.make(
  "compare",
  {
    base: Flag.String("base").pipe(Flag.withDescription("the earlier round's results.json")),
    current: Flag.String("current").pipe(Flag.withDescription("the later round's results.json")),
    out: outFlag,
    formats: formatsFlag,
    reportDate: reportDateFlag,
    rulesets: rulesetsFlag,
  },
  Effect.fn(function* (options) {
    const formats = yield* formatsOf(options.formats);
    const base = yield* load(options.base, ["problems", "visitedSites"]);
    const current = yield* load(options.current, ["problems", "visitedSites"]);
    let closure: Closure;
    try {
      closure = compareRounds(base, current);
    } catch (error) {
      if (error instanceof ClosureError) return yield* usage(error.message);
      throw error;
    }
    const pdf = { ruleset: rulesetOfResults(current, options.rulesets), date: Option.getOrUndefined(options.reportDate) };
    const names = yield* writeAll(options.out, [options.base, options.current], () =>
      closureFiles(closure, { base, current }, formats, pdf),
    );
    const t = closure.totals.overall;
    if (closure.versionsDiffer) {
      yield* Console.error(`note: rule-set versions differ: ${base.ruleset.id}@${base.ruleset.version} → ${current.ruleset.version}`);
    }
    yield* Console.log(
      `compared round ${base.round} with ${current.round}: ${t.resolved} 已销号 resolved, ${t.unverified} 未复查 unverified, ` +
        `${t.persisting} 未整改 persisting, ${t.new} 新发现 new; ${wrote(options.out, names)}`,
    );
  }),
).pipe(Command.withDescription("Classify every problem of two rounds: resolved, unverified, persisting, new (销号清单, 责任清单)"));

const composite = Command.make(
  "composite",
  {
    results: Flag.String("results").pipe(
      Flag.withDescription("a round's results.json, optionally :weight (e.g. out/2024/results.json:0.6); repeat per round"),
      Flag.atLeast(1),
    ),
    out: outFlag,
    formats: formatsFlag,
    reportDate: reportDateFlag,
  },
  Effect.fn(function* (options) {
    const formats = yield* formatsOf(options.formats);
    const inputs: Array<{ results: Results; weight: number }> = [];
    const paths: string[] = [];
    for (const spec of options.results) {
      const weighted = weightedPath(spec);
      if (weighted instanceof CliFailure) return yield* weighted;
      inputs.push({ results: yield* load(weighted.path), weight: weighted.weight });
      paths.push(weighted.path);
    }
    const ids = new Set(inputs.map((i) => i.results.ruleset.id));
    if (ids.size > 1) yield* Console.error(`note: the rounds use different rule sets: ${[...ids].join(", ")}`);
    let result: Composite;
    try {
      result = composeRounds(inputs);
    } catch (error) {
      if (error instanceof CompositeError) return yield* usage(`--results: ${error.message}`);
      throw error;
    }
    const latest = inputs.find((i) => i.results.round === result.latestRound)?.results;
    const pdf = { ruleset: undefined, date: Option.getOrUndefined(options.reportDate) };
    const names = yield* writeAll(options.out, paths, () => compositeFiles(result, latest?.ruleset.title, formats, pdf));
    const flagged = result.cities.filter((c) => c.dynamic === "warning" || c.dynamic === "removal");
    yield* Console.log(
      `composite of ${result.rounds.length} round(s) for ${result.cities.length} cities; ` +
        `${flagged.filter((c) => c.dynamic === "warning").length} 提醒 warning, ${flagged.filter((c) => c.dynamic === "removal").length} 建议撤销 removal; ${wrote(options.out, names)}`,
    );
  }),
).pipe(Command.withDescription("Combine rounds into composite ratios with dynamic management flags (动态管理)"));

const plan = Command.make(
  "plan",
  {
    results: Flag.String("results").pipe(Flag.withDescription("results.json of the round to plan from")),
    target: Flag.String("target").pipe(Flag.withDescription("target ratio (e.g. 0.9) or grade id (e.g. excellent)")),
    out: outFlag,
    formats: formatsFlag,
    reportDate: reportDateFlag,
    rulesets: rulesetsFlag,
  },
  Effect.fn(function* (options) {
    const formats = yield* formatsOf(options.formats);
    const results = yield* load(options.results);
    const numeric = parseNumber(options.target.trim());
    if (numeric !== undefined && !(numeric >= 0 && numeric <= 1)) {
      return yield* usage(`--target ${options.target}: a target ratio is between 0 and 1 (e.g. 0.9), or a grade id`);
    }
    if (numeric === undefined && !results.ruleset.grades.some((g) => g.id === options.target || g.name === options.target)) {
      const grades = results.ruleset.grades.map((g) => `${g.id} (${g.name})`).join(", ");
      return yield* usage(
        `--target ${options.target}: not a ratio, nor a grade of the rule set (${grades === "" ? "it has none" : grades})`,
      );
    }
    const result: Plan = planImprovements(results, numeric ?? options.target);
    const pdf = { ruleset: rulesetOfResults(results, options.rulesets), date: Option.getOrUndefined(options.reportDate) };
    const names = yield* writeAll(options.out, [options.results], () => planFiles(result, results, formats, pdf));
    for (const city of result.cities) yield* Console.log(`  ${city.cityId.padEnd(10)} ${city.outcome.padEnd(16)} ${city.message}`);
    yield* Console.log(
      `plan towards ${(result.target.ratio * 100).toFixed(2)}% for ${result.cities.length} cities; ${wrote(options.out, names)}`,
    );
  }),
).pipe(Command.withDescription("For each city, the improvement items that together reach a target ratio or grade (整改计划)"));

export const roundCommands = [compare, composite, plan] as const;
