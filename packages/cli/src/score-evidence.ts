/**
 * The scoring pipeline the commands share: read and admit an evidence directory, then score
 * (all cities, or one shard of them).
 */
import { type EvidenceError, type Results, type Ruleset, type Shard, scoreAdmitted, shardOf } from "@civitas/core";
import { readEvidenceEffect } from "@civitas/csv/effect";
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";

/** Scores `round` of the evidence in `dir` with `ruleset`; only `shard`'s cities when given. */
export function scoreEvidence(ruleset: Ruleset, dir: string, round: string, shard?: Shard): Effect.Effect<Results, EvidenceError> {
  return Effect.gen(function* () {
    const owns = shard === undefined ? undefined : (key: string) => shardOf(key, shard.count) === shard.index;
    const read = yield* readEvidenceEffect(dir, ruleset, round, owns === undefined ? {} : { owns });
    const { admission, files } = read;
    for (const warning of read.warnings) yield* Console.error(`warning: ${warning}`);
    return yield* Effect.promise(() =>
      scoreAdmitted({
        ruleset,
        round,
        evidence: admission.evidence(),
        files,
        rejects: admission.rejects,
        ...(shard === undefined ? {} : { shard }),
      }),
    );
  });
}
