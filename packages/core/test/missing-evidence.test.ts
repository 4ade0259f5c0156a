/**
 * Standards without (enough) evidence and standards that do not apply (SPEC section 3):
 * `missingEvidence: zero | exclude` at the rule-set level and per standard, for `missing` and
 * `insufficient`; `appliesTo` on city attributes and on facts.
 */
import { describe, expect, it } from "vitest";
import { answerRows, cityRow, factRow, fieldRow, repeat, siteRow, verdictRow } from "./support/evidence-builders.js";
import { outcomeOf, score, scoreCity } from "./support/outcomes.js";
import { documentStandard, fieldStandard, leaf, ruleset, surveyStandard } from "./support/ruleset-builders.js";

describe("missingEvidence", () => {
  // S1 field (30, minSites 2), S2 survey (20, minResponses 3), S3 document (10).
  const standards = (s1 = {}, s2 = {}) => [
    fieldStandard({ minSites: 2, ...s1 }),
    surveyStandard({ minResponses: 3, ...s2 }),
    documentStandard(),
  ];
  // one market site (< 2) and two answers (< 3): both insufficient; no verdict: S3 missing
  const tooFew = { sites: [siteRow("a", "m1")], survey: answerRows("a", "Q1", ["A", "A"]) };

  it("defaults to zero: missing and insufficient standards score 0 and keep their max", async () => {
    const city = await scoreCity(ruleset(standards()), tooFew);
    expect(outcomeOf(city, "S1")).toEqual({ score: 0, max: 30, status: "insufficient" });
    expect(outcomeOf(city, "S2")).toEqual({ score: 0, max: 20, status: "insufficient" });
    expect(outcomeOf(city, "S3")).toEqual({ score: 0, max: 10, status: "missing" });
    // city max = 30 + 20 + 10 = 60, score 0 → ratio 0
    expect([city.score, city.max, city.ratio]).toEqual([0, 60, 0]);
  });

  it("with exclude at the rule-set level takes missing and insufficient standards out of the maximum", async () => {
    const city = await scoreCity(ruleset(standards(), { missingEvidence: "exclude" }), {
      ...tooFew,
      documents: [verdictRow("a", "S3", "partial")],
    });
    expect(outcomeOf(city, "S1")).toEqual({ score: 0, max: 0, status: "insufficient" });
    expect(outcomeOf(city, "S2")).toEqual({ score: 0, max: 0, status: "insufficient" });
    // S3 scored: 10 × 0.5 = 5 of 10
    expect(outcomeOf(city, "S3")).toEqual({ score: 5, max: 10, status: "scored" });
    // city: score 5, max 0 + 0 + 10 = 10 → ratio 0.5 (with zero it would be 5/60)
    expect([city.score, city.max, city.ratio]).toEqual([5, 10, 0.5]);
  });

  it("with exclude gives a standard ratio of null and a city ratio of null when nothing was scored", async () => {
    const city = await scoreCity(ruleset(standards(), { missingEvidence: "exclude" }), {});
    // S1 and S2 without any site or answer are missing (not insufficient); all max 0
    expect(outcomeOf(city, "S1")).toEqual({ score: 0, max: 0, status: "missing" });
    expect(outcomeOf(city, "S2")).toEqual({ score: 0, max: 0, status: "missing" });
    expect(city.standards.map((s) => s.ratio)).toEqual([null, null, null]);
    expect([city.score, city.max, city.ratio, city.grade]).toEqual([0, 0, null, null]);
  });

  it("lets a standard's exclude override the rule set's zero, for missing and insufficient", async () => {
    const city = await scoreCity(ruleset(standards({ missingEvidence: "exclude" }, { missingEvidence: "exclude" })), tooFew);
    expect(outcomeOf(city, "S1")).toEqual({ score: 0, max: 0, status: "insufficient" });
    expect(outcomeOf(city, "S2")).toEqual({ score: 0, max: 0, status: "insufficient" });
    // S3 follows the rule set (zero): max 10
    expect(outcomeOf(city, "S3")).toEqual({ score: 0, max: 10, status: "missing" });
    expect(city.max).toBe(10); // 0 + 0 + 10
  });

  it("lets a standard's zero override the rule set's exclude, for missing and insufficient", async () => {
    const rs = ruleset(standards({ missingEvidence: "zero" }, {}), { missingEvidence: "exclude" });
    const insufficient = await scoreCity(rs, tooFew);
    expect(outcomeOf(insufficient, "S1")).toEqual({ score: 0, max: 30, status: "insufficient" });
    expect(outcomeOf(insufficient, "S2")).toEqual({ score: 0, max: 0, status: "insufficient" });
    const missing = await scoreCity(rs, {});
    expect(outcomeOf(missing, "S1")).toEqual({ score: 0, max: 30, status: "missing" });
    expect(outcomeOf(missing, "S3")).toEqual({ score: 0, max: 0, status: "missing" });
  });

  it("does not change a scored standard's max", async () => {
    const rs = ruleset(standards({ missingEvidence: "exclude" }), { missingEvidence: "exclude" });
    const city = await scoreCity(rs, { sites: [siteRow("a", "m1"), siteRow("a", "m2")], survey: answerRows("a", "Q1", repeat(3, "C")) });
    // S1: 2 sites, no problems → 30 of 30; S2: rate 0 → 0 of 20 (scored, so max stays 20)
    expect(outcomeOf(city, "S1")).toEqual({ score: 30, max: 30, status: "scored" });
    expect(outcomeOf(city, "S2")).toEqual({ score: 0, max: 20, status: "scored" });
  });
});

describe("appliesTo", () => {
  it("makes a standard notApplicable with score 0 and max 0 when false, whatever its evidence", async () => {
    const rs = ruleset([documentStandard({ appliesTo: leaf("coastal", "equal", 1) }), surveyStandard()]);
    const city = await scoreCity(rs, {
      cities: [cityRow("a", { coastal: "0" })],
      documents: [verdictRow("a", "S3", "met")],
      survey: answerRows("a", "Q1", repeat(10, "A")),
    });
    expect(outcomeOf(city, "S3")).toEqual({ score: 0, max: 0, status: "notApplicable" });
    // the city counts only S2: 20 of 20 (the met verdict of S3 does not add 10)
    expect([city.score, city.max, city.ratio]).toEqual([20, 20, 1]);
  });

  it("scores a standard normally when its condition holds", async () => {
    const rs = ruleset([documentStandard({ appliesTo: leaf("coastal", "equal", 1) })]);
    const city = await scoreCity(rs, { cities: [cityRow("a", { coastal: "1" })], documents: [verdictRow("a", "S3", "partial")] });
    // 10 × 0.5 = 5
    expect(outcomeOf(city, "S3")).toEqual({ score: 5, max: 10, status: "scored" });
  });

  it("sees cities.csv attributes that look like numbers as numbers", async () => {
    const rs = ruleset([
      documentStandard({ appliesTo: leaf("population", "greaterThan", 1000000) }),
      documentStandard({ id: "S7", appliesTo: leaf("level", "equal", 3) }),
    ]);
    const results = await score(rs, {
      cities: [cityRow("a", { population: "1200000", level: "3" }), cityRow("b", { population: "800000", level: "3.0" })],
      documents: [verdictRow("a", "S3", "met"), verdictRow("a", "S7", "met"), verdictRow("b", "S3", "met"), verdictRow("b", "S7", "met")],
    });
    const [a, b] = results.cities;
    // a: 1200000 > 1000000 → applies; "3" is the number 3, so equal 3 holds
    expect(a && outcomeOf(a, "S3")).toEqual({ score: 10, max: 10, status: "scored" });
    expect(a && outcomeOf(a, "S7")).toEqual({ score: 10, max: 10, status: "scored" });
    // b: 800000 > 1000000 is false; "3.0" is the number 3, so equal 3 holds
    expect(b && outcomeOf(b, "S3")).toEqual({ score: 0, max: 0, status: "notApplicable" });
    expect(b && outcomeOf(b, "S7")).toEqual({ score: 10, max: 10, status: "scored" });
    expect(a?.attributes).toMatchObject({ population: 1200000, level: 3 });
  });

  it("sees text attributes as strings", async () => {
    const rs = ruleset([documentStandard({ appliesTo: leaf("region", "equal", "东部") })]);
    const results = await score(rs, {
      cities: [cityRow("a", { region: "东部" }), cityRow("b", { region: "西部" })],
      documents: [verdictRow("a", "S3", "met"), verdictRow("b", "S3", "met")],
    });
    expect(results.cities.map((c) => outcomeOf(c, "S3").status)).toEqual(["scored", "notApplicable"]);
  });

  it("sees the city's facts of the round", async () => {
    const rs = ruleset([documentStandard({ appliesTo: leaf("rivers", "greaterThanInclusive", 1) })]);
    const results = await score(rs, {
      cities: [cityRow("a"), cityRow("b"), cityRow("c")],
      documents: ["a", "b", "c"].map((c) => verdictRow(c, "S3", "met")),
      // a has 2 rivers this round; b has 0; c has a value only in another round
      facts: [factRow("a", "rivers", 2), factRow("b", "rivers", 0), factRow("c", "rivers", 5, { round: "2023" })],
    });
    expect(results.cities.map((c) => outcomeOf(c, "S3"))).toEqual([
      { score: 10, max: 10, status: "scored" },
      { score: 0, max: 0, status: "notApplicable" },
      { score: 0, max: 0, status: "notApplicable" }, // rivers missing in 2024 → the leaf is false
    ]);
    expect(results.cities[2]?.warnings.map((w) => [w.code, w.fact, w.source])).toEqual([["missing_fact", "rivers", "S3"]]);
  });

  it("applies a standard whose appliesTo is a not over a leaf naming a fact the city lacks", async () => {
    // "applies unless exempt": exempt missing → the leaf is false → not(false) = true → applies
    const rs = ruleset([documentStandard({ appliesTo: { not: leaf("exempt", "equal", 1) } })]);
    const results = await score(rs, {
      cities: [cityRow("a"), cityRow("b", { exempt: "1" })],
      documents: [verdictRow("a", "S3", "met"), verdictRow("b", "S3", "met")],
    });
    expect(results.cities.map((c) => outcomeOf(c, "S3"))).toEqual([
      { score: 10, max: 10, status: "scored" },
      { score: 0, max: 0, status: "notApplicable" },
    ]);
    expect(results.cities.map((c) => c.warnings.map((w) => w.fact))).toEqual([["exempt"], []]);
  });

  it("leaves a notApplicable field standard out of the city's score even with problems found", async () => {
    const rs = ruleset([fieldStandard({ appliesTo: leaf("hasMarkets", "equal", 1) }), documentStandard()]);
    const city = await scoreCity(rs, {
      cities: [cityRow("a", { hasMarkets: "0" })],
      sites: [siteRow("a", "m1")],
      field: [fieldRow("a", "m1", "K1", 1)],
      documents: [verdictRow("a", "S3", "met")],
    });
    expect(outcomeOf(city, "S1")).toEqual({ score: 0, max: 0, status: "notApplicable" });
    // city: S3 only → 10 of 10
    expect([city.score, city.max]).toEqual([10, 10]);
  });
});
