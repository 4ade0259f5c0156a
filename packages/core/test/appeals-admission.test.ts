/**
 * Judging appeals.csv (SPEC sections 2 and 8): every rejection with its own code — what a row
 * allows on its own, then its target against the city scored before appeals — the order of
 * judgement, and the row accounting of the file, rejected rows listed in line order.
 */
import { describe, expect, it } from "vitest";
import { EvidenceError, type EvidenceRow, type EvidenceTables, scoreRound } from "../src/index.js";
import { appealRow, cityRow, factRow, fieldRow, fieldTarget, ROUND, siteRow, verdictRow } from "./support/evidence-builders.js";
import { accountOf, rejectsOf } from "./support/outcomes.js";
import { dataStandard, documentStandard, fieldStandard, leaf, penalty, ruleset, surveyStandard } from "./support/ruleset-builders.js";

/** S1 field (K1, K2 on markets; K9 on roads in S5), S2 survey, S3 document, S4 data, penalty P1 on `exposed`. */
const rs = ruleset(
  [
    fieldStandard(),
    surveyStandard(),
    documentStandard(),
    dataStandard(),
    fieldStandard({ id: "S5", name: "道路", siteTypes: ["road"], checks: [{ id: "K9", name: "路面破损", deduction: 1 }] }),
  ],
  { adjustments: [penalty("P1", 10, leaf("exposed", "greaterThanInclusive", 1)), penalty("P2", 5, leaf("exposed", "greaterThan", 5))] },
);

/** City a: market m1 (assessor 张伟) with K1 ×3, market m2 without problems; S3 partial; pm25 55; exposed 1 (P1 holds, P2 not). */
const base: EvidenceTables = {
  cities: [cityRow("a"), cityRow("b")],
  sites: [siteRow("a", "m1", "market", { assessor: "张伟" }), siteRow("a", "m2")],
  field: [fieldRow("a", "m1", "K1", 3)],
  documents: [verdictRow("a", "S3", "partial")],
  facts: [factRow("a", "pm25", 55), factRow("a", "exposed", 1)],
};

const judge = (appeals: EvidenceRow[], more: Partial<EvidenceTables> = {}) =>
  scoreRound({ ruleset: rs, round: ROUND, evidence: { ...base, ...more, appeals } });

/** The code of a lone appeal row (null when accepted). */
async function codeOf(row: EvidenceRow, more: Partial<EvidenceTables> = {}): Promise<string | null> {
  const results = await judge([row], more);
  const rejects = rejectsOf(results, "appeals.csv");
  expect(rejects.length).toBeLessThanOrEqual(1);
  return rejects[0]?.code ?? null;
}

const k1AtM1 = fieldTarget("S1", "K1", "m1");

describe("what an appeals row allows on its own", () => {
  it.each([
    ["no appeal_id", appealRow("a", "", k1AtM1, "upheld"), "missing_value"],
    ["no decision", appealRow("a", "A1", k1AtM1, ""), "missing_value"],
    [
      "neither standard_id nor adjustment_id",
      appealRow("a", "A1", { standard_id: "", adjustment_id: "", check_id: "K1", site_id: "m1" }, "upheld"),
      "missing_value",
    ],
    ["a field appeal without site_id", appealRow("a", "A1", { standard_id: "S1", check_id: "K1" }, "upheld"), "missing_value"],
    ["a field appeal without check_id", appealRow("a", "A1", { standard_id: "S1", site_id: "m1" }, "upheld"), "missing_value"],
    ["an unknown city", appealRow("zz", "A1", k1AtM1, "upheld"), "unknown_city"],
    [
      "both standard_id and adjustment_id",
      appealRow("a", "A1", { standard_id: "S3", adjustment_id: "P1" }, "upheld"),
      "unknown_appeal_target_kind",
    ],
    ["a decision that is none of the four", appealRow("a", "A1", k1AtM1, "approved"), "bad_decision"],
    ["a standard the rule set lacks", appealRow("a", "A1", { standard_id: "S99" }, "upheld"), "unknown_target"],
    ["an adjustment the rule set lacks", appealRow("a", "A1", { adjustment_id: "P99" }, "withdrawn"), "unknown_target"],
    ["a check of another standard", appealRow("a", "A1", fieldTarget("S1", "K9", "m1"), "upheld"), "unknown_target"],
    ["a site the city did not visit", appealRow("a", "A1", fieldTarget("S1", "K1", "m9"), "upheld"), "unknown_target"],
    ["a document appeal naming a site", appealRow("a", "A1", { standard_id: "S3", site_id: "m1" }, "upheld"), "unknown_target"],
    ["an adjustment appeal naming a check", appealRow("a", "A1", { adjustment_id: "P1", check_id: "K1" }, "withdrawn"), "unknown_target"],
    ["a survey standard", appealRow("a", "A1", { standard_id: "S2" }, "withdrawn"), "survey_not_appealable"],
    ["a data standard withdrawn", appealRow("a", "A1", { standard_id: "S4" }, "withdrawn"), "decision_not_allowed"],
    ["an adjustment revised", appealRow("a", "A1", { adjustment_id: "P1" }, "revised", { revised_value: "5" }), "decision_not_allowed"],
    ["a field problem revised without revised_count", appealRow("a", "A1", k1AtM1, "revised"), "missing_revision"],
    ["a document revised without revised_verdict", appealRow("a", "A1", { standard_id: "S3" }, "revised"), "missing_revision"],
    ["a data standard revised without revised_value", appealRow("a", "A1", { standard_id: "S4" }, "revised"), "missing_revision"],
    ["a revised count that is not a whole number", appealRow("a", "A1", k1AtM1, "revised", { revised_count: "1.5" }), "bad_revision"],
    ["a revised count below 0", appealRow("a", "A1", k1AtM1, "revised", { revised_count: "-1" }), "bad_revision"],
    [
      "a revised verdict that is not a verdict",
      appealRow("a", "A1", { standard_id: "S3" }, "revised", { revised_verdict: "良好" }),
      "bad_revision",
    ],
    [
      "a revised value that is not a number",
      appealRow("a", "A1", { standard_id: "S4" }, "revised", { revised_value: "n/a" }),
      "bad_revision",
    ],
    [
      "a revised value of another target's kind",
      appealRow("a", "A1", k1AtM1, "revised", { revised_count: "1", revised_value: "1" }),
      "bad_revision",
    ],
    ["a revised value on a withdrawn decision", appealRow("a", "A1", k1AtM1, "withdrawn", { revised_count: "1" }), "bad_revision"],
    [
      "a field appeal reviewed by the site's assessor",
      appealRow("a", "A1", k1AtM1, "upheld", { reviewer: "张伟" }),
      "reviewer_is_assessor",
    ],
  ])("rejects %s", async (_, row, code) => {
    expect(await codeOf(row)).toBe(code);
  });

  it("accepts a field appeal reviewed by someone other than the site's assessor", async () => {
    expect(await codeOf(appealRow("a", "A1", k1AtM1, "upheld", { reviewer: "李强" }))).toBeNull();
  });

  it("skips a row of another round before judging it", async () => {
    const results = await judge([appealRow("a", "A1", { standard_id: "S2" }, "withdrawn", { round: "2023" })]);
    expect(accountOf(results, "appeals.csv")).toEqual({ rows: 1, accepted: 0, skipped: 1, rejected: 0 });
  });

  it("rejects a second row with the same appeal_id for a city as a duplicate, keeping the first", async () => {
    const results = await judge([appealRow("a", "A1", k1AtM1, "withdrawn"), appealRow("a", "A1", { standard_id: "S3" }, "withdrawn")]);
    expect(rejectsOf(results, "appeals.csv")).toEqual([{ line: 3, code: "duplicate" }]);
    expect(results.cities[0]?.appeals.map((a) => a.target.kind)).toEqual(["field"]);
  });

  it("reads the Chinese column names", async () => {
    const row = {
      测评轮次: ROUND,
      城市代码: "a",
      申诉编号: "A1",
      标准编号: "S3",
      复核结论: "改判",
      改判评定: "达标",
      复核人: "李强",
      理由: "补交材料",
    };
    const results = await judge([row]);
    expect(results.rejects).toEqual([]);
    expect(results.cities[0]?.appeals[0]).toMatchObject({
      decision: "revised",
      revision: { verdict: "met" },
      reviewer: "李强",
      reason: "补交材料",
    });
  });

  it("refuses a header with neither standard_id nor adjustment_id", async () => {
    const failure = await judge([{ round: ROUND, city_id: "a", appeal_id: "A1", decision: "upheld" }]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EvidenceError);
    expect((failure as EvidenceError).message).toMatchInlineSnapshot(
      `"appeals.csv: one of the columns "standard_id" / "adjustment_id" is required"`,
    );
  });
});

describe("an appeal's target, judged against the city scored before appeals", () => {
  it.each([
    ["a field problem with no count at the site", appealRow("a", "A1", fieldTarget("S1", "K2", "m1"), "withdrawn"), "unknown_target"],
    ["a field problem of a site without problems", appealRow("a", "A1", fieldTarget("S1", "K1", "m2"), "withdrawn"), "unknown_target"],
    ["a revised count not below the count", appealRow("a", "A1", k1AtM1, "revised", { revised_count: "3" }), "bad_revision"],
    ["a document standard at its max", appealRow("a", "A1", { standard_id: "S3" }, "withdrawn"), "unknown_target"],
    [
      "a data standard without its figure",
      appealRow("a", "A1", { standard_id: "S4" }, "revised", { revised_value: "35" }),
      "unknown_target",
    ],
    ["an adjustment that does not hold", appealRow("a", "A1", { adjustment_id: "P2" }, "withdrawn"), "unknown_target"],
  ])("rejects %s as not a problem of the city", async (_, row, code) => {
    const more = { documents: [verdictRow("a", "S3", "met")], facts: [factRow("a", "exposed", 1)] };
    expect(await codeOf(row, more)).toBe(code);
  });

  it("names the target and why in the reason", async () => {
    const results = await judge([appealRow("a", "A1", { standard_id: "S3" }, "withdrawn")], { documents: [verdictRow("a", "S3", "met")] });
    expect(results.rejects[0]?.reason).toMatchInlineSnapshot(
      `"document standard "S3" is not a problem of city "a": it is scored at its max"`,
    );
  });

  it("rejects a second appeal on the target of an accepted one, keeping the first", async () => {
    const results = await judge([appealRow("a", "A1", k1AtM1, "withdrawn"), appealRow("a", "A2", k1AtM1, "upheld")]);
    expect(rejectsOf(results, "appeals.csv")).toEqual([{ line: 3, code: "duplicate_appeal" }]);
    expect(results.rejects[0]?.reason).toMatchInlineSnapshot(
      `"appeal "A1" (line 2) already targets the problem of check "K1" at site "m1" (standard "S1"); the first is kept"`,
    );
    expect(results.cities[0]?.appeals.map((a) => a.appealId)).toEqual(["A1"]);
  });

  it("accepts the second appeal on a target when the first was rejected", async () => {
    const results = await judge([
      appealRow("a", "A1", k1AtM1, "upheld", { reviewer: "张伟" }),
      appealRow("a", "A2", k1AtM1, "revised", { revised_count: "5" }),
      appealRow("a", "A3", k1AtM1, "withdrawn"),
    ]);
    expect(rejectsOf(results, "appeals.csv")).toEqual([
      { line: 2, code: "reviewer_is_assessor" },
      { line: 3, code: "bad_revision" },
    ]);
    expect(results.cities[0]?.appeals.map((a) => a.appealId)).toEqual(["A3"]);
  });

  it("treats the same check and site under one standard as one target, and another site as another", async () => {
    const results = await judge([appealRow("a", "A1", k1AtM1, "upheld"), appealRow("a", "A2", fieldTarget("S1", "K1", "m2"), "upheld")], {
      field: [fieldRow("a", "m1", "K1", 3), fieldRow("a", "m2", "K1", 1)],
    });
    expect(results.rejects).toEqual([]);
  });

  it("judges each city's appeals against that city alone", async () => {
    const results = await judge([appealRow("b", "A1", k1AtM1, "withdrawn")], {
      sites: [siteRow("a", "m1"), siteRow("b", "m1")],
      field: [fieldRow("a", "m1", "K1", 3)],
    });
    expect(rejectsOf(results, "appeals.csv")).toEqual([{ line: 2, code: "unknown_target" }]);
  });
});

describe("the row accounting of appeals.csv", () => {
  it("ends every row accepted, skipped or rejected exactly once, late rejects counted by code and listed in line order", async () => {
    const results = await judge([
      appealRow("a", "A1", k1AtM1, "withdrawn"), // 2 accepted
      appealRow("a", "A2", { standard_id: "S3" }, "revised", { revised_verdict: "met" }), // 3 accepted
      appealRow("a", "A3", k1AtM1, "upheld"), // 4 duplicate_appeal (late)
      appealRow("a", "A4", { standard_id: "S2" }, "withdrawn"), // 5 survey_not_appealable
      appealRow("a", "A5", { adjustment_id: "P2" }, "withdrawn"), // 6 unknown_target (late)
      appealRow("a", "A6", { standard_id: "S4" }, "withdrawn", { round: "2023" }), // 7 skipped
      appealRow("a", "A7", { adjustment_id: "P1" }, "bogus"), // 8 bad_decision
      appealRow("a", "A8", { adjustment_id: "P1" }, "pending"), // 9 accepted
    ]);
    expect(accountOf(results, "appeals.csv")).toEqual({ rows: 8, accepted: 3, skipped: 1, rejected: 4 });
    expect(rejectsOf(results, "appeals.csv")).toEqual([
      { line: 4, code: "duplicate_appeal" },
      { line: 5, code: "survey_not_appealable" },
      { line: 6, code: "unknown_target" },
      { line: 8, code: "bad_decision" },
    ]);
    const file = results.inputs.files.find((f) => f.name === "appeals.csv");
    expect(file?.rejectedBy).toEqual({ survey_not_appealable: 1, unknown_target: 1, bad_decision: 1, duplicate_appeal: 1 });
    expect(results.inputs.rejected).toBe(4);
    expect(results.cities[0]?.provisional).toBe(true);
  });

  it("keeps the raw row of a late reject as the file held it", async () => {
    const results = await judge([appealRow("a", "A1", { adjustment_id: "P2" }, "withdrawn", { reason: "已整改, 见附件" })]);
    expect(results.rejects[0]).toEqual({
      file: "appeals.csv",
      line: 2,
      code: "unknown_target",
      reason: 'adjustment "P2" does not hold for city "a"',
      raw: '2024,a,A1,P2,withdrawn,"已整改, 见附件"',
    });
  });
});
