/**
 * Scores a round: every admitted city, then ranks across cities, into `Results`.
 */
import type { AdmittedEvidence } from "../evidence/model.js";
import type { RejectedRow } from "../evidence/reject-codes.js";
import type { Ruleset } from "../ruleset/model.js";
import type { CityResult, InputFile, Results } from "../results/model.js";
import { ENGINE } from "../version.js";
import { scoreCity } from "./city-score.js";
import { ConditionEvaluator } from "./conditions.js";
import { assembleResults } from "./assemble-results.js";
import type { Shard } from "./shards.js";
import { compareCodePoints } from "../order.js";

/** What a round's scoring takes: the rule set and everything admitted. */
export interface RoundInput {
  readonly ruleset: Ruleset;
  readonly round: string;
  readonly evidence: AdmittedEvidence;
  readonly files: readonly InputFile[];
  readonly rejects: readonly RejectedRow[];
  /** Set when only one shard of the cities was admitted (`--shard i/n`). */
  readonly shard?: Shard;
}

/** Scores every city and ranks them. Cities come out in `city_id` order. */
export async function scoreAdmitted(input: RoundInput): Promise<Results> {
  const { ruleset, evidence } = input;
  const evaluator = ConditionEvaluator.forRuleset(ruleset);
  const scored: CityResult[] = [];
  for (const cityId of [...evidence.cities.keys()].sort(compareCodePoints)) {
    const record = evidence.cities.get(cityId);
    const cityEvidence = evidence.byCity.get(cityId);
    if (record === undefined || cityEvidence === undefined) continue;
    scored.push(await scoreCity(ruleset, evaluator, record, cityEvidence));
  }
  return assembleResults({
    ruleset: {
      id: ruleset.id,
      version: ruleset.version,
      hash: ruleset.hash,
      title: ruleset.title,
      lineage: ruleset.lineage,
      departments: ruleset.departments,
      grades: ruleset.grades,
      dynamic: ruleset.dynamic ?? null,
    },
    engine: { name: ENGINE.name, version: ENGINE.version },
    round: input.round,
    cities: scored,
    files: input.files,
    rejects: input.rejects,
    ...(input.shard === undefined ? {} : { shard: input.shard }),
  });
}
