/**
 * Improvement items (SPEC section 3): for every standard below its max, what fixing it would
 * gain; for a field standard also, per check, the gain of removing that check's problems.
 * Sorted by gain (descending), then standard id, then check id (the standard's own item first).
 */
import type { CityEvidence } from "../evidence/model.js";
import type { Ruleset } from "../ruleset/model.js";
import { compareCodePoints } from "../order.js";
import { POINTS_TOLERANCE } from "./rounding.js";
import type { ImprovementItem, StandardResult } from "../results/model.js";
import { fieldScoreWithout, sitesOf } from "./standard-score.js";

/** Orders items: gain descending, then standard id, then check id with null first. */
export function compareImprovements(a: ImprovementItem, b: ImprovementItem): number {
  if (Math.abs(a.gain - b.gain) > POINTS_TOLERANCE) return b.gain - a.gain;
  const byStandard = compareCodePoints(a.standardId, b.standardId);
  if (byStandard !== 0) return byStandard;
  if (a.checkId === b.checkId) return 0;
  if (a.checkId === null) return -1;
  if (b.checkId === null) return 1;
  return compareCodePoints(a.checkId, b.checkId);
}

/** The improvement list of one city. */
export function improvementsOf(ruleset: Ruleset, standards: readonly StandardResult[], city: CityEvidence): ImprovementItem[] {
  const items: ImprovementItem[] = [];
  for (const result of standards) {
    const gain = result.max - result.score;
    const common = { standardId: result.id, responsible: result.responsible, categoryId: result.categoryId, method: result.method };
    if (gain > POINTS_TOLERANCE) items.push({ ...common, checkId: null, gain });
    const placed = ruleset.index.standardById.get(result.id);
    if (placed === undefined || placed.standard.method !== "field" || result.status === "notApplicable") continue;
    const standard = placed.standard;
    const sites = sitesOf(standard, city);
    for (const check of standard.checks) {
      const checkGain = fieldScoreWithout(standard, city, sites, check.id) - result.score;
      if (checkGain > POINTS_TOLERANCE) items.push({ ...common, checkId: check.id, gain: checkGain });
    }
  }
  return items.sort(compareImprovements);
}
