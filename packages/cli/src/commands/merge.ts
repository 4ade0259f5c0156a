/**
 * `civitas merge`: joins the results of every shard of a sharded run (`civitas score --shard
 * i/n`) into the output an unsharded run gives, byte for byte.
 */
import { MergeError, mergeShards, type Results } from "@civitas/core";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import { Argument, Command, Flag } from "effect/cli";
import { CliFailure, usage } from "../failure.js";
import { readResults } from "../read-results.js";
import { rulesetOfResults } from "../rulesets/results-ruleset.js";
import { parseFormats, previousFlag, readPrevious, reportDateFlag, reportRound, rulesetsFlag, writeOutputs } from "./score.js";

export const mergeCommand = Command.make(
  "merge",
  {
    shards: Argument.String("shard-results").pipe(Argument.withDescription("results.json of each shard"), Argument.variadic({ min: 1 })),
    out: Flag.String("out").pipe(Flag.withDescription("output directory (replaced atomically)")),
    formats: Flag.String("formats").pipe(Flag.withDescription("comma-separated outputs: json, csv, pdf"), Flag.withDefault("json,csv,pdf")),
    reportDate: reportDateFlag,
    previous: previousFlag,
    rulesets: rulesetsFlag,
  },
  Effect.fn(function* (options) {
    const formats = parseFormats(options.formats);
    if (formats instanceof CliFailure) return yield* formats;
    const shards: Results[] = [];
    for (const path of options.shards) {
      const results = readResults(path);
      if (results instanceof CliFailure) return yield* results;
      shards.push(results);
    }
    let merged: Results;
    try {
      merged = mergeShards(shards);
    } catch (error) {
      if (error instanceof MergeError) return yield* usage(`merge: ${error.message}`);
      throw error;
    }
    // The rule set, when it can be found, names checks and site types in the reports.
    const ruleset = rulesetOfResults(merged, options.rulesets);
    const previous = readPrevious(options.previous, merged.ruleset.id);
    if (previous instanceof CliFailure) return yield* previous;
    yield* writeOutputs(options.out, [...options.shards, ...Option.toArray(options.previous)], merged, formats, {
      ruleset,
      date: Option.getOrUndefined(options.reportDate),
      previous,
    });
    yield* reportRound(merged, options.out, false);
  }),
).pipe(Command.withDescription("Join the results of every shard of a `civitas score --shard i/n` run (ranks recomputed)"));
