/**
 * Reading a results.json (written by `civitas score`, or by hand with the spec's required
 * core): a file that cannot be read or parsed fails naming it; one that is not a usable
 * results.json fails with a `ResultsError` carrying the file and every path at fault.
 */
import { readFileSync } from "node:fs";
import { type Results, ResultsError, type ResultsNeed } from "@civitas/core";
import { readResultsEffect } from "@civitas/core/effect";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import { type CliFailure, unreadable, usage } from "./failure.js";

/** Reads a results.json; `needs` names the parts of SPEC section 5 the command uses. */
export function readResults(path: string, needs: readonly ResultsNeed[] = []): Effect.Effect<Results, CliFailure | ResultsError> {
  return Effect.try({
    try: () => JSON.parse(readFileSync(path, "utf8")) as unknown,
    catch: (error) => unreadable(path, `${path}: cannot read results (${(error as Error).message})`),
  }).pipe(
    Effect.flatMap((data) => readResultsEffect(data, { needs })),
    Effect.mapError((error) => (error._tag === "ResultsError" ? new ResultsError(error.issues, path) : error)),
  );
}

/** Reads --previous (when given) and checks that it can be compared with results of rule set `rulesetId`. */
export function readPrevious(
  path: Option.Option<string>,
  rulesetId: string,
): Effect.Effect<Results | undefined, CliFailure | ResultsError> {
  if (Option.isNone(path)) return Effect.succeed(undefined);
  return readResults(path.value).pipe(
    Effect.filterOrFail(
      (previous) => previous.ruleset.id === rulesetId,
      (previous) =>
        usage(`--previous ${path.value}: results of rule set ${previous.ruleset.id} cannot be compared with rule set ${rulesetId}`),
    ),
  );
}
