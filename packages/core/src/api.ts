/**
 * The public entry points: parse a rule set, score a round — as Promises/exceptions and as
 * Effects with typed errors.
 */
import { Effect } from "effect";
import { EvidenceError } from "./errors.js";
import { admitTables, type EvidenceTables } from "./evidence/tables.js";
import type { Results } from "./results.js";
import type { Ruleset } from "./ruleset/model.js";
import { checkRuleset, type ParseRulesetOptions } from "./ruleset/parse.js";
import { RulesetError } from "./ruleset/issues.js";
import { scoreAdmitted } from "./scoring/score-round.js";

/** What `scoreRound` takes. */
export interface ScoreRoundInput {
  readonly ruleset: Ruleset;
  readonly round: string;
  readonly evidence: EvidenceTables;
}

/** Validates and resolves a rule set, failing with every issue found. */
export function parseRulesetEffect(data: unknown, options: ParseRulesetOptions = {}): Effect.Effect<Ruleset, RulesetError> {
  return Effect.suspend(() => {
    const result = checkRuleset(data, options);
    return result.ok ? Effect.succeed(result.ruleset) : Effect.fail(new RulesetError(result.issues));
  });
}

/** Scores evidence held in memory; fails with an `EvidenceError` when it cannot be scored. */
export function scoreRoundEffect(input: ScoreRoundInput): Effect.Effect<Results, EvidenceError> {
  return Effect.gen(function* () {
    const admission = admitTables(input.ruleset, input.round, input.evidence);
    if (admission instanceof EvidenceError) return yield* admission;
    return yield* Effect.promise(() =>
      scoreAdmitted({
        ruleset: input.ruleset,
        round: input.round,
        evidence: admission.evidence(),
        files: admission.accounts.map((a) => ({ ...a })),
        rejects: admission.rejects,
      }),
    );
  });
}

/**
 * Scores evidence held in memory and returns the `results.json` object.
 *
 * @example
 * const results = await scoreRound({ ruleset, round: "2024", evidence: { cities: [{ city_id: "a", name: "甲市" }] } });
 */
export function scoreRound(input: ScoreRoundInput): Promise<Results> {
  return Effect.runPromise(scoreRoundEffect(input));
}
