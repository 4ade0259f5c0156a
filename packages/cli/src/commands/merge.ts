/**
 * `civitas merge`: joins the results of every shard of a sharded run (`civitas score --shard
 * i/n`) into the output an unsharded run gives, byte for byte.
 */
import { mergeShardsEffect } from "@civitas/core/effect";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import { outputFlags, parseFormats, previousFlag, rulesetsFlag } from "../flags.js";
import { withOutputDirectory } from "../output/staged-write.js";
import { readPrevious, readResults } from "../read-results.js";
import { rulesetOfResults } from "../rulesets/results-ruleset.js";
import { defineCommand } from "../shell/define-command.js";
import { variadicArgument } from "../shell/params.js";
import { reportRound, writeOutputs } from "./score.js";

export const mergeCommand = defineCommand(
  {
    name: "merge",
    description: "Join the results of every shard of a `civitas score --shard i/n` run (ranks recomputed)",
    examples: ["merge out/shard-1/results.json out/shard-2/results.json --out out/2024"],
    params: {
      shards: variadicArgument("shard-results", "results.json of each shard", 1),
      ...outputFlags,
      previous: previousFlag,
      rulesets: rulesetsFlag,
    },
  },
  (options) =>
    Effect.gen(function* () {
      const formats = yield* parseFormats(options.formats);
      yield* withOutputDirectory(options.out, [...options.shards, ...Option.toArray(options.previous)], (output) =>
        Effect.gen(function* () {
          const shards = yield* Effect.forEach(options.shards, (path) => readResults(path));
          const merged = yield* mergeShardsEffect(shards);
          // The rule set, when it can be found, names checks and site types in the reports.
          const ruleset = rulesetOfResults(merged, options.rulesets);
          const previous = yield* readPrevious(options.previous, merged.ruleset.id);
          yield* writeOutputs(output, merged, formats, { ruleset, date: Option.getOrUndefined(options.reportDate), previous });
          yield* reportRound(merged, options.out, formats, false);
        }),
      );
    }),
);
