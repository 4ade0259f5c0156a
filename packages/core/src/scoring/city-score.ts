/**
 * One city's result: its standards, categories, adjustments (penalties and vetoes), grade,
 * improvements and problems. Ranks are filled in afterwards, across cities. Given appeals, the
 * city is scored on its evidence with them applied (`apply-appeals.ts`), and the standards,
 * adjustments and problems they touch name them; the appeals' own account (scoreBeforeAppeals,
 * pointsRestored) is `appeals-settlement.ts`'s.
 */
import type { AppealRecord, CityEvidence, CityRecord } from "../evidence/model.js";
import type { Ruleset } from "../ruleset/model.js";
import type {
  AdjustmentResult,
  CategoryResult,
  CityResult,
  CityWarning,
  ConditionOutcome,
  Problem,
  StandardResult,
} from "../results/model.js";
import { applyAppeals } from "./apply-appeals.js";
import { adjustmentKey, appliesToKey, type CityFacts, type ConditionEvaluator } from "./conditions.js";
import { improvementsOf } from "./improvements.js";
import { problemsOf } from "./problems.js";
import { scoreStandard } from "./standard-score.js";
import { compareCodePoints } from "../order.js";
import { RATIO_TOLERANCE } from "./rounding.js";

/** The facts a city's conditions see: its attributes, overridden by its facts of the round. */
export function cityFacts(record: CityRecord, evidence: CityEvidence): CityFacts {
  const facts = new Map<string, string | number>(Object.entries(record.attributes));
  for (const [name, value] of evidence.facts) facts.set(name, value);
  return facts;
}

function categoriesOf(ruleset: Ruleset, standards: readonly StandardResult[]): CategoryResult[] {
  return ruleset.categories.map((category) => {
    let score = 0;
    let max = 0;
    for (const s of standards) {
      if (s.categoryId !== category.id) continue;
      score += s.score;
      max += s.max;
    }
    return { id: category.id, name: category.name, score, max, ratio: max === 0 ? null : score / max };
  });
}

function warningsOf(outcomes: ReadonlyMap<string, ConditionOutcome>): CityWarning[] {
  const warnings: CityWarning[] = [];
  for (const [key, outcome] of outcomes) {
    const source = key.slice(key.indexOf(":") + 1);
    for (const fact of outcome.missingFacts) {
      warnings.push({
        code: "missing_fact",
        fact,
        source,
        message: `fact ${JSON.stringify(fact)} named by ${source} is missing for this city; its condition counts as false`,
      });
    }
  }
  return warnings;
}

/** The problems with the ids of the accepted appeals on each (field problems by their key, others by standard). */
function withAppeals(problems: readonly Problem[], appeals: readonly AppealRecord[]): Problem[] {
  if (appeals.length === 0) return [...problems];
  const onProblem = new Map<string, string[]>();
  for (const { target, appealId } of appeals) {
    if (target.kind === "adjustment") continue;
    const key = target.kind === "field" ? `${target.standardId}\u0000${target.checkId}\u0000${target.siteId}` : target.standardId;
    onProblem.set(key, [...(onProblem.get(key) ?? []), appealId]);
  }
  return problems.map((problem) => {
    const key = problem.checkId === null ? problem.standardId : `${problem.standardId}\u0000${problem.checkId}\u0000${problem.siteId}`;
    const ids = onProblem.get(key);
    return ids === undefined ? problem : { ...problem, appeals: ids };
  });
}

/**
 * Scores one city (ranks left null), with `appeals` (accepted ones, any decision) applied to its
 * evidence first. The appeal fields (`scoreBeforeAppeals`, `provisional`, `appeals`) are left
 * as if there were none: `settleCity` fills them in.
 */
export async function scoreCity(
  ruleset: Ruleset,
  evaluator: ConditionEvaluator,
  record: CityRecord,
  admitted: CityEvidence,
  appeals: readonly AppealRecord[] = [],
): Promise<CityResult> {
  const settled = appeals.length === 0 ? undefined : applyAppeals(ruleset.index, admitted, appeals);
  const evidence = settled?.evidence ?? admitted;
  const outcomes = await evaluator.evaluate(cityFacts(record, evidence));
  const standards = ruleset.index.standards.map((placed) => {
    const result = scoreStandard(
      placed,
      evidence,
      placed.standard.appliesTo === undefined ? null : (outcomes.get(appliesToKey(placed.standard.id)) ?? null),
      ruleset.missingEvidence,
    );
    const changedBy = settled?.changedStandards.get(placed.standard.id);
    return changedBy === undefined ? result : { ...result, appeals: changedBy };
  });
  const categories = categoriesOf(ruleset, standards);
  const rawScore = categories.reduce((acc, c) => acc + c.score, 0);
  const max = categories.reduce((acc, c) => acc + c.max, 0);

  const adjustmentChecks: AdjustmentResult[] = ruleset.adjustments.map((adjustment) => {
    const outcome = outcomes.get(adjustmentKey(adjustment.id));
    const withdrawnBy = settled?.withdrawnAdjustments.get(adjustment.id);
    return {
      id: adjustment.id,
      kind: adjustment.kind,
      name: adjustment.name,
      ...(adjustment.kind === "penalty" ? { points: adjustment.points } : {}),
      held: withdrawnBy === undefined && (outcome?.held ?? false),
      leaves: outcome?.leaves ?? [],
      ...(withdrawnBy === undefined ? {} : { appeals: [withdrawnBy] }),
    };
  });
  const held = adjustmentChecks.filter((a) => a.held);
  const penaltyPoints = held.reduce((acc, a) => acc + (a.points ?? 0), 0);
  const score = Math.max(0, rawScore - penaltyPoints);
  const ratio = max === 0 ? null : score / max;
  const vetoed = held.some((a) => a.kind === "veto");
  // A ratio equal to a minRatio by hand but a hair below it in floating point (0.4999999999999999
  // for 0.5) gets that grade, as ranks treat such ratios as equal (rank.ts) and plans as reached.
  const grade = vetoed || ratio === null ? undefined : ruleset.grades.find((g) => g.minRatio <= ratio + RATIO_TOLERANCE);

  return {
    cityId: record.cityId,
    name: record.name,
    peerGroup: record.peerGroup,
    score,
    rawScore,
    penaltyPoints,
    max,
    ratio,
    status: vetoed ? "vetoed" : "ok",
    grade: grade?.id ?? null,
    gradeName: grade?.name ?? null,
    rank: { overall: null, peerGroup: null },
    categories,
    standards,
    adjustments: held,
    adjustmentChecks,
    improvements: improvementsOf(ruleset, standards, evidence),
    problems: withAppeals(problemsOf(ruleset, standards, evidence), appeals),
    visitedSites: [...evidence.sites.keys()].sort(compareCodePoints),
    warnings: warningsOf(outcomes),
    attributes: { ...record.attributes },
    scoreBeforeAppeals: score,
    provisional: false,
    appeals: [],
  };
}
