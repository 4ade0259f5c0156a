/**
 * Scores a round: every admitted city, then ranks across cities, into `Results`.
 */
import type { AdmittedEvidence } from "../evidence/model.js";
import type { RejectedRow } from "../evidence/reject-codes.js";
import type { Ruleset } from "../ruleset/model.js";
import type { CityResult, InputFile, Results } from "../results.js";
import { ENGINE } from "../version.js";
import { scoreCity } from "./city-score.js";
import { ConditionEvaluator } from "./conditions.js";
import { rankCities } from "./rank.js";

/** What a round's scoring takes: the rule set and everything admitted. */
export interface RoundInput {
  readonly ruleset: Ruleset;
  readonly round: string;
  readonly evidence: AdmittedEvidence;
  readonly files: readonly InputFile[];
  readonly rejects: readonly RejectedRow[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Scores every city and ranks them. Cities come out in `city_id` order. */
export async function scoreAdmitted(input: RoundInput): Promise<Results> {
  const { ruleset, evidence } = input;
  const evaluator = ConditionEvaluator.forRuleset(ruleset);
  const scored: CityResult[] = [];
  for (const cityId of [...evidence.cities.keys()].sort(byCodePoint)) {
    const record = evidence.cities.get(cityId);
    const cityEvidence = evidence.byCity.get(cityId);
    if (record === undefined || cityEvidence === undefined) continue;
    scored.push(await scoreCity(ruleset, evaluator, record, cityEvidence));
  }
  const ranks = rankCities(scored);
  const cities = scored.map((city) => ({ ...city, rank: ranks.get(city.cityId) ?? { overall: null, peerGroup: null } }));
  return {
    schemaVersion: 1,
    engine: { name: ENGINE.name, version: ENGINE.version },
    ruleset: {
      id: ruleset.id,
      version: ruleset.version,
      hash: ruleset.hash,
      title: ruleset.title,
      lineage: ruleset.lineage,
      grades: ruleset.grades,
      dynamic: ruleset.dynamic ?? null,
    },
    round: input.round,
    cities,
    inputs: { files: input.files, rejected: input.rejects.length },
    rejects: input.rejects,
  };
}
