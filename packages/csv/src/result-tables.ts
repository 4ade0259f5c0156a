/**
 * The CSV outputs of a round (SPEC section 4) as tables: results.csv, standards.csv,
 * problems.csv (问题清单 with 责任清单) and rejects.csv.
 */
import type { Results } from "@civitas/core";
import type { Cell, Table } from "./write-table.js";

const departmentNames = (results: Results) => {
  const known = new Map(results.ruleset.departments.map((d) => [d.id, d.name]));
  return (ids: readonly string[]) => ids.map((id) => known.get(id) ?? id).join(";");
};

/** results.csv: one row per city, with one score column per category. */
export function resultsTable(results: Results): Table {
  const categories = results.cities[0]?.categories.map((c) => c.id) ?? [];
  return {
    header: [
      "city_id",
      "name",
      "peer_group",
      "score",
      "max",
      "ratio",
      "grade",
      "status",
      "rank_overall",
      "rank_peer_group",
      "raw_score",
      "penalty_points",
      ...categories,
    ],
    rows: results.cities.map((c): Cell[] => [
      c.cityId,
      c.name,
      c.peerGroup,
      c.score,
      c.max,
      c.ratio,
      c.grade,
      c.status,
      c.rank.overall,
      c.rank.peerGroup,
      c.rawScore,
      c.penaltyPoints,
      ...categories.map((id) => c.categories.find((k) => k.id === id)?.score),
    ]),
  };
}

/** standards.csv: one row per city and standard. */
export function standardsTable(results: Results): Table {
  const names = departmentNames(results);
  return {
    header: [
      "city_id",
      "standard_id",
      "name",
      "category_id",
      "content_id",
      "method",
      "status",
      "score",
      "max",
      "ratio",
      "points",
      "responsible",
      "responsible_names",
    ],
    rows: results.cities.flatMap((c) =>
      c.standards.map((s): Cell[] => [
        c.cityId,
        s.id,
        s.name,
        s.categoryId,
        s.contentId,
        s.method,
        s.status,
        s.score,
        s.max,
        s.ratio,
        s.points,
        s.responsible.join(";"),
        names(s.responsible),
      ]),
    ),
  };
}

/** problems.csv: one row per city, standard, check and site with problems (问题清单 / 责任清单). */
export function problemsTable(results: Results): Table {
  const names = departmentNames(results);
  return {
    header: [
      "city_id",
      "city_name",
      "standard_id",
      "standard_name",
      "check_id",
      "check_name",
      "site_id",
      "count",
      "deduction",
      "loss",
      "responsible",
      "responsible_names",
    ],
    rows: results.cities.flatMap((c) =>
      c.problems.map((p): Cell[] => [
        c.cityId,
        c.name,
        p.standardId,
        p.standardName,
        p.checkId,
        p.checkName,
        p.siteId,
        p.count,
        p.deduction,
        p.loss,
        p.responsible.join(";"),
        names(p.responsible),
      ]),
    ),
  };
}

/** rejects.csv: every rejected row with file, line, code, reason and the raw row. */
export function rejectsTable(results: Results): Table {
  return {
    header: ["file", "line", "code", "reason", "raw"],
    rows: results.rejects.map((r): Cell[] => [r.file, r.line, r.code, r.reason, r.raw]),
  };
}
