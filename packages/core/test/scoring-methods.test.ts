/**
 * The four scoring methods of SPEC section 3 (field, survey, document, data), each checked
 * against numbers computed by hand; edge cases first.
 */
import { describe, expect, it } from "vitest";
import { answerRows, factRow, fieldRow, repeat, siteRow, verdictRow } from "./support/evidence-builders.js";
import { outcomeOf, scoreCity, standardOf } from "./support/outcomes.js";
import { dataStandard, documentStandard, fieldStandard, ruleset, surveyStandard } from "./support/ruleset-builders.js";

describe("field standards (实地考察)", () => {
  // fieldStandard(): S1, points 30, siteTypes [market], K1 deducts 2, K2 deducts 3.
  const rs = ruleset([fieldStandard()]);

  it("is missing when the city visited no site of the standard's types", async () => {
    const city = await scoreCity(rs, { sites: [siteRow("a", "r1", "road")] });
    // no market site: no evidence; missingEvidence zero → score 0, max P = 30
    expect(outcomeOf(city, "S1")).toEqual({ score: 0, max: 30, status: "missing" });
  });

  it("is insufficient, not missing, when some but fewer than minSites sites were visited", async () => {
    const city = await scoreCity(ruleset([fieldStandard({ minSites: 3 })]), { sites: [siteRow("a", "m1"), siteRow("a", "m2")] });
    // 2 market sites < minSites 3 → insufficient; zero → score 0 (not 30), max 30
    expect(outcomeOf(city, "S1")).toEqual({ score: 0, max: 30, status: "insufficient" });
  });

  it("is scored when exactly minSites sites were visited", async () => {
    const city = await scoreCity(ruleset([fieldStandard({ minSites: 2 })]), {
      sites: [siteRow("a", "m1"), siteRow("a", "m2")],
      field: [fieldRow("a", "m1", "K1", 1)],
    });
    // losses [2, 0] → mean 1 → 30 − 1 = 29
    expect(outcomeOf(city, "S1")).toEqual({ score: 29, max: 30, status: "scored" });
  });

  it("needs one site by default: a single visited site without problems scores full points", async () => {
    const city = await scoreCity(rs, { sites: [siteRow("a", "m1")] });
    // minSites defaults to 1; losses [0] → 30 − 0 = 30
    expect(outcomeOf(city, "S1")).toEqual({ score: 30, max: 30, status: "scored" });
  });

  it("counts a row with count 0 as no problem", async () => {
    const city = await scoreCity(rs, { sites: [siteRow("a", "m1")], field: [fieldRow("a", "m1", "K2", 0)] });
    // 3 × 0 = 0 → 30 − 0 = 30
    expect(outcomeOf(city, "S1")).toEqual({ score: 30, max: 30, status: "scored" });
  });

  it("averages the loss over every visited site, counting sites without problems as loss 0", async () => {
    const city = await scoreCity(rs, {
      sites: [siteRow("a", "m1"), siteRow("a", "m2"), siteRow("a", "m3")],
      field: [fieldRow("a", "m1", "K2", 2)],
    });
    // losses [3×2 = 6, 0, 0] → mean 6/3 = 2 → 30 − 2 = 28 (averaging only sites with problems would give 24)
    expect(outcomeOf(city, "S1")).toEqual({ score: 28, max: 30, status: "scored" });
  });

  it("ignores visited sites of types the standard does not cover", async () => {
    const city = await scoreCity(rs, {
      sites: [siteRow("a", "m1"), siteRow("a", "r1", "road"), siteRow("a", "r2", "road")],
      field: [fieldRow("a", "m1", "K2", 2)],
    });
    // market sites only: losses [6] → mean 6 → 30 − 6 = 24 (with the road sites: 6/3 = 2 → 28)
    expect(outcomeOf(city, "S1")).toEqual({ score: 24, max: 30, status: "scored" });
  });

  it("adds up several field rows of the same site and check", async () => {
    const city = await scoreCity(rs, {
      sites: [siteRow("a", "m1")],
      field: [fieldRow("a", "m1", "K1", 2), fieldRow("a", "m1", "K1", 3)],
    });
    // count 2 + 3 = 5 → 2 × 5 = 10 → 30 − 10 = 20
    expect(outcomeOf(city, "S1")).toEqual({ score: 20, max: 30, status: "scored" });
    const trace = standardOf(city, "S1").evidence;
    expect(trace?.method === "field" && trace.sites[0]?.problems[0]?.count).toBe(5);
  });

  it("sums deduction × count over the checks of one site", async () => {
    const city = await scoreCity(rs, {
      sites: [siteRow("a", "m1")],
      field: [fieldRow("a", "m1", "K1", 1), fieldRow("a", "m1", "K2", 2)],
    });
    // 2×1 + 3×2 = 8 → 30 − 8 = 22
    expect(outcomeOf(city, "S1")).toEqual({ score: 22, max: 30, status: "scored" });
  });

  it("caps one site's loss at maxPerSite", async () => {
    const city = await scoreCity(ruleset([fieldStandard({ maxPerSite: 5 })]), {
      sites: [siteRow("a", "m1"), siteRow("a", "m2")],
      field: [fieldRow("a", "m1", "K1", 1), fieldRow("a", "m1", "K2", 2), fieldRow("a", "m2", "K1", 1)],
    });
    // m1: min(2 + 6 = 8, 5, 30) = 5; m2: min(2, 5, 30) = 2 → mean 3.5 → 30 − 3.5 = 26.5
    expect(outcomeOf(city, "S1")).toEqual({ score: 26.5, max: 30, status: "scored" });
  });

  it("caps one site's loss at the standard's points when maxPerSite is absent", async () => {
    const city = await scoreCity(ruleset([fieldStandard({ points: 10 })]), {
      sites: [siteRow("a", "m1"), siteRow("a", "m2")],
      field: [fieldRow("a", "m1", "K2", 5), fieldRow("a", "m2", "K1", 1)],
    });
    // m1: min(3×5 = 15, P = 10) = 10; m2: 2 → mean 6 → 10 − 6 = 4
    expect(outcomeOf(city, "S1")).toEqual({ score: 4, max: 10, status: "scored" });
  });

  it("caps one site's loss at the points when maxPerSite is larger than the points", async () => {
    const city = await scoreCity(ruleset([fieldStandard({ points: 10, maxPerSite: 50 })]), {
      sites: [siteRow("a", "m1"), siteRow("a", "m2")],
      field: [fieldRow("a", "m1", "K2", 5), fieldRow("a", "m2", "K1", 1)],
    });
    // m1: min(15, 50, 10) = 10; m2: min(2, 50, 10) = 2 → mean 6 → 10 − 6 = 4
    expect(outcomeOf(city, "S1")).toEqual({ score: 4, max: 10, status: "scored" });
  });

  it("scores 0 when every site loses the whole of its points", async () => {
    const city = await scoreCity(ruleset([fieldStandard({ points: 10 })]), {
      sites: [siteRow("a", "m1")],
      field: [fieldRow("a", "m1", "K2", 4)],
    });
    // min(12, 10) = 10 → 10 − 10 = 0, still scored
    expect(outcomeOf(city, "S1")).toEqual({ score: 0, max: 10, status: "scored" });
  });

  it("deducts a check only from its own standard", async () => {
    const other = {
      id: "S5",
      name: "道路",
      points: 20,
      method: "field",
      responsible: [],
      siteTypes: ["market", "road"],
      checks: [{ id: "K5", name: "破损", deduction: 4 }],
    };
    const city = await scoreCity(ruleset([fieldStandard(), other]), {
      sites: [siteRow("a", "m1"), siteRow("a", "r1", "road")],
      field: [fieldRow("a", "m1", "K1", 1), fieldRow("a", "r1", "K5", 1)],
    });
    // S1 (market): m1 loses K1 2 → 30 − 2 = 28
    expect(outcomeOf(city, "S1")).toEqual({ score: 28, max: 30, status: "scored" });
    // S5 (market, road): m1 0, r1 4×1 = 4 → mean 2 → 20 − 2 = 18
    expect(outcomeOf(city, "S5")).toEqual({ score: 18, max: 20, status: "scored" });
  });
});

describe("survey standards (问卷调查)", () => {
  // surveyStandard(): S2, points 20, question Q1, positive [A, B], floor 0.5, target 0.9.
  const rs = ruleset([surveyStandard()]);
  const scoreAnswers = (answers: string[], extra = {}) =>
    scoreCity(Object.keys(extra).length === 0 ? rs : ruleset([surveyStandard(extra)]), { survey: answerRows("a", "Q1", answers) });

  it("is missing when the city has no answer to the question", async () => {
    const city = await scoreCity(rs, {});
    expect(outcomeOf(city, "S2")).toEqual({ score: 0, max: 20, status: "missing" });
  });

  it("does not count answers to another question", async () => {
    const other = surveyStandard({ id: "S6", question: "Q2" });
    const city = await scoreCity(ruleset([surveyStandard(), other]), { survey: answerRows("a", "Q2", repeat(10, "A")) });
    // Q1 has no answer → S2 missing; Q2: 10/10 positive → rate 1 → clamp(1.25) = 1 → 20
    expect(outcomeOf(city, "S2")).toEqual({ score: 0, max: 20, status: "missing" });
    expect(outcomeOf(city, "S6")).toEqual({ score: 20, max: 20, status: "scored" });
  });

  it("is insufficient with some but fewer than minResponses answers", async () => {
    const city = await scoreAnswers(repeat(4, "A"), { minResponses: 5 });
    // 4 < 5 → insufficient; rate would be 1 (20 points) but no evidence → score 0, max 20
    expect(outcomeOf(city, "S2")).toEqual({ score: 0, max: 20, status: "insufficient" });
  });

  it("is scored with exactly minResponses answers", async () => {
    const city = await scoreAnswers(repeat(5, "A"), { minResponses: 5 });
    // 5/5 positive → rate 1 → 20 × clamp((1 − 0.5) / 0.4 = 1.25) = 20
    expect(outcomeOf(city, "S2")).toEqual({ score: 20, max: 20, status: "scored" });
  });

  it("gives 0 when the rate is below the floor", async () => {
    const city = await scoreAnswers([...repeat(4, "A"), ...repeat(6, "C")]);
    // rate 4/10 = 0.4 → (0.4 − 0.5) / 0.4 = −0.25 → clamp 0 → 0, still scored
    expect(outcomeOf(city, "S2")).toEqual({ score: 0, max: 20, status: "scored" });
  });

  it("gives 0 when the rate equals the floor", async () => {
    const city = await scoreAnswers([...repeat(5, "B"), ...repeat(5, "C")]);
    // rate 5/10 = 0.5 → (0.5 − 0.5) / 0.4 = 0 → 0
    expect(outcomeOf(city, "S2")).toEqual({ score: 0, max: 20, status: "scored" });
  });

  it("scales linearly between floor and target, counting every positive code", async () => {
    const city = await scoreAnswers([...repeat(4, "A"), ...repeat(3, "B"), ...repeat(3, "C")]);
    // positive A + B = 7 of 10 → rate 0.7 → 20 × (0.7 − 0.5) / (0.9 − 0.5) = 20 × 0.5 = 10
    const s = standardOf(city, "S2");
    expect(s.status).toBe("scored");
    expect(s.score).toBeCloseTo(10, 9);
    expect(s.max).toBe(20);
  });

  it("counts answers outside the positive codes as responses", async () => {
    const city = await scoreAnswers([...repeat(16, "A"), ...repeat(4, "D")]);
    // 16 / (16 + 4) = 0.8 → 20 × (0.8 − 0.5) / 0.4 = 20 × 0.75 = 15 (ignoring D would give rate 1 → 20)
    expect(standardOf(city, "S2").score).toBeCloseTo(15, 9);
  });

  it("gives full points when the rate equals the target", async () => {
    const city = await scoreAnswers([...repeat(9, "A"), "C"]);
    // rate 0.9 → (0.9 − 0.5) / 0.4 = 1 → 20
    expect(standardOf(city, "S2").score).toBeCloseTo(20, 9);
  });

  it("matches answers against positive codes written as numbers in the rule set", async () => {
    const city = await scoreCity(ruleset([surveyStandard({ positive: [1, 2] })]), {
      survey: answerRows("a", "Q1", ["1", "1", "2", "3"]),
    });
    // positive 1 and 2: 3 of 4 → rate 0.75 → 20 × (0.75 − 0.5) / 0.4 = 20 × 0.625 = 12.5
    expect(standardOf(city, "S2").score).toBeCloseTo(12.5, 9);
  });

  it("rates the same answers by each standard's own positive codes when two standards ask one question", async () => {
    const strict = surveyStandard({ id: "S6", positive: ["A"], floor: 0, target: 1 });
    const city = await scoreCity(ruleset([surveyStandard(), strict]), {
      survey: answerRows("a", "Q1", [...repeat(5, "A"), ...repeat(3, "B"), ...repeat(2, "C")]),
    });
    // S2 (A, B): 8/10 = 0.8 → 20 × 0.3 / 0.4 = 15; S6 (A): 5/10 = 0.5 → 20 × (0.5 − 0) / (1 − 0) = 10
    expect(standardOf(city, "S2").score).toBeCloseTo(15, 9);
    expect(standardOf(city, "S6").score).toBeCloseTo(10, 9);
  });

  it("gives no more than full points when the rate is above the target", async () => {
    const city = await scoreAnswers(repeat(10, "A"));
    // rate 1 → (1 − 0.5) / 0.4 = 1.25 → clamp 1 → 20 (not 25)
    expect(outcomeOf(city, "S2")).toEqual({ score: 20, max: 20, status: "scored" });
  });
});

describe("document standards (材料审核)", () => {
  // documentStandard(): S3, points 10, default levels met 1, partial 0.5, unmet 0.
  const rs = ruleset([documentStandard()]);
  const scoreVerdicts = (verdicts: string[], r = rs) =>
    scoreCity(r, { documents: verdicts.map((v, i) => verdictRow("a", "S3", v, { reviewer: `评审${i}` })) });

  it("is missing without a verdict", async () => {
    const city = await scoreCity(rs, {});
    expect(outcomeOf(city, "S3")).toEqual({ score: 0, max: 10, status: "missing" });
  });

  it.each([
    ["met", 10], // 10 × 1
    ["partial", 5], // 10 × 0.5
    ["unmet", 0], // 10 × 0
    ["达标", 10], // 达标 = met
    ["基本达标", 5], // 基本达标 = partial
    ["未达标", 0], // 未达标 = unmet
  ])("scores the verdict %s with the default levels as %d of 10", async (verdict, expected) => {
    const city = await scoreVerdicts([verdict]);
    expect(outcomeOf(city, "S3")).toEqual({ score: expected, max: 10, status: "scored" });
  });

  it("averages the levels of several verdicts", async () => {
    const city = await scoreVerdicts(["met", "partial", "partial"]);
    // (1 + 0.5 + 0.5) / 3 = 2/3 → 10 × 2/3 = 6.666…
    expect(standardOf(city, "S3").score).toBeCloseTo(20 / 3, 9);
  });

  it("averages Chinese and English verdicts alike", async () => {
    const city = await scoreVerdicts(["达标", "partial", "未达标", "基本达标"]);
    // (1 + 0.5 + 0 + 0.5) / 4 = 0.5 → 5
    expect(standardOf(city, "S3").score).toBeCloseTo(5, 9);
  });

  it("uses the standard's own levels", async () => {
    const custom = ruleset([documentStandard({ levels: { met: 0.9, partial: 0.8, unmet: 0.2 } })]);
    expect(outcomeOf(await scoreVerdicts(["met"], custom), "S3").score).toBeCloseTo(9, 9); // 10 × 0.9
    expect(outcomeOf(await scoreVerdicts(["基本达标"], custom), "S3").score).toBeCloseTo(8, 9); // 10 × 0.8
    expect(outcomeOf(await scoreVerdicts(["unmet"], custom), "S3").score).toBeCloseTo(2, 9); // 10 × 0.2
    // (0.9 + 0.8 + 0.2) / 3 = 0.6333… → 6.333…
    expect(outcomeOf(await scoreVerdicts(["met", "partial", "unmet"], custom), "S3").score).toBeCloseTo(19 / 3, 9);
  });

  it("keeps the default level of a verdict the custom levels do not name", async () => {
    const custom = ruleset([documentStandard({ levels: { partial: 0.6 } })]);
    const city = await scoreVerdicts(["met", "partial", "unmet"], custom);
    // (1 default + 0.6 + 0 default) / 3 = 1.6 / 3 → 10 × 0.5333… = 5.333…
    expect(standardOf(city, "S3").score).toBeCloseTo(16 / 3, 9);
  });
});

describe("data standards (统计数据)", () => {
  // dataStandard(): S4, points 10, fact pm25, floor 75, target 35 (lower is better).
  const rs = ruleset([dataStandard()]);
  const scoreValue = (value: number | string, r = rs) => scoreCity(r, { facts: [factRow("a", "pm25", value)] });
  const higher = ruleset([dataStandard({ floor: 0.6, target: 0.9 })]);

  it("is missing without a value of the fact in the round", async () => {
    const city = await scoreCity(rs, { facts: [factRow("a", "pm25", 40, { round: "2023" }), factRow("a", "no2", 40)] });
    // a 2023 value and a value of another fact do not count
    expect(outcomeOf(city, "S4")).toEqual({ score: 0, max: 10, status: "missing" });
  });

  it.each([
    [80, 0], // (80 − 75) / (35 − 75) = 5 / −40 = −0.125 → clamp 0 → 0
    [75, 0], // at the floor: 0 / −40 = 0 → 0
    [55, 5], // (55 − 75) / (35 − 75) = −20 / −40 = 0.5 → 5
    [45, 7.5], // −30 / −40 = 0.75 → 7.5
    [35, 10], // at the target: −40 / −40 = 1 → 10
    [20, 10], // −55 / −40 = 1.375 → clamp 1 → 10
  ])("scores a lower-is-better value %d as %d of 10", async (value, expected) => {
    const s = standardOf(await scoreValue(value), "S4");
    expect(s.status).toBe("scored");
    expect(s.max).toBe(10);
    expect(s.score).toBeCloseTo(expected, 9);
  });

  it.each([
    [0.5, 0], // (0.5 − 0.6) / (0.9 − 0.6) = −0.333… → clamp 0 → 0
    [0.6, 0], // at the floor → 0
    [0.75, 5], // 0.15 / 0.3 = 0.5 → 5
    [0.9, 10], // at the target → 1 → 10
    [0.95, 10], // 0.35 / 0.3 = 1.1666… → clamp 1 → 10
  ])("scores a higher-is-better value %d as %d of 10", async (value, expected) => {
    const s = standardOf(await scoreValue(value, higher), "S4");
    expect(s.status).toBe("scored");
    expect(s.score).toBeCloseTo(expected, 9);
  });
});
