/**
 * The judge of `appeals.csv` (申诉, SPEC section 8), the checks a row allows on its own: a known
 * city; one target (a standard of the rule set, or an adjustment), of a kind that is appealed
 * (not a survey standard), a field target naming a check of the standard and a visited site;
 * a decision written as the spec writes it and allowed for the target; a revised decision with
 * its revised value, and no revised value on any other; a field appeal's reviewer who is not the
 * site's assessor. Whether the target is a problem of the city, whether a revised count is below
 * the count, and whether an earlier appeal already took the target are judged once the city is
 * scored before appeals (`scoring/appeal-targets.ts`); the row is kept with its origin for that.
 */
import type { AppealRecord, AppealRevision, AppealTarget } from "../model.js";
import { rowOrigin } from "../row-origin.js";
import { parseCount, parseDecision, parseNumber, parseVerdict } from "../values.js";
import { columnsAt, type EvidenceJudge, quoted, type Refusal, refuse, unknownCity, valueAt } from "./judge.js";

/** The revised-value column each kind of target is revised by (adjustments are not revised). */
const REVISION_COLUMN = { field: "revised_count", document: "revised_verdict", data: "revised_value" } as const;
const REVISION_COLUMNS = Object.values(REVISION_COLUMN);

/** The revised value of `text` for a target of `kind`, or why it is refused. */
function revisionOf(kind: keyof typeof REVISION_COLUMN, text: string): AppealRevision | Refusal {
  const column = REVISION_COLUMN[kind];
  if (kind === "field") {
    const count = parseCount(text);
    return count === undefined ? refuse("bad_revision", `${column} ${quoted(text)} is not a non-negative whole number`) : { count };
  }
  if (kind === "document") {
    const verdict = parseVerdict(text);
    return verdict === undefined
      ? refuse("bad_revision", `${column} ${quoted(text)} is not met/partial/unmet (达标/基本达标/未达标)`)
      : { verdict };
  }
  const value = parseNumber(text);
  return value === undefined ? refuse("bad_revision", `${column} ${quoted(text)} is not a finite number`) : { value };
}

const isRefusal = (value: object): value is Refusal => "code" in value;

export const judgeAppeals: EvidenceJudge = ({ index, byCity }) => {
  /** city → the appeal ids admitted so far (an id names one appeal of a city). */
  const appealIds = new Map<string, Set<string>>();
  return (layout, fileName) => {
    const [cityAt, appealAt, standardAt, adjustmentAt, checkAt, siteAt, decisionAt, reviewerAt, reasonAt] = columnsAt(
      layout,
      "city_id",
      "appeal_id",
      "standard_id",
      "adjustment_id",
      "check_id",
      "site_id",
      "decision",
      "reviewer",
      "reason",
    );
    const revisionAt = columnsAt(layout, ...REVISION_COLUMNS);
    return (cells, line) => {
      const cityId = valueAt(cells, cityAt);
      const city = byCity.get(cityId);
      if (city === undefined) return unknownCity(cityId);
      const standardId = valueAt(cells, standardAt);
      const adjustmentId = valueAt(cells, adjustmentAt);
      if (standardId === "" && adjustmentId === "")
        return refuse("missing_value", "standard_id or adjustment_id is required: an appeal targets a standard or an adjustment");
      if (standardId !== "" && adjustmentId !== "") {
        return refuse(
          "unknown_appeal_target_kind",
          `standard_id ${quoted(standardId)} and adjustment_id ${quoted(adjustmentId)} are both given: an appeal targets one of them`,
        );
      }
      const decisionText = valueAt(cells, decisionAt);
      const decision = parseDecision(decisionText);
      if (decision === undefined)
        return refuse("bad_decision", `decision ${quoted(decisionText)} is not pending/upheld/revised/withdrawn (待复核/维持/改判/撤销)`);
      const checkId = valueAt(cells, checkAt);
      const siteId = valueAt(cells, siteAt);

      let target: AppealTarget;
      if (adjustmentId !== "") {
        if (!index.adjustmentById.has(adjustmentId))
          return refuse("unknown_target", `adjustment_id ${quoted(adjustmentId)} is not an adjustment of the rule set`);
        if (checkId !== "" || siteId !== "")
          return refuse("unknown_target", `an appeal on adjustment ${quoted(adjustmentId)} names no check_id or site_id`);
        target = { kind: "adjustment", adjustmentId };
      } else {
        const placed = index.standardById.get(standardId);
        if (placed === undefined) return refuse("unknown_target", `standard_id ${quoted(standardId)} is not a standard of the rule set`);
        const { standard } = placed;
        if (standard.method === "survey") {
          return refuse("survey_not_appealable", `standard ${quoted(standardId)} is scored by survey: a measured rate is not appealed`);
        }
        if (standard.method === "field") {
          if (checkId === "" || siteId === "") {
            const missing = checkId === "" ? "check_id" : "site_id";
            return refuse(
              "missing_value",
              `required value ${missing} is empty: an appeal on field standard ${quoted(standardId)} targets one problem (check_id and site_id)`,
            );
          }
          if (!standard.checks.some((check) => check.id === checkId))
            return refuse("unknown_target", `check_id ${quoted(checkId)} is not a check of standard ${quoted(standardId)}`);
          if (!city.sites.has(siteId))
            return refuse("unknown_target", `site_id ${quoted(siteId)} is not a visited site of city ${quoted(cityId)} in this round`);
          target = { kind: "field", standardId, checkId, siteId };
        } else {
          if (checkId !== "" || siteId !== "") {
            return refuse(
              "unknown_target",
              `standard ${quoted(standardId)} is scored by ${standard.method}: its appeal names the standard alone, no check_id or site_id`,
            );
          }
          target = { kind: standard.method, standardId };
        }
      }
      if (target.kind === "data" && decision === "withdrawn")
        return refuse("decision_not_allowed", `a data standard's figure is revised, not withdrawn (standard ${quoted(standardId)})`);
      if (target.kind === "adjustment" && decision === "revised") {
        return refuse("decision_not_allowed", `an adjustment is withdrawn or upheld, not revised (adjustment ${quoted(adjustmentId)})`);
      }

      let revision: AppealRevision | undefined;
      const given = REVISION_COLUMNS.filter((_, i) => valueAt(cells, revisionAt[i] as number) !== "");
      if (decision === "revised" && target.kind !== "adjustment") {
        const column = REVISION_COLUMN[target.kind];
        const text = valueAt(cells, revisionAt[REVISION_COLUMNS.indexOf(column)] as number);
        if (text === "")
          return refuse("missing_revision", `a revised decision needs ${column} (the ${target.kind} target's revised value)`);
        const other = given.find((name) => name !== column);
        if (other !== undefined) return refuse("bad_revision", `${other} is given, but a ${target.kind} target is revised by ${column}`);
        const parsed = revisionOf(target.kind, text);
        if (isRefusal(parsed)) return parsed;
        revision = parsed;
      } else if (given.length > 0) {
        return refuse(
          "bad_revision",
          `${given.join(", ")} is given, but the decision is ${decision}: only a revised decision carries a revised value`,
        );
      }

      const reviewer = valueAt(cells, reviewerAt);
      if (target.kind === "field" && reviewer !== "" && city.sites.get(target.siteId)?.assessor === reviewer) {
        return refuse(
          "reviewer_is_assessor",
          `reviewer ${quoted(reviewer)} is the assessor of site ${quoted(target.siteId)}: the reviewer must not judge their own finding`,
        );
      }
      const appealId = valueAt(cells, appealAt);
      let ids = appealIds.get(cityId);
      if (ids === undefined) appealIds.set(cityId, (ids = new Set()));
      if (ids.has(appealId))
        return refuse("duplicate", `appeal_id ${quoted(appealId)} of city ${quoted(cityId)} is given twice; the first row is kept`);
      ids.add(appealId);
      const reason = valueAt(cells, reasonAt);
      const record: AppealRecord = {
        appealId,
        target,
        decision,
        revision,
        reviewer: reviewer === "" ? undefined : reviewer,
        reason: reason === "" ? undefined : reason,
        origin: rowOrigin(fileName, line, cells),
      };
      city.appeals.push(record);
      return undefined;
    };
  };
};
