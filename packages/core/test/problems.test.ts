/**
 * The problem list (问题清单) and visited sites of SPEC section 5: one problem per field site and
 * check with a count above 0 (loss = deduction × count before caps), one per document, survey
 * or data standard scored below its max (loss = max − score, checkId and siteId null).
 */
import { describe, expect, it } from "vitest";
import type { CityResult } from "../src/index.js";
import { answerRows, cityRow, factRow, fieldRow, repeat, siteRow, verdictRow } from "./support/evidence-builders.js";
import { score, scoreCity } from "./support/outcomes.js";
import { dataStandard, documentStandard, fieldStandard, ruleset, surveyStandard } from "./support/ruleset-builders.js";

/** Problems as [standardId, checkId, siteId, count, loss], sorted by key (the spec gives no order). */
const problems = (city: CityResult) =>
  city.problems
    .map((p) => [p.standardId, p.checkId, p.siteId, p.count ?? null, Math.round(p.loss * 1e9) / 1e9] as const)
    .sort((x, y) => JSON.stringify(x.slice(0, 3)).localeCompare(JSON.stringify(y.slice(0, 3))));

describe("field problems", () => {
  it("lists nothing for visited sites without problems or with counts of 0", async () => {
    const city = await scoreCity(ruleset([fieldStandard()]), {
      sites: [siteRow("a", "m1"), siteRow("a", "m2")],
      field: [fieldRow("a", "m1", "K1", 0), fieldRow("a", "m1", "K2", 0)],
    });
    expect(city.problems).toEqual([]);
  });

  it("lists one problem per site and check with a count above 0, its loss before the caps", async () => {
    const city = await scoreCity(ruleset([fieldStandard({ maxPerSite: 5 })]), {
      sites: [siteRow("a", "m1"), siteRow("a", "m2"), siteRow("a", "m3")],
      field: [
        fieldRow("a", "m1", "K1", 3),
        fieldRow("a", "m1", "K2", 1),
        fieldRow("a", "m2", "K2", 2),
        fieldRow("a", "m2", "K2", 1),
        fieldRow("a", "m3", "K1", 0),
      ],
    });
    expect(problems(city)).toEqual([
      ["S1", "K1", "m1", 3, 6], // 2 × 3 = 6, although m1's counted loss is capped at 5
      ["S1", "K2", "m1", 1, 3], // 3 × 1
      ["S1", "K2", "m2", 3, 9], // two rows add up: 2 + 1 = 3 → 3 × 3 = 9 (capped at 5 in the score)
    ]);
    // the score still uses the caps: m1 min(6 + 3, 5) = 5, m2 min(9, 5) = 5, m3 0 → mean 10/3 → 30 − 3.333…
    expect(city.standards[0]?.score).toBeCloseTo(30 - 10 / 3, 9);
  });

  it("names the standard's responsible departments on each problem", async () => {
    const city = await scoreCity(ruleset([fieldStandard()]), { sites: [siteRow("a", "m1")], field: [fieldRow("a", "m1", "K1", 1)] });
    expect(city.problems.map((p) => p.responsible)).toEqual([["cgj", "scj"]]);
  });

  it("lists the problems found at visited sites even when the standard has too few sites to be scored", async () => {
    const city = await scoreCity(ruleset([fieldStandard({ minSites: 2 })]), {
      sites: [siteRow("a", "m1")],
      field: [fieldRow("a", "m1", "K2", 2)],
    });
    expect(city.standards[0]?.status).toBe("insufficient");
    expect(problems(city)).toEqual([["S1", "K2", "m1", 2, 6]]); // 3 × 2
  });
});

describe("problems of document, survey and data standards", () => {
  it("lists one problem with loss max − score for each scored standard below its max, and none at its max", async () => {
    const rs = ruleset([
      surveyStandard(),
      documentStandard(),
      documentStandard({ id: "S6" }),
      dataStandard(),
      dataStandard({ id: "S7", fact: "no2", floor: 80, target: 20 }),
    ]);
    const city = await scoreCity(rs, {
      survey: answerRows("a", "Q1", [...repeat(7, "A"), ...repeat(3, "C")]),
      documents: [verdictRow("a", "S3", "partial"), verdictRow("a", "S6", "met")],
      facts: [factRow("a", "pm25", 55), factRow("a", "no2", 10)],
    });
    expect(problems(city)).toEqual([
      ["S2", null, null, null, 10], // rate 0.7 → 10 of 20 → 20 − 10
      ["S3", null, null, null, 5], // partial → 5 of 10 → 10 − 5
      ["S4", null, null, null, 5], // (55 − 75)/(35 − 75) = 0.5 → 5 of 10 → 10 − 5
      // S6 met: 10 of 10, no problem; S7: (10 − 80)/(20 − 80) = 1.166… → clamp 1 → 10 of 10, no problem
    ]);
  });

  it("gives a standard scored 0 the loss of its whole max", async () => {
    const rs = ruleset([documentStandard(), dataStandard()]);
    const city = await scoreCity(rs, { documents: [verdictRow("a", "S3", "未达标")], facts: [factRow("a", "pm25", 90)] });
    expect(problems(city)).toEqual([
      ["S3", null, null, null, 10], // unmet → 0 of 10
      ["S4", null, null, null, 10], // (90 − 75)/(35 − 75) < 0 → 0 of 10
    ]);
  });

  it("does not list a standard that was not scored for lack of evidence (docs/scoring.md)", async () => {
    // "scored below its max" is read as status scored: a missing or insufficient standard is a
    // gap in the evidence, shown by its status, not a problem found.
    const rs = ruleset([surveyStandard({ minResponses: 3 }), documentStandard(), dataStandard()]);
    const city = await scoreCity(rs, { survey: answerRows("a", "Q1", ["C"]) });
    expect(city.standards.map((s) => s.status)).toEqual(["insufficient", "missing", "missing"]);
    expect(city.problems).toEqual([]);
  });
});

describe("visitedSites", () => {
  it("lists every site the city visited in the round, of any type, with or without problems", async () => {
    const results = await score(ruleset([fieldStandard()]), {
      cities: [cityRow("a"), cityRow("b"), cityRow("c")],
      sites: [
        siteRow("a", "m2"),
        siteRow("a", "m1"),
        siteRow("a", "r1", "road"), // no standard of the rule set covers road sites
        siteRow("a", "m9", "market", { round: "2023" }), // another round
        siteRow("b", "m3"),
      ],
      field: [fieldRow("a", "m1", "K1", 1)],
    });
    const visited = Object.fromEntries(results.cities.map((c) => [c.cityId, [...c.visitedSites].sort()]));
    expect(visited).toEqual({ a: ["m1", "m2", "r1"], b: ["m3"], c: [] });
  });

  it("keeps each city's problems to its own sites", async () => {
    const results = await score(ruleset([fieldStandard()]), {
      cities: [cityRow("a"), cityRow("b")],
      sites: [siteRow("a", "m1"), siteRow("b", "m1")],
      field: [fieldRow("b", "m1", "K2", 1)],
    });
    expect(results.cities.map((c) => [c.cityId, problems(c)])).toEqual([
      ["a", []],
      ["b", [["S1", "K2", "m1", 1, 3]]],
    ]);
  });
});
