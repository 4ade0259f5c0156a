/**
 * The sampling error of a survey rate (SPEC section 7): the Wilson 95% interval exactly as the
 * spec writes it, checked against values computed by hand (40-digit decimals), and the score
 * range it gives in each scored survey standard's evidence.
 */
import { describe, expect, it } from "vitest";
import { surveyScoreAt, WILSON_Z, wilsonInterval } from "../src/index.js";
import { answerRows, repeat } from "./support/evidence-builders.js";
import { scoreCity, standardOf } from "./support/outcomes.js";
import { ruleset, surveyStandard } from "./support/ruleset-builders.js";

describe("the Wilson interval of a rate", () => {
  it("uses z = 1.959963984540054", () => {
    expect(WILSON_Z).toBe(1.959963984540054);
  });

  it("of 0 out of 10 starts at 0 and ends at 0.2775…", () => {
    const { low, high } = wilsonInterval(0, 10);
    // centre − half-width is 0 exactly in real numbers; floating point may leave a trace above it
    expect(low).toBeGreaterThanOrEqual(0);
    expect(low).toBeCloseTo(0, 15);
    expect(high).toBeCloseTo(0.2775327998628892, 14);
  });

  it("of 10 out of 10 ends at 1 and starts at 0.7224…", () => {
    const { low, high } = wilsonInterval(1, 10);
    expect(high).toBeLessThanOrEqual(1);
    expect(high).toBeCloseTo(1, 15);
    expect(low).toBeCloseTo(0.7224672001371107, 14);
  });

  it("of a single answer spans most of [0, 1] either way", () => {
    expect(wilsonInterval(0, 1).high).toBeCloseTo(0.7934506856227626, 14);
    expect(wilsonInterval(1, 1).low).toBeCloseTo(0.20654931437723742, 14);
    const half = wilsonInterval(0.5, 1);
    expect(half.low).toBeCloseTo(0.05462075552885197, 14);
    expect(half.high).toBeCloseTo(0.9453792444711481, 14);
  });

  it("of 82.3% over 400 answers is 78.26%–85.73%", () => {
    const { low, high } = wilsonInterval(0.823, 400);
    expect(low).toBeCloseTo(0.7825764177491329, 14);
    expect(high).toBeCloseTo(0.8572786401109116, 14);
  });

  it("is not symmetric around the rate (it leans towards 0.5)", () => {
    const { low, high } = wilsonInterval(0.75, 40);
    expect(low).toBeCloseTo(0.5980603857923197, 14);
    expect(high).toBeCloseTo(0.8581288136090369, 14);
    expect(0.75 - low).toBeGreaterThan(high - 0.75);
  });

  it("is refused for no answers or a rate outside [0, 1] (a bug, not data)", () => {
    expect(() => wilsonInterval(0.5, 0)).toThrow(/n >= 1/);
    expect(() => wilsonInterval(1.2, 10)).toThrow(/0 <= r <= 1/);
  });
});

describe("a scored survey standard's evidence", () => {
  // surveyStandard(): S2, 20 points, question Q1, positive [A, B], floor 0.5, target 0.9
  it("carries the rate's interval and the scores at its ends", async () => {
    // 30 positive of 40 → rate 0.75 → score 20 × (0.25 / 0.4) = 12.5
    const city = await scoreCity(ruleset([surveyStandard()]), { survey: answerRows("a", "Q1", [...repeat(30, "A"), ...repeat(10, "C")]) });
    const standard = standardOf(city, "S2");
    expect(standard.score).toBe(12.5);
    const evidence = standard.evidence;
    if (evidence?.method !== "survey") throw new Error("survey evidence expected");
    expect(evidence.responses).toBe(40);
    expect(evidence.rate).toBe(0.75);
    expect(evidence.rateLow).toBeCloseTo(0.5980603857923197, 14);
    expect(evidence.rateHigh).toBeCloseTo(0.8581288136090369, 14);
    // 20 × (0.59806… − 0.5) / 0.4 = 4.9030…; 20 × (0.85812… − 0.5) / 0.4 = 17.9064…
    expect(evidence.scoreLow).toBeCloseTo(4.903019289615986, 12);
    expect(evidence.scoreHigh).toBeCloseTo(17.906440680451848, 12);
  });

  it("clamps the scores at its ends to [0, points] as the score is", async () => {
    // 5 of 5 positive: rate 1 → 20; low end 0.5655… is above the floor, the high end above the target
    const all = standardOf(await scoreCity(ruleset([surveyStandard()]), { survey: answerRows("a", "Q1", repeat(5, "A")) }), "S2");
    expect(all.evidence?.method === "survey" && [all.evidence.scoreHigh, all.evidence.rateHigh]).toEqual([20, 1]);
    // 0 of 5 positive: rate 0 → 0; the interval's top 0.4344… is below the floor 0.5 → 0
    const none = standardOf(await scoreCity(ruleset([surveyStandard()]), { survey: answerRows("a", "Q1", repeat(5, "E")) }), "S2");
    expect(none.evidence?.method === "survey" && [none.evidence.scoreLow, none.evidence.scoreHigh]).toEqual([0, 0]);
  });

  it("gives scoreLow ≤ score ≤ scoreHigh, each the standard's score at the interval's ends", async () => {
    const standard = surveyStandard({ floor: 0.6, target: 0.95 });
    const city = await scoreCity(ruleset([standard]), { survey: answerRows("a", "Q1", [...repeat(329, "B"), ...repeat(71, "D")]) });
    const evidence = standardOf(city, "S2").evidence;
    if (evidence?.method !== "survey" || evidence.rateLow === undefined || evidence.rateHigh === undefined)
      throw new Error("interval expected");
    const rule = { points: 20, floor: 0.6, target: 0.95 };
    expect(evidence.scoreLow).toBe(surveyScoreAt(evidence.rateLow, rule));
    expect(evidence.scoreHigh).toBe(surveyScoreAt(evidence.rateHigh, rule));
    expect(evidence.scoreLow).toBeLessThan(standardOf(city, "S2").score);
    expect(evidence.scoreHigh).toBeGreaterThan(standardOf(city, "S2").score);
  });

  it("has no interval when the standard is insufficient or missing", async () => {
    const few = standardOf(
      await scoreCity(ruleset([surveyStandard({ minResponses: 5 })]), { survey: answerRows("a", "Q1", repeat(4, "A")) }),
      "S2",
    );
    expect(few.status).toBe("insufficient");
    expect(few.evidence).not.toHaveProperty("rateLow");
    expect(few.evidence).not.toHaveProperty("scoreHigh");
    const none = standardOf(await scoreCity(ruleset([surveyStandard()]), {}), "S2");
    expect(none.status).toBe("missing");
    expect(none.evidence).not.toHaveProperty("rateLow");
  });
});
