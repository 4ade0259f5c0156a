/**
 * Commands across rounds: `compare` (销号清单 and 责任清单), `composite` (综合 and 动态管理)
 * and `plan` (整改计划), each writing JSON, CSV and PDF (`--formats`) into --out.
 */
import { type Closure, type Composite, type Plan, parseNumber, type Results, type ResultsNeed } from "@civitas/core";
import { compareRoundsEffect, composeRoundsEffect, planImprovementsEffect } from "@civitas/core/effect";
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import { badFlag, type CliFailure } from "../failure.js";
import { outputFlags, parseFormats, rulesetsFlag } from "../flags.js";
import type { StagedOutput } from "../output/atomic-output.js";
import { withOutputDirectory } from "../output/staged-write.js";
import { readResults } from "../read-results.js";
import { rulesetOfResults } from "../rulesets/results-ruleset.js";
import { closureFiles, compositeFiles, type OutputFile, planFiles } from "../output/round-files.js";
import { defineCommand } from "../shell/define-command.js";
import { repeatedFlag, requiredFlag } from "../shell/params.js";

/** Puts the files made into the staged directory; their names. */
function put(staged: StagedOutput, files: readonly OutputFile[]): string[] {
  for (const [name, data] of files) staged.write(name, data);
  return files.map(([name]) => name);
}

/** `path[:weight]`: the weight is what follows the last colon when it is a number. */
function weightedPath(spec: string): Effect.Effect<{ path: string; weight: number }, CliFailure> {
  const colon = spec.lastIndexOf(":");
  // a decimal number as a user types it (0.6, .5, 2, 1e0), read as evidence values are
  const weight = colon < 0 ? undefined : parseNumber(spec.slice(colon + 1));
  if (weight === undefined) return Effect.succeed({ path: spec, weight: 1 });
  if (!(weight > 0)) return Effect.fail(badFlag("results", `--results ${spec}: the weight must be a positive number`));
  return Effect.succeed({ path: spec.slice(0, colon), weight });
}

const wrote = (out: string, names: readonly string[]) => `wrote ${out} (${names.join(", ")})`;
const load = (path: string, needs: readonly ResultsNeed[] = []) => readResults(path, needs);

const compare = defineCommand(
  {
    name: "compare",
    description: "Classify every problem of two rounds: resolved, unverified, persisting, new (销号清单, 责任清单)",
    examples: ["compare --base out/2023/results.json --current out/2024/results.json --out out/closure"],
    params: {
      base: requiredFlag("base", { placeholder: "RESULTS.JSON", description: "the earlier round's results.json" }),
      current: requiredFlag("current", { placeholder: "RESULTS.JSON", description: "the later round's results.json" }),
      ...outputFlags,
      rulesets: rulesetsFlag,
    },
  },
  (options) =>
    Effect.gen(function* () {
      const formats = yield* parseFormats(options.formats);
      yield* withOutputDirectory(options.out, [options.base, options.current], (output) =>
        Effect.gen(function* () {
          const base = yield* load(options.base, ["problems", "visitedSites"]);
          const current = yield* load(options.current, ["problems", "visitedSites"]);
          const closure: Closure = yield* compareRoundsEffect(base, current);
          const pdf = { ruleset: rulesetOfResults(current, options.rulesets), date: Option.getOrUndefined(options.reportDate) };
          const names = yield* output.write(async (staged) => put(staged, await closureFiles(closure, { base, current }, formats, pdf)));
          const t = closure.totals.overall;
          if (closure.versionsDiffer) {
            yield* Console.error(`note: rule-set versions differ: ${base.ruleset.id}@${base.ruleset.version} → ${current.ruleset.version}`);
          }
          yield* Console.log(
            `compared round ${base.round} with ${current.round}: ${t.resolved} 已销号 resolved, ${t.unverified} 未复查 unverified, ` +
              `${t.persisting} 未整改 persisting, ${t.new} 新发现 new; ${wrote(options.out, names)}`,
          );
        }),
      );
    }),
);

const composite = defineCommand(
  {
    name: "composite",
    description: "Combine rounds into composite ratios with dynamic management flags (动态管理)",
    examples: ["composite --results out/2023/results.json:0.4 --results out/2024/results.json:0.6 --out out/composite"],
    params: {
      results: repeatedFlag("results", {
        placeholder: "RESULTS.JSON[:WEIGHT]",
        description: "a round's results.json, optionally :weight (e.g. out/2024/results.json:0.6; default weight 1)",
      }),
      ...outputFlags,
    },
  },
  (options) =>
    Effect.gen(function* () {
      const formats = yield* parseFormats(options.formats);
      const specs = yield* Effect.forEach(options.results, weightedPath);
      yield* withOutputDirectory(
        options.out,
        specs.map((s) => s.path),
        (output) =>
          Effect.gen(function* () {
            const inputs: Array<{ results: Results; weight: number }> = yield* Effect.forEach(specs, (spec) =>
              Effect.map(load(spec.path), (results) => ({ results, weight: spec.weight })),
            );
            const ids = new Set(inputs.map((i) => i.results.ruleset.id));
            if (ids.size > 1) yield* Console.error(`note: the rounds use different rule sets: ${[...ids].join(", ")}`);
            const result: Composite = yield* composeRoundsEffect(inputs);
            const latest = inputs.find((i) => i.results.round === result.latestRound)?.results;
            const pdf = { ruleset: undefined, date: Option.getOrUndefined(options.reportDate) };
            const names = yield* output.write(async (staged) =>
              put(staged, await compositeFiles(result, latest?.ruleset.title, formats, pdf)),
            );
            const flagged = result.cities.filter((c) => c.dynamic === "warning" || c.dynamic === "removal");
            yield* Console.log(
              `composite of ${result.rounds.length} round(s) for ${result.cities.length} cities; ` +
                `${flagged.filter((c) => c.dynamic === "warning").length} 提醒 warning, ${flagged.filter((c) => c.dynamic === "removal").length} 建议撤销 removal; ${wrote(options.out, names)}`,
            );
          }),
      );
    }),
);

/** `--target`: a ratio in [0, 1] or a grade (id or name) of the results' rule set. */
function targetOf(text: string, results: Results): Effect.Effect<number | string, CliFailure> {
  const numeric = parseNumber(text.trim());
  if (numeric !== undefined && !(numeric >= 0 && numeric <= 1)) {
    return Effect.fail(badFlag("target", `--target ${text}: a target ratio is between 0 and 1 (e.g. 0.9), or a grade id`));
  }
  if (numeric === undefined && !results.ruleset.grades.some((g) => g.id === text || g.name === text)) {
    const grades = results.ruleset.grades.map((g) => `${g.id} (${g.name})`).join(", ");
    return Effect.fail(
      badFlag("target", `--target ${text}: not a ratio, nor a grade of the rule set (${grades === "" ? "it has none" : grades})`),
    );
  }
  return Effect.succeed(numeric ?? text);
}

const plan = defineCommand(
  {
    name: "plan",
    description: "For each city, the improvement items that together reach a target ratio or grade (整改计划)",
    examples: ["plan --results out/2024/results.json --target excellent --out out/plan"],
    params: {
      results: requiredFlag("results", { placeholder: "RESULTS.JSON", description: "results.json of the round to plan from" }),
      target: requiredFlag("target", { placeholder: "RATIO|GRADE", description: "target ratio (e.g. 0.9) or grade id (e.g. excellent)" }),
      ...outputFlags,
      rulesets: rulesetsFlag,
    },
  },
  (options) =>
    Effect.gen(function* () {
      const formats = yield* parseFormats(options.formats);
      yield* withOutputDirectory(options.out, [options.results], (output) =>
        Effect.gen(function* () {
          const results = yield* load(options.results);
          const target = yield* targetOf(options.target, results);
          const result: Plan = yield* planImprovementsEffect(results, target);
          const pdf = { ruleset: rulesetOfResults(results, options.rulesets), date: Option.getOrUndefined(options.reportDate) };
          const names = yield* output.write(async (staged) => put(staged, await planFiles(result, results, formats, pdf)));
          for (const city of result.cities) yield* Console.log(`  ${city.cityId.padEnd(10)} ${city.outcome.padEnd(16)} ${city.message}`);
          yield* Console.log(
            `plan towards ${(result.target.ratio * 100).toFixed(2)}% for ${result.cities.length} cities; ${wrote(options.out, names)}`,
          );
        }),
      );
    }),
);

export const roundCommands = [compare, composite, plan] as const;
