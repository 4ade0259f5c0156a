/**
 * The scoring pipeline the commands share: read and admit an evidence directory, then score.
 */
import { type EvidenceError, type Results, type Ruleset, scoreAdmitted } from "@civitas/core";
import { readEvidence } from "@civitas/csv";
import { Effect } from "effect";
import { type CliFailure, usage } from "./failure.js";

/** Scores `round` of the evidence in `dir` with `ruleset`. */
export function scoreEvidence(ruleset: Ruleset, dir: string, round: string): Effect.Effect<Results, CliFailure> {
  return Effect.gen(function* () {
    const read = yield* readEvidence(dir, ruleset, round).pipe(Effect.mapError((error: EvidenceError) => usage(error.message)));
    const { admission, files } = read;
    return yield* Effect.promise(() =>
      scoreAdmitted({ ruleset, round, evidence: admission.evidence(), files, rejects: admission.rejects }),
    );
  });
}
