/**
 * Scoring after appeals (SPEC section 8): each target × decision applied before scoring,
 * scoreBeforeAppeals, pointsRestored (also where caps and the floor at 0 make appeals interact),
 * provisional while an appeal is pending, the explanation naming the appeal, and problems and
 * improvements from the evidence after appeals. Every number is computed by hand.
 */
import { describe, expect, it } from "vitest";
import type { EvidenceTables } from "../src/index.js";
import { appealRow, factRow, fieldRow, fieldTarget, siteRow, verdictRow } from "./support/evidence-builders.js";
import { scoreCity, standardOf } from "./support/outcomes.js";
import { dataStandard, documentStandard, fieldStandard, leaf, penalty, ruleset, veto } from "./support/ruleset-builders.js";

/**
 * S1 field 30 (K1 −2, K2 −3), S3 document 10, S4 data 10 (pm25 75 → 35); penalty P1 (10 points
 * when exposed ≥ 1) and veto V1 (accidents > 0). Max 50.
 */
const rs = ruleset([fieldStandard(), documentStandard(), dataStandard()], {
  adjustments: [penalty("P1", 10, leaf("exposed", "greaterThanInclusive", 1)), veto("V1", leaf("accidents", "greaterThan", 0))],
});

/**
 * City a: market m1 (assessor 张伟) with K1 ×3 and K2 ×1 (loss 9), market m2 with K1 ×1 (loss 2):
 * S1 = 30 − (9 + 2) / 2 = 24.5; S3 partial → 5; S4 pm25 55 → 5; exposed 1 → P1 −10; no accident.
 * Raw 34.5, score 24.5.
 */
const evidence = (appeals: EvidenceTables["appeals"], more: Partial<EvidenceTables> = {}): EvidenceTables => ({
  sites: [siteRow("a", "m1", "market", { assessor: "张伟" }), siteRow("a", "m2")],
  field: [fieldRow("a", "m1", "K1", 3), fieldRow("a", "m1", "K2", 1), fieldRow("a", "m2", "K1", 1)],
  documents: [verdictRow("a", "S3", "partial")],
  facts: [factRow("a", "pm25", 55), factRow("a", "exposed", 1), factRow("a", "accidents", 0)],
  ...more,
  ...(appeals === undefined ? {} : { appeals }),
});

const k1AtM1 = fieldTarget("S1", "K1", "m1");

describe("a city without appeals", () => {
  it("has scoreBeforeAppeals equal to its score, no appeals and is not provisional", async () => {
    const city = await scoreCity(rs, evidence(undefined));
    expect(city.score).toBe(24.5);
    expect(city).toMatchObject({ scoreBeforeAppeals: 24.5, provisional: false, appeals: [] });
  });
});

describe("a field problem", () => {
  it("withdrawn: its count becomes 0, and the points it cost come back", async () => {
    const city = await scoreCity(rs, evidence([appealRow("a", "A1", k1AtM1, "withdrawn", { reviewer: "李强" })]));
    // m1 loses 3 (K2 only): S1 = 30 − (3 + 2) / 2 = 27.5; score 24.5 + 3 = 27.5
    expect(standardOf(city, "S1").score).toBe(27.5);
    expect(city.score).toBe(27.5);
    expect(city.scoreBeforeAppeals).toBe(24.5);
    expect(city.appeals).toEqual([
      {
        appealId: "A1",
        target: { kind: "field", standardId: "S1", checkId: "K1", siteId: "m1", adjustmentId: null },
        decision: "withdrawn",
        pointsRestored: 3,
        revision: null,
        reviewer: "李强",
        reason: null,
      },
    ]);
    expect(city.provisional).toBe(false);
  });

  it("revised: its count becomes the revised count", async () => {
    const city = await scoreCity(rs, evidence([appealRow("a", "A1", k1AtM1, "revised", { revised_count: "1" })]));
    // m1: K1 ×1 (2) + K2 ×1 (3) = 5: S1 = 30 − (5 + 2) / 2 = 26.5
    expect(standardOf(city, "S1").score).toBe(26.5);
    expect(city.appeals[0]).toMatchObject({ decision: "revised", pointsRestored: 2, revision: { count: 1 } });
  });

  it("revised to 0: the same as withdrawn", async () => {
    const city = await scoreCity(rs, evidence([appealRow("a", "A1", k1AtM1, "revised", { revised_count: "0" })]));
    expect(standardOf(city, "S1").score).toBe(27.5);
  });

  it("upheld: nothing changes and no points are restored", async () => {
    const city = await scoreCity(rs, evidence([appealRow("a", "A1", k1AtM1, "upheld", { reviewer: "李强", reason: "照片清晰" })]));
    expect(city.score).toBe(24.5);
    expect(city.appeals[0]).toMatchObject({ decision: "upheld", pointsRestored: 0, reason: "照片清晰" });
    expect(city.provisional).toBe(false);
    expect(standardOf(city, "S1").appeals).toBeUndefined();
  });

  it("pending: nothing changes, and the city's result is provisional", async () => {
    const city = await scoreCity(rs, evidence([appealRow("a", "A1", k1AtM1, "pending")]));
    expect(city.score).toBe(24.5);
    expect(city.provisional).toBe(true);
    expect(city.appeals[0]).toMatchObject({ decision: "pending", pointsRestored: 0 });
  });

  it("decisions may be written in Chinese (待复核, 维持, 改判, 撤销)", async () => {
    const city = await scoreCity(
      rs,
      evidence([
        appealRow("a", "A1", k1AtM1, "撤销"),
        appealRow("a", "A2", fieldTarget("S1", "K2", "m1"), "维持"),
        appealRow("a", "A3", fieldTarget("S1", "K1", "m2"), "待复核"),
      ]),
    );
    expect(city.appeals.map((a) => a.decision)).toEqual(["withdrawn", "upheld", "pending"]);
  });
});

describe("a document standard", () => {
  it("withdrawn: every verdict becomes met", async () => {
    const city = await scoreCity(
      rs,
      evidence([appealRow("a", "A1", { standard_id: "S3" }, "withdrawn")], {
        documents: [verdictRow("a", "S3", "partial"), verdictRow("a", "S3", "unmet")],
      }),
    );
    // before: mean(0.5, 0) × 10 = 2.5; after: 10
    expect(city.scoreBeforeAppeals).toBe(22);
    expect(standardOf(city, "S3").score).toBe(10);
    expect(city.appeals[0]?.pointsRestored).toBe(7.5);
  });

  it("revised: every verdict becomes the revised verdict, written as documents.csv writes it", async () => {
    const city = await scoreCity(
      rs,
      evidence([appealRow("a", "A1", { standard_id: "S3" }, "revised", { revised_verdict: "基本达标" })], {
        documents: [verdictRow("a", "S3", "unmet"), verdictRow("a", "S3", "unmet")],
      }),
    );
    expect(standardOf(city, "S3").score).toBe(5);
    expect(city.appeals[0]).toMatchObject({ pointsRestored: 5, revision: { verdict: "partial" } });
    const evidenceOf = standardOf(city, "S3").evidence;
    expect(evidenceOf?.method === "document" && evidenceOf.verdicts.map((v) => v.verdict)).toEqual(["partial", "partial"]);
  });
});

describe("a data standard", () => {
  it("revised: the fact's value becomes the revised value", async () => {
    const city = await scoreCity(rs, evidence([appealRow("a", "A1", { standard_id: "S4" }, "revised", { revised_value: "45" })]));
    // (45 − 75) / (35 − 75) = 0.75 → 7.5
    expect(standardOf(city, "S4").score).toBe(7.5);
    expect(city.appeals[0]).toMatchObject({ pointsRestored: 2.5, revision: { value: 45 } });
  });
});

describe("an adjustment", () => {
  it("a penalty withdrawn does not apply: its points come back", async () => {
    const city = await scoreCity(rs, evidence([appealRow("a", "A1", { adjustment_id: "P1" }, "withdrawn")]));
    expect(city.penaltyPoints).toBe(0);
    expect(city.score).toBe(34.5);
    expect(city.adjustments).toEqual([]);
    expect(city.adjustmentChecks.find((a) => a.id === "P1")).toMatchObject({ held: false, appeals: ["A1"] });
    expect(city.appeals[0]).toMatchObject({
      target: { kind: "adjustment", standardId: null, checkId: null, siteId: null, adjustmentId: "P1" },
      pointsRestored: 10,
    });
  });

  it("a veto withdrawn does not apply: the city is graded again, and no points are restored (a veto takes none)", async () => {
    const vetoed = evidence([appealRow("a", "A1", { adjustment_id: "V1" }, "withdrawn")], {
      facts: [factRow("a", "pm25", 55), factRow("a", "exposed", 0), factRow("a", "accidents", 1)],
    });
    const city = await scoreCity(rs, vetoed);
    // 34.5 of 50 = 0.69: below pass (0.7) → fail
    expect(city).toMatchObject({ status: "ok", grade: "fail", score: 34.5, scoreBeforeAppeals: 34.5 });
    expect(city.appeals[0]?.pointsRestored).toBe(0);
  });
});

describe("the explanation after appeals", () => {
  it("a standard an applied appeal changed names it; problems carry the appeals on them", async () => {
    const city = await scoreCity(
      rs,
      evidence([
        appealRow("a", "A1", k1AtM1, "revised", { revised_count: "2" }),
        appealRow("a", "A2", fieldTarget("S1", "K1", "m2"), "pending"),
      ]),
    );
    expect(standardOf(city, "S1").appeals).toEqual(["A1"]);
    expect(standardOf(city, "S3").appeals).toBeUndefined();
    const problems = city.problems.filter((p) => p.standardId === "S1").map((p) => [p.checkId, p.siteId, p.count, p.appeals]);
    expect(problems).toEqual([
      ["K1", "m1", 2, ["A1"]],
      ["K2", "m1", 1, undefined],
      ["K1", "m2", 1, ["A2"]],
    ]);
  });

  it("problems and improvements come from the evidence after appeals: a withdrawn problem is gone", async () => {
    const city = await scoreCity(
      rs,
      evidence([appealRow("a", "A1", k1AtM1, "withdrawn"), appealRow("a", "A2", { standard_id: "S3" }, "withdrawn")]),
    );
    expect(city.problems.some((p) => p.checkId === "K1" && p.siteId === "m1")).toBe(false);
    expect(city.problems.some((p) => p.standardId === "S3")).toBe(false);
    // K1 is left only at m2 (1 × 2 = 2, averaged over 2 sites): fixing it gains 1
    expect(city.improvements.find((i) => i.standardId === "S1" && i.checkId === "K1")?.gain).toBe(1);
    expect(city.improvements.some((i) => i.standardId === "S3")).toBe(false);
  });
});

describe("pointsRestored when appeals interact", () => {
  it("through maxPerSite: each appeal gets what it adds to the others", async () => {
    // one market, maxPerSite 5: K1 ×3 (6) + K2 ×1 (3) = 9 → 5. Both withdrawn → 0.
    const capped = ruleset([fieldStandard({ maxPerSite: 5 })]);
    const city = await scoreCity(capped, {
      sites: [siteRow("a", "m1")],
      field: [fieldRow("a", "m1", "K1", 3), fieldRow("a", "m1", "K2", 1)],
      appeals: [appealRow("a", "A1", k1AtM1, "withdrawn"), appealRow("a", "A2", fieldTarget("S1", "K2", "m1"), "withdrawn")],
    });
    expect(city.scoreBeforeAppeals).toBe(25);
    expect(city.score).toBe(30);
    // all but A1 (K1 stays: 6 → 5): 25, so A1 restores 5; all but A2 (K2 stays: 3): 27, so A2 restores 3
    expect(city.appeals.map((a) => [a.appealId, a.pointsRestored])).toEqual([
      ["A1", 5],
      ["A2", 3],
    ]);
  });

  it("through the standard's points: a site's loss is capped at them", async () => {
    // S1 with 4 points: K1 ×3 = 6 → 4; revised to 1 → 2. Restored 2.
    const small = ruleset([fieldStandard({ points: 4 })]);
    const city = await scoreCity(small, {
      sites: [siteRow("a", "m1")],
      field: [fieldRow("a", "m1", "K1", 3)],
      appeals: [appealRow("a", "A1", k1AtM1, "revised", { revised_count: "1" })],
    });
    expect([city.scoreBeforeAppeals, city.score, city.appeals[0]?.pointsRestored]).toEqual([0, 2, 2]);
  });

  it("through the floor at 0 after penalties: an appeal that lifts a score still below the penalty restores nothing alone", async () => {
    // S1 30 with one market: K2 ×8 = 24 → 6 left; P1 −10 → score max(0, 6 − 10) = 0.
    // A1 withdraws K2 (raw 30 → score 20); A2 withdraws P1 (raw 6 → score 6); both: 30.
    const floored = ruleset([fieldStandard()], { adjustments: [penalty("P1", 10, leaf("exposed", "greaterThanInclusive", 1))] });
    const city = await scoreCity(floored, {
      sites: [siteRow("a", "m1")],
      field: [fieldRow("a", "m1", "K2", 8)],
      facts: [factRow("a", "exposed", 1)],
      appeals: [
        appealRow("a", "A1", fieldTarget("S1", "K2", "m1"), "withdrawn"),
        appealRow("a", "A2", { adjustment_id: "P1" }, "withdrawn"),
      ],
    });
    expect([city.scoreBeforeAppeals, city.score]).toEqual([0, 30]);
    // all but A1: 6 → A1 restores 24; all but A2: 20 → A2 restores 10
    expect(city.appeals.map((a) => a.pointsRestored)).toEqual([24, 10]);
  });

  it("an upheld or pending appeal beside an applied one leaves the applied one's points as if alone", async () => {
    const city = await scoreCity(
      rs,
      evidence([appealRow("a", "A1", k1AtM1, "withdrawn"), appealRow("a", "A2", { standard_id: "S3" }, "pending")]),
    );
    expect(city.appeals.map((a) => [a.appealId, a.pointsRestored])).toEqual([
      ["A1", 3],
      ["A2", 0],
    ]);
    expect(city.provisional).toBe(true);
  });
});
