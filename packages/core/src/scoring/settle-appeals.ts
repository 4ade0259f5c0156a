/**
 * A city scored with its appeals settled (SPEC section 8): scored first with no appeal applied
 * (`scoreBeforeAppeals`), its appeals' targets judged against that result, then scored again with
 * the accepted appeals applied; each applied appeal's `pointsRestored` is the score with every
 * applied appeal minus the score with every applied appeal but this one — so that, through the
 * caps of a site and of a standard and the floor at 0 after penalties, appeals that interact
 * each get only what they add. Every score comes from the same `scoreCity`: no second formula.
 */
import type { AppealRecord, AppealTarget, CityEvidence, CityRecord } from "../evidence/model.js";
import type { RejectedRow } from "../evidence/reject-codes.js";
import type { AppealResult, AppealTargetRef, CityResult } from "../results/model.js";
import type { Ruleset } from "../ruleset/model.js";
import { judgeAppealTargets } from "./appeal-targets.js";
import { isApplied } from "./apply-appeals.js";
import { scoreCity } from "./city-score.js";
import type { ConditionEvaluator } from "./conditions.js";
import { POINTS_TOLERANCE } from "./rounding.js";

/** A city's result with its appeals settled, and the appeals whose targets were rejected. */
export interface SettledCity {
  readonly result: CityResult;
  /** Appeals rows rejected once the city was scored before appeals, in file order. */
  readonly rejected: readonly RejectedRow[];
}

/** The target as results name it: every id key present, null where it does not apply. */
export function targetRef(target: AppealTarget): AppealTargetRef {
  const none = { standardId: null, checkId: null, siteId: null, adjustmentId: null };
  switch (target.kind) {
    case "field":
      return { ...none, kind: "field", standardId: target.standardId, checkId: target.checkId, siteId: target.siteId };
    case "adjustment":
      return { ...none, kind: "adjustment", adjustmentId: target.adjustmentId };
    default:
      return { ...none, kind: target.kind, standardId: target.standardId };
  }
}

/** Scores one city with its admitted appeals settled (ranks left null). */
export async function settleCity(
  ruleset: Ruleset,
  evaluator: ConditionEvaluator,
  record: CityRecord,
  evidence: CityEvidence,
): Promise<SettledCity> {
  const before = await scoreCity(ruleset, evaluator, record, evidence);
  if (evidence.appeals.length === 0) return { result: before, rejected: [] };
  const { accepted, rejected } = judgeAppealTargets(evidence.appeals, before);
  if (accepted.length === 0) return { result: before, rejected };
  const after = await scoreCity(ruleset, evaluator, record, evidence, accepted);
  const applied = accepted.filter(isApplied);
  const appeals: AppealResult[] = [];
  for (const appeal of accepted) {
    appeals.push({
      appealId: appeal.appealId,
      target: targetRef(appeal.target),
      decision: appeal.decision,
      pointsRestored: isApplied(appeal) ? await pointsRestored(appeal) : 0,
      revision: appeal.revision ?? null,
      reviewer: appeal.reviewer ?? null,
      reason: appeal.reason ?? null,
    });
  }
  return {
    result: { ...after, scoreBeforeAppeals: before.score, provisional: accepted.some((a) => a.decision === "pending"), appeals },
    rejected,
  };

  async function pointsRestored(appeal: AppealRecord): Promise<number> {
    // with this one the only applied appeal, "all but this one" is the city before appeals
    const without =
      applied.length === 1
        ? before
        : await scoreCity(
            ruleset,
            evaluator,
            record,
            evidence,
            accepted.filter((a) => a !== appeal),
          );
    const restored = after.score - without.score;
    return Math.abs(restored) < POINTS_TOLERANCE ? 0 : restored;
  }
}
