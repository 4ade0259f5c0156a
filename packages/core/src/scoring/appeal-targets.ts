/**
 * The second half of judging `appeals.csv` (SPEC section 8), once a city is scored before
 * appeals: an appeal's target must be a problem of the city — a field problem with a count above
 * 0, a document or data standard scored below its max, an adjustment that holds — else
 * `unknown_target`; a revised count must be below the problem's count (`bad_revision`); and a
 * second appeal on the target of an accepted one is `duplicate_appeal` (the first is kept).
 * Appeals are judged in file order. The first half, the checks a row allows on its own, is the
 * admission judge (`evidence/judges/appeals.ts`).
 */
import type { AppealRecord, AppealTarget } from "../evidence/model.js";
import type { RejectCode, RejectedRow } from "../evidence/reject-codes.js";
import type { CityResult } from "../results/model.js";

/** The appeals of one city sorted into accepted and rejected. */
export interface JudgedAppeals {
  readonly accepted: readonly AppealRecord[];
  readonly rejected: readonly RejectedRow[];
}

/** Two appeals have the same target when their keys are equal: (standard or adjustment, check, site). */
export function appealTargetKey(target: AppealTarget): string {
  switch (target.kind) {
    case "field":
      return `standard\u0000${target.standardId}\u0000${target.checkId}\u0000${target.siteId}`;
    case "adjustment":
      return `adjustment\u0000${target.adjustmentId}`;
    default:
      return `standard\u0000${target.standardId}`;
  }
}

/** The target as a reason names it. */
export function describeTarget(target: AppealTarget): string {
  const q = JSON.stringify;
  switch (target.kind) {
    case "field":
      return `the problem of check ${q(target.checkId)} at site ${q(target.siteId)} (standard ${q(target.standardId)})`;
    case "adjustment":
      return `adjustment ${q(target.adjustmentId)}`;
    default:
      return `${target.kind} standard ${q(target.standardId)}`;
  }
}

/** Why `appeal` cannot stand against the city scored before appeals, or undefined. */
function refusalOf(appeal: AppealRecord, before: CityResult): { code: RejectCode; reason: string } | undefined {
  const { target } = appeal;
  const city = JSON.stringify(before.cityId);
  if (target.kind === "adjustment") {
    if (before.adjustments.some((a) => a.id === target.adjustmentId)) return undefined;
    return { code: "unknown_target", reason: `adjustment ${JSON.stringify(target.adjustmentId)} does not hold for city ${city}` };
  }
  if (target.kind === "field") {
    const problem = before.problems.find(
      (p) => p.standardId === target.standardId && p.checkId === target.checkId && p.siteId === target.siteId,
    );
    const count = problem?.count ?? 0;
    if (problem === undefined || count === 0)
      return { code: "unknown_target", reason: `${describeTarget(target)} is not a problem of city ${city}: no problem was counted there` };
    const revision = appeal.revision;
    if (revision !== undefined && "count" in revision && revision.count >= count) {
      return {
        code: "bad_revision",
        reason: `revised_count ${revision.count} is not below the count ${count} of ${describeTarget(target)}`,
      };
    }
    return undefined;
  }
  if (before.problems.some((p) => p.standardId === target.standardId && p.checkId === null)) return undefined;
  const standard = before.standards.find((s) => s.id === target.standardId);
  const why =
    standard === undefined || standard.status === "notApplicable"
      ? "it does not apply to the city"
      : standard.status !== "scored"
        ? `it has no evidence (status ${standard.status})`
        : "it is scored at its max";
  return { code: "unknown_target", reason: `${describeTarget(target)} is not a problem of city ${city}: ${why}` };
}

const rejectedRow = (appeal: AppealRecord, code: RejectCode, reason: string): RejectedRow => {
  const { file, line, raw } = appeal.origin;
  return { file, line, code, reason, raw };
};

/** Judges the admitted appeals of one city against its result before appeals, in file order. */
export function judgeAppealTargets(appeals: readonly AppealRecord[], before: CityResult): JudgedAppeals {
  const accepted: AppealRecord[] = [];
  const rejected: RejectedRow[] = [];
  const taken = new Map<string, AppealRecord>();
  for (const appeal of appeals) {
    const refusal = refusalOf(appeal, before);
    if (refusal !== undefined) {
      rejected.push(rejectedRow(appeal, refusal.code, refusal.reason));
      continue;
    }
    const key = appealTargetKey(appeal.target);
    const first = taken.get(key);
    if (first !== undefined) {
      const reason = `appeal ${JSON.stringify(first.appealId)} (line ${first.origin.line}) already targets ${describeTarget(appeal.target)}; the first is kept`;
      rejected.push(rejectedRow(appeal, "duplicate_appeal", reason));
      continue;
    }
    taken.set(key, appeal);
    accepted.push(appeal);
  }
  return { accepted, rejected };
}
