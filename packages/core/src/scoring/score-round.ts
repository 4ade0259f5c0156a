/**
 * Scores a round: every admitted city with its appeals settled, then ranks across cities, into
 * `Results`. Appeals rows whose targets are rejected once their city is scored before appeals
 * move from accepted to rejected in their file's account, and join the rejected rows in line
 * order (`late-rejects.ts`).
 */
import type { AdmittedEvidence } from "../evidence/model.js";
import type { RejectedRow } from "../evidence/reject-codes.js";
import type { Ruleset } from "../ruleset/model.js";
import type { CityResult, InputFile, Results } from "../results/model.js";
import { ENGINE } from "../version.js";
import { settleCity } from "./settle-appeals.js";
import { withLateRejects } from "./late-rejects.js";
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
  const late: RejectedRow[] = [];
  for (const cityId of [...evidence.cities.keys()].sort(compareCodePoints)) {
    const record = evidence.cities.get(cityId);
    const cityEvidence = evidence.byCity.get(cityId);
    if (record === undefined || cityEvidence === undefined) continue;
    const settled = await settleCity(ruleset, evaluator, record, cityEvidence);
    scored.push(settled.result);
    late.push(...settled.rejected);
  }
  const { files, rejects } = withLateRejects(input.files, input.rejects, late);
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
    files,
    rejects,
    ...(input.shard === undefined ? {} : { shard: input.shard }),
  });
}
