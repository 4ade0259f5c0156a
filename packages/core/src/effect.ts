/**
 * @civitas/core/effect — the entry points as Effects, with typed errors and no exceptions:
 * each fails with the tagged error its plain version throws (see `errors.ts`), and anything
 * else thrown is a defect.
 *
 * @example
 * import { Effect } from "effect";
 * import { parseRulesetEffect, scoreRoundEffect } from "@civitas/core/effect";
 * const program = parseRulesetEffect(data).pipe(Effect.flatMap((ruleset) => scoreRoundEffect({ ruleset, round: "2024", evidence })));
 *
 * @example
 * const merged = mergeShardsEffect(shards).pipe(
 *   Effect.catchTag("MergeError", (error) => Effect.logError(`${error.code}: ${error.message}`)),
 * );
 *
 * @packageDocumentation
 */
import * as Effect from "effect/Effect";
import { type ScoreRoundInput, scoreRound } from "./api.js";
import {
  type CivitasError,
  ClosureError,
  CompositeError,
  EvidenceError,
  MergeError,
  PlanError,
  ResultsError,
  RulesetError,
} from "./errors.js";
import type { Results } from "./results/model.js";
import { type ResultsNeed, readResults } from "./results/read-results.js";
import { type Closure, compareRounds } from "./rounds/closure.js";
import { type Composite, composeRounds, type WeightedResults } from "./rounds/composite.js";
import { type Plan, planImprovements } from "./rounds/plan.js";
import type { Ruleset } from "./ruleset/model.js";
import { checkRuleset, type ParseRulesetOptions } from "./ruleset/parse.js";
import { mergeShards } from "./scoring/shards.js";

type ErrorClass<E extends CivitasError> = abstract new (...args: never[]) => E;

/** Runs `run`: its failure of class `kind` in the error channel, anything else thrown a defect. */
function attempt<A, E extends CivitasError>(kind: ErrorClass<E>, run: () => A): Effect.Effect<A, E> {
  return Effect.try({ try: run, catch: (error) => error }).pipe(
    Effect.catch((error) => (error instanceof kind ? Effect.fail(error) : Effect.die(error))),
  );
}

/** Validates and resolves a rule set, failing with a `RulesetError` listing every issue. */
export function parseRulesetEffect(data: unknown, options: ParseRulesetOptions = {}): Effect.Effect<Ruleset, RulesetError> {
  return Effect.suspend(() => {
    const result = checkRuleset(data, options);
    return result.ok ? Effect.succeed(result.ruleset) : Effect.fail(new RulesetError(result.issues));
  });
}

/** Scores evidence held in memory, failing with an `EvidenceError` when it cannot be scored. */
export function scoreRoundEffect(input: ScoreRoundInput): Effect.Effect<Results, EvidenceError> {
  return Effect.tryPromise({ try: () => scoreRound(input), catch: (error) => error }).pipe(
    Effect.catch((error) => (error instanceof EvidenceError ? Effect.fail(error) : Effect.die(error))),
  );
}

/** Reads results data (a parsed results.json), failing with a `ResultsError` listing every problem. */
export function readResultsEffect(
  data: unknown,
  options: { readonly needs?: readonly ResultsNeed[] } = {},
): Effect.Effect<Results, ResultsError> {
  return attempt(ResultsError, () => readResults(data, options));
}

/** Classifies every problem of two rounds (`compareRounds`), failing with a `ClosureError`. */
export function compareRoundsEffect(base: Results, current: Results): Effect.Effect<Closure, ClosureError> {
  return attempt(ClosureError, () => compareRounds(base, current));
}

/** Combines rounds (`composeRounds`), failing with a `CompositeError`. */
export function composeRoundsEffect(inputs: readonly WeightedResults[]): Effect.Effect<Composite, CompositeError> {
  return attempt(CompositeError, () => composeRounds(inputs));
}

/** Joins shard results (`mergeShards`), failing with a `MergeError`. */
export function mergeShardsEffect(shards: readonly Results[]): Effect.Effect<Results, MergeError> {
  return attempt(MergeError, () => mergeShards(shards));
}

/** Plans every city towards a target (`planImprovements`), failing with a `PlanError`. */
export function planImprovementsEffect(results: Results, target: number | string): Effect.Effect<Plan, PlanError> {
  return attempt(PlanError, () => planImprovements(results, target));
}

export { ClosureError, CompositeError, EvidenceError, MergeError, PlanError, ResultsError, RulesetError };
export { FAILURE_CODES, isCivitasError, type CivitasError } from "./errors.js";
