/**
 * The problem list (问题清单, SPEC section 5): one item per field site and check with a count
 * above 0, and one per document, survey or data standard scored below its max.
 */
import type { CityEvidence } from "../evidence/model.js";
import type { Ruleset } from "../ruleset/model.js";
import { POINTS_TOLERANCE } from "./rounding.js";
import { sitesOf, type StandardResult } from "./standard-score.js";

/** One problem; its key is (city, standardId, checkId, siteId). */
export interface Problem {
  readonly standardId: string;
  readonly checkId: string | null;
  readonly siteId: string | null;
  readonly standardName: string;
  readonly checkName: string | null;
  /** Number of problems found (field problems only). */
  readonly count?: number;
  /** Points deducted per problem (field problems only). */
  readonly deduction?: number;
  /** deduction × count before caps (field), or max − score (other methods). */
  readonly loss: number;
  readonly responsible: readonly string[];
}

/** The problems of one city, in rule-set order of standards, then site, then check. */
export function problemsOf(ruleset: Ruleset, standards: readonly StandardResult[], city: CityEvidence): Problem[] {
  const problems: Problem[] = [];
  const results = new Map(standards.map((s) => [s.id, s]));
  for (const { standard } of ruleset.index.standards) {
    if (standard.method === "field") {
      for (const site of sitesOf(standard, city)) {
        const tallies = city.field.get(site.siteId);
        for (const check of standard.checks) {
          const count = tallies?.get(check.id)?.count ?? 0;
          if (count > 0) {
            problems.push({
              standardId: standard.id,
              checkId: check.id,
              siteId: site.siteId,
              standardName: standard.name,
              checkName: check.name,
              count,
              deduction: check.deduction,
              loss: check.deduction * count,
              responsible: standard.responsible,
            });
          }
        }
      }
      continue;
    }
    const result = results.get(standard.id);
    if (result !== undefined && result.status === "scored" && result.max - result.score > POINTS_TOLERANCE) {
      problems.push({
        standardId: standard.id,
        checkId: null,
        siteId: null,
        standardName: standard.name,
        checkName: null,
        loss: result.max - result.score,
        responsible: standard.responsible,
      });
    }
  }
  return problems;
}
