/**
 * Appeals applied to a city's admitted evidence, before scoring (SPEC section 8): a field
 * problem withdrawn → its count 0, revised → the revised count; a document standard withdrawn →
 * every verdict met, revised → every verdict the revised one; a data standard revised → its
 * fact's value the revised value; an adjustment withdrawn → it does not apply. Upheld and
 * pending appeals change nothing. The evidence given is not changed: what an appeal touches is
 * copied, the rest shared. A step of its own on admitted evidence, so that anything that scores
 * evidence again (improvements, replicates of a bootstrap) can apply the same appeals.
 */
import type { AppealRecord, CityEvidence, CheckTally, VerdictRecord } from "../evidence/model.js";
import type { RulesetIndex } from "../ruleset/model.js";

/** A city's evidence with its appeals applied, and what each appeal changed. */
export interface SettledEvidence {
  readonly evidence: CityEvidence;
  /** The adjustments a withdrawn appeal took away, with the appeal's id. */
  readonly withdrawnAdjustments: ReadonlyMap<string, string>;
  /** The standards each applied appeal changed: standard id → appeal ids, in file order. */
  readonly changedStandards: ReadonlyMap<string, readonly string[]>;
}

/** Whether a decision changes the evidence (withdrawn or revised). */
export const isApplied = (appeal: AppealRecord): boolean => appeal.decision === "withdrawn" || appeal.decision === "revised";

/** `evidence` with the applied appeals among `appeals` applied (see the module comment). */
export function applyAppeals(index: RulesetIndex, evidence: CityEvidence, appeals: readonly AppealRecord[]): SettledEvidence {
  const withdrawnAdjustments = new Map<string, string>();
  const changedStandards = new Map<string, string[]>();
  let field: Map<string, Map<string, CheckTally>> | undefined;
  let documents: Map<string, VerdictRecord[]> | undefined;
  let facts: Map<string, number> | undefined;
  for (const appeal of appeals) {
    if (!isApplied(appeal)) continue;
    const { target, decision, revision } = appeal;
    if (target.kind === "adjustment") {
      withdrawnAdjustments.set(target.adjustmentId, appeal.appealId);
      continue;
    }
    const changed = changedStandards.get(target.standardId) ?? [];
    changed.push(appeal.appealId);
    changedStandards.set(target.standardId, changed);
    if (target.kind === "field") {
      field ??= new Map(evidence.field);
      const checks = new Map(field.get(target.siteId) ?? []);
      const tally = checks.get(target.checkId);
      if (tally === undefined) continue;
      const count = decision === "withdrawn" ? 0 : revision !== undefined && "count" in revision ? revision.count : tally.count;
      checks.set(target.checkId, { ...tally, count });
      field.set(target.siteId, checks);
    } else if (target.kind === "document") {
      documents ??= new Map(evidence.documents);
      const verdict = decision === "withdrawn" ? "met" : revision !== undefined && "verdict" in revision ? revision.verdict : undefined;
      if (verdict === undefined) continue;
      documents.set(
        target.standardId,
        (documents.get(target.standardId) ?? []).map((record) => ({ ...record, verdict })),
      );
    } else {
      const standard = index.standardById.get(target.standardId)?.standard;
      if (standard?.method !== "data" || revision === undefined || !("value" in revision)) continue;
      facts ??= new Map(evidence.facts);
      facts.set(standard.fact, revision.value);
    }
  }
  return {
    evidence: {
      ...evidence,
      ...(field === undefined ? {} : { field }),
      ...(documents === undefined ? {} : { documents }),
      ...(facts === undefined ? {} : { facts }),
    },
    withdrawnAdjustments,
    changedStandards,
  };
}
