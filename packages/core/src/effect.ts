/**
 * @civitas/core/effect — the entry points as Effects, with typed errors and no exceptions.
 *
 * @example
 * import { Effect } from "effect";
 * import { parseRulesetEffect, scoreRoundEffect } from "@civitas/core/effect";
 * const program = parseRulesetEffect(data).pipe(Effect.flatMap((ruleset) => scoreRoundEffect({ ruleset, round: "2024", evidence })));
 *
 * @packageDocumentation
 */
import * as Effect from "effect/Effect";
import { type ScoreRoundInput, scoreRound } from "./api.js";
import { EvidenceError } from "./errors.js";
import type { Results } from "./results/model.js";
import { RulesetError } from "./ruleset/issues.js";
import type { Ruleset } from "./ruleset/model.js";
import { checkRuleset, type ParseRulesetOptions } from "./ruleset/parse.js";

/** Validates and resolves a rule set, failing with a `RulesetError` listing every issue. */
export function parseRulesetEffect(data: unknown, options: ParseRulesetOptions = {}): Effect.Effect<Ruleset, RulesetError> {
  return Effect.suspend(() => {
    const result = checkRuleset(data, options);
    return result.ok ? Effect.succeed(result.ruleset) : Effect.fail(new RulesetError(result.issues));
  });
}

/** Scores evidence held in memory, failing with an `EvidenceError` when it cannot be scored. */
export function scoreRoundEffect(input: ScoreRoundInput): Effect.Effect<Results, EvidenceError> {
  return Effect.tryPromise({
    try: () => scoreRound(input),
    catch: (error) => {
      if (error instanceof EvidenceError) return error;
      throw error;
    },
  });
}

export { EvidenceError, RulesetError };
