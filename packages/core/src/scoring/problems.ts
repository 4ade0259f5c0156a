/**
 * The problem list (问题清单, SPEC section 5): one item per field site and check with a count
 * above 0 (with the inspector's notes and photos), and one per document, survey or data
 * standard scored below its max.
 */
import type { CityEvidence } from "../evidence/model.js";
import type { Ruleset } from "../ruleset/model.js";
import { POINTS_TOLERANCE } from "./rounding.js";
import type { Problem, StandardResult } from "../results/model.js";
import { sitesOf } from "./standard-score.js";

/** The problems of one city, in rule-set order of standards, then site, then check. */
export function problemsOf(ruleset: Ruleset, standards: readonly StandardResult[], city: CityEvidence): Problem[] {
  const problems: Problem[] = [];
  const results = new Map(standards.map((s) => [s.id, s]));
  for (const { standard } of ruleset.index.standards) {
    if (standard.method === "field") {
      for (const site of sitesOf(standard, city)) {
        const tallies = city.field.get(site.siteId);
        for (const check of standard.checks) {
          const tally = tallies?.get(check.id);
          const count = tally?.count ?? 0;
          if (tally !== undefined && count > 0) {
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
              notes: tally.notes,
              photos: tally.photos,
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
