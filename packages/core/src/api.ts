/**
 * The public entry points: parse a rule set (see `ruleset/parse.ts`), score a round of
 * evidence held in memory.
 */
import { EvidenceError } from "./errors.js";
import { admitTables, type EvidenceTables } from "./evidence/tables.js";
import type { Results } from "./results/model.js";
import type { Ruleset } from "./ruleset/model.js";
import { scoreAdmitted } from "./scoring/score-round.js";

/** What `scoreRound` takes. */
export interface ScoreRoundInput {
  readonly ruleset: Ruleset;
  readonly round: string;
  readonly evidence: EvidenceTables;
}

/**
 * Scores evidence held in memory and returns the `results.json` object; rows are judged as
 * CSV rows are (rejected rows are listed in `rejects`, line = index + 2). Rejects with an
 * `EvidenceError` when the evidence cannot be scored (no cities, a required column missing).
 *
 * @example
 * const results = await scoreRound({ ruleset, round: "2024", evidence: { cities: [{ city_id: "hz", name: "杭州市" }] } });
 */
export async function scoreRound(input: ScoreRoundInput): Promise<Results> {
  const admitted = admitTables(input.ruleset, input.round, input.evidence);
  if (admitted instanceof EvidenceError) throw admitted;
  const { admission, sha256 } = admitted;
  return scoreAdmitted({
    ruleset: input.ruleset,
    round: input.round,
    evidence: admission.evidence(),
    files: admission.accounts.map((a) => ({ ...a, sha256: sha256.get(a.name) ?? "" })),
    rejects: admission.rejects,
  });
}
