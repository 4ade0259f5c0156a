/**
 * A city's result (SPEC section 3): category sums through contents, the raw score, penalties
 * (score floored at 0), the ratio, vetoes and grades; every number computed by hand.
 */
import { describe, expect, it } from "vitest";
import { answerRows, factRow, fieldRow, repeat, siteRow, verdictRow } from "./support/evidence-builders.js";
import { scoreCity } from "./support/outcomes.js";
import {
  dataStandard,
  documentStandard,
  fieldStandard,
  leaf,
  markStandard,
  penalty,
  ruleset,
  surveyStandard,
  veto,
} from "./support/ruleset-builders.js";

/** A city whose only standard scores `mark` of 100 (see markStandard), with the given adjustments and grades. */
async function markedCity(mark: number | null, options: { adjustments?: unknown[]; grades?: unknown[]; facts?: [string, number][] } = {}) {
  const rs = ruleset([markStandard()], {
    ...(options.adjustments === undefined ? {} : { adjustments: options.adjustments }),
    ...(options.grades === undefined ? {} : { grades: options.grades }),
  });
  const facts = [...(mark === null ? [] : [factRow("a", "mark", mark)]), ...(options.facts ?? []).map(([f, v]) => factRow("a", f, v))];
  return scoreCity(rs, { facts });
}

describe("categories and the raw score", () => {
  it("sums standards through contents into categories, and categories into the city", async () => {
    const categories = [
      {
        id: "C1",
        name: "公共环境",
        contents: [
          { id: "C1.1", name: "市容", standards: [fieldStandard()] },
          { id: "C1.2", name: "机制", standards: [documentStandard()] },
        ],
      },
      { id: "C2", name: "公共服务", contents: [{ id: "C2.1", name: "满意度", standards: [surveyStandard(), dataStandard()] }] },
    ];
    const rs = ruleset([], { categories });
    const city = await scoreCity(rs, {
      sites: [siteRow("a", "m1")],
      field: [fieldRow("a", "m1", "K2", 2)],
      documents: [verdictRow("a", "S3", "partial")],
      survey: answerRows("a", "Q1", [...repeat(7, "A"), ...repeat(3, "C")]),
      facts: [factRow("a", "pm25", 55)],
    });
    // S1: 30 − 3×2 = 24; S3: 10 × 0.5 = 5 → C1 = 29 of 30 + 10 = 40
    // S2: rate 0.7 → 20 × 0.5 = 10; S4: (55 − 75)/(35 − 75) = 0.5 → 5 → C2 = 15 of 20 + 10 = 30
    expect(city.categories.map((c) => c.id)).toEqual(["C1", "C2"]);
    expect(city.categories[0]).toMatchObject({ score: 29, max: 40 });
    expect(city.categories[1]?.score).toBeCloseTo(15, 9);
    expect(city.categories[1]?.max).toBe(30);
    // raw = 29 + 15 = 44, max = 40 + 30 = 70, no penalty → score 44, ratio 44/70 = 0.62857…
    expect(city.rawScore).toBeCloseTo(44, 9);
    expect(city.score).toBeCloseTo(44, 9);
    expect(city.max).toBe(70);
    expect(city.ratio).toBeCloseTo(44 / 70, 9);
    // 0 <= 0.6286 < 0.7 → fail
    expect(city.grade).toBe("fail");
  });

  it("gives a category without scored standards score 0 and the max its standards keep", async () => {
    const categories = [
      { id: "C1", name: "一", contents: [{ id: "C1.1", name: "甲", standards: [documentStandard()] }] },
      { id: "C2", name: "二", contents: [{ id: "C2.1", name: "乙", standards: [dataStandard({ missingEvidence: "exclude" })] }] },
    ];
    const rs = ruleset([], { categories });
    const city = await scoreCity(rs, { documents: [verdictRow("a", "S3", "met")] });
    // C1: 10 of 10; C2: S4 missing and excluded → 0 of 0, ratio null
    expect(city.categories).toEqual([
      { id: "C1", name: "一", score: 10, max: 10, ratio: 1 },
      { id: "C2", name: "二", score: 0, max: 0, ratio: null },
    ]);
  });
});

describe("penalties (负面清单)", () => {
  const exposed = penalty("P1", 5, leaf("exposed", "greaterThanInclusive", 1));
  const complaints = penalty("P2", 3, leaf("complaints", "greaterThan", 10));
  const unheld = penalty("P3", 7, leaf("complaints", "greaterThan", 100));

  it("subtracts the points of every penalty whose conditions hold, and only those", async () => {
    const city = await markedCity(80, {
      adjustments: [exposed, complaints, unheld],
      facts: [
        ["exposed", 1],
        ["complaints", 12],
      ],
    });
    // P1 (1 >= 1) and P2 (12 > 10) hold, P3 (12 > 100) does not: 80 − (5 + 3) = 72
    expect([city.rawScore, city.penaltyPoints, city.score, city.max]).toEqual([80, 8, 72, 100]);
    expect(city.ratio).toBeCloseTo(0.72, 9);
    expect(city.adjustments.map((a) => a.id)).toEqual(["P1", "P2"]);
    // 0.72 >= 0.7 → pass (before penalties 0.8 would also be pass; see the next test for a grade change)
    expect(city.grade).toBe("pass");
  });

  it("grades on the ratio after penalties", async () => {
    const city = await markedCity(92, { adjustments: [exposed], facts: [["exposed", 2]] });
    // 92 − 5 = 87 → 0.87 < 0.9 → pass, not excellent
    expect([city.score, city.grade]).toEqual([87, "pass"]);
  });

  it("floors the score at 0", async () => {
    const city = await markedCity(6, { adjustments: [penalty("P1", 10, leaf("exposed", "equal", 1))], facts: [["exposed", 1]] });
    // max(0, 6 − 10) = 0 (not −4) → ratio 0 → grade fail (minRatio 0 <= 0)
    expect([city.rawScore, city.penaltyPoints, city.score, city.ratio, city.grade]).toEqual([6, 10, 0, 0, "fail"]);
  });

  it("leaves the score alone when no penalty holds", async () => {
    const city = await markedCity(80, { adjustments: [exposed], facts: [["exposed", 0]] });
    expect([city.score, city.penaltyPoints, city.adjustments]).toEqual([80, 0, []]);
  });
});

describe("vetoes (一票否决) and status", () => {
  const accident = veto("V1", leaf("accidents", "greaterThan", 0));

  it("gives status vetoed and no grade when a veto holds", async () => {
    const city = await markedCity(95, { adjustments: [accident], facts: [["accidents", 1]] });
    // 95/100 would be excellent
    expect([city.status, city.grade]).toEqual(["vetoed", null]);
    expect(city.adjustments.map((a) => [a.id, a.kind])).toEqual([["V1", "veto"]]);
  });

  it("gives status ok and a grade when no veto holds", async () => {
    const city = await markedCity(95, { adjustments: [accident], facts: [["accidents", 0]] });
    expect([city.status, city.grade]).toEqual(["ok", "excellent"]);
  });

  it("is vetoed when any one of several vetoes holds", async () => {
    const city = await markedCity(95, {
      adjustments: [accident, veto("V2", leaf("fraud", "equal", 1))],
      facts: [
        ["accidents", 0],
        ["fraud", 1],
      ],
    });
    expect([city.status, city.grade]).toEqual(["vetoed", null]);
    expect(city.adjustments.map((a) => a.id)).toEqual(["V2"]);
  });

  it("is vetoed when a veto holds beside a penalty, which is still subtracted", async () => {
    const city = await markedCity(95, {
      adjustments: [penalty("P1", 5, leaf("exposed", "equal", 1)), accident],
      facts: [
        ["exposed", 1],
        ["accidents", 3],
      ],
    });
    // 95 − 5 = 90; vetoed, so no grade although 0.9 would be excellent
    expect([city.status, city.grade, city.score]).toEqual(["vetoed", null, 90]);
    expect(city.adjustments.map((a) => a.id)).toEqual(["P1", "V1"]);
  });
});

describe("grades", () => {
  it.each([
    [100, "excellent"], // 1 >= 0.9
    [90, "excellent"], // 0.9 >= 0.9: the boundary belongs to the higher grade
    [89.99, "pass"], // 0.8999 < 0.9, >= 0.7
    [70, "pass"], // 0.7 >= 0.7
    [69.99, "fail"], // 0.6999 < 0.7, >= 0
    [0, "fail"], // 0 >= 0
  ])("gives a ratio of %d/100 the grade %s (the first whose minRatio <= ratio)", async (mark, grade) => {
    const city = await markedCity(mark);
    expect(city.grade).toBe(grade);
    expect(city.gradeName).toBe({ excellent: "优秀", pass: "合格", fail: "不合格" }[grade]);
  });

  it("gives a ratio equal to a minRatio by hand that grade, though floating-point rounding puts it a hair below", async () => {
    const rs = ruleset([surveyStandard()], {
      grades: [
        { id: "pass", name: "合格", minRatio: 0.5 },
        { id: "fail", name: "不合格", minRatio: 0 },
      ],
    });
    const city = await scoreCity(rs, { survey: answerRows("a", "Q1", [...repeat(7, "A"), ...repeat(3, "C")]) });
    // by hand: rate 0.7 → 20 × (0.7 − 0.5) / (0.9 − 0.5) = 20 × 0.5 = 10 → ratio 10/20 = 0.5 >= 0.5 → pass;
    // in floating point (0.7 − 0.5) / 0.4 = 0.4999999999999999, which must not drop the city to fail
    expect(city.ratio).toBeCloseTo(0.5, 12);
    expect(city.grade).toBe("pass");
  });

  it("gives no grade when the ratio is below every minRatio", async () => {
    const grades = [
      { id: "a", name: "甲", minRatio: 0.9 },
      { id: "b", name: "乙", minRatio: 0.5 },
    ];
    const city = await markedCity(40, { grades });
    // 0.4 < 0.5 → none
    expect([city.status, city.ratio, city.grade]).toEqual(["ok", 0.4, null]);
  });

  it("gives no grade when the ratio is null", async () => {
    const rs = ruleset([markStandard()], { missingEvidence: "exclude" });
    const city = await scoreCity(rs, {});
    // no mark: missing, excluded → max 0 → ratio null → grade null, status still ok
    expect([city.score, city.max, city.ratio, city.grade, city.status]).toEqual([0, 0, null, null, "ok"]);
  });

  it("gives the ratio null when every standard is notApplicable", async () => {
    const rs = ruleset([markStandard({ appliesTo: leaf("big", "equal", 1) })]);
    const city = await scoreCity(rs, { facts: [factRow("a", "mark", 50), factRow("a", "big", 0)] });
    expect([city.score, city.max, city.ratio, city.grade]).toEqual([0, 0, null, null]);
  });
});
