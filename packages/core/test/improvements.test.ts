/**
 * Improvement items (SPEC section 3): gain = max − score for every standard below its max; for
 * a field standard also, per check, the score with that check's counts set to 0 minus the score
 * now (through the caps); items with gain 0 left out; sorted by gain descending, then standard
 * id, then check id, by code point, the standard's own item (checkId null) first.
 */
import { describe, expect, it } from "vitest";
import type { CityResult } from "../src/index.js";
import { answerRows, factRow, fieldRow, repeat, siteRow, verdictRow } from "./support/evidence-builders.js";
import { scoreCity } from "./support/outcomes.js";
import { dataStandard, documentStandard, fieldStandard, leaf, ruleset, surveyStandard } from "./support/ruleset-builders.js";

const items = (city: CityResult) => city.improvements.map((i) => [i.standardId, i.checkId, i.gain]);

/** Rounds gains to 9 decimals, so that hand-computed fractions compare exactly. */
const rounded = (city: CityResult) => items(city).map(([s, c, g]) => [s, c, Math.round((g as number) * 1e9) / 1e9]);

describe("improvements of a standard as a whole", () => {
  it("has no item for a standard at its max, notApplicable, or missing and excluded", async () => {
    const rs = ruleset([
      fieldStandard(),
      documentStandard({ appliesTo: leaf("big", "equal", 1) }),
      dataStandard({ missingEvidence: "exclude" }),
    ]);
    const city = await scoreCity(rs, {
      sites: [siteRow("a", "m1")],
      documents: [verdictRow("a", "S3", "unmet")],
      facts: [factRow("a", "big", 0)],
    });
    // S1 30 of 30; S3 notApplicable (0 of 0, despite its unmet verdict); S4 missing, excluded (0 of 0)
    expect(city.improvements).toEqual([]);
  });

  it("gives every scored standard below its max the gain max − score", async () => {
    const rs = ruleset([surveyStandard(), documentStandard(), dataStandard()]);
    const city = await scoreCity(rs, {
      survey: answerRows("a", "Q1", [...repeat(7, "A"), ...repeat(3, "C")]),
      documents: [verdictRow("a", "S3", "partial")],
      facts: [factRow("a", "pm25", 45)],
    });
    expect(rounded(city)).toEqual([
      ["S2", null, 10], // rate 0.7 → 20 × 0.5 = 10 → 20 − 10
      ["S3", null, 5], // 10 × 0.5 = 5 → 10 − 5
      ["S4", null, 2.5], // (45 − 75)/(35 − 75) = 0.75 → 7.5 → 10 − 7.5
    ]);
  });

  it("gives a missing standard under zero its whole points, and an insufficient field standard no check items", async () => {
    const rs = ruleset([fieldStandard({ minSites: 2 }), documentStandard()]);
    const city = await scoreCity(rs, { sites: [siteRow("a", "m1")], field: [fieldRow("a", "m1", "K1", 3)] });
    // S1: 1 site < 2 → insufficient, 0 of 30 → gain 30; removing K1 leaves it insufficient (0 − 0 = 0): no K1 item
    // S3: missing, 0 of 10 → gain 10
    expect(items(city)).toEqual([
      ["S1", null, 30],
      ["S3", null, 10],
    ]);
  });

  it("names the responsible departments of the standard on every item", async () => {
    const rs = ruleset([fieldStandard(), dataStandard()]);
    const city = await scoreCity(rs, { sites: [siteRow("a", "m1")], field: [fieldRow("a", "m1", "K1", 1)] });
    expect(city.improvements.map((i) => [i.standardId, i.checkId, i.responsible])).toEqual([
      ["S4", null, []], // missing: 10 − 0 = 10
      ["S1", null, ["cgj", "scj"]], // 30 − 28 = 2
      ["S1", "K1", ["cgj", "scj"]], // 30 − 28 = 2
    ]);
  });
});

describe("improvements per check of a field standard", () => {
  it("gains the check's share of the mean loss when no cap is reached", async () => {
    const city = await scoreCity(ruleset([fieldStandard()]), {
      sites: [siteRow("a", "m1"), siteRow("a", "m2")],
      field: [fieldRow("a", "m1", "K1", 2), fieldRow("a", "m1", "K2", 1)],
    });
    // now: m1 2×2 + 3×1 = 7, m2 0 → mean 3.5 → 26.5
    // without K1: m1 3 → mean 1.5 → 28.5 → gain 2; without K2: m1 4 → mean 2 → 28 → gain 1.5
    expect(items(city)).toEqual([
      ["S1", null, 3.5],
      ["S1", "K1", 2],
      ["S1", "K2", 1.5],
    ]);
  });

  it("gains less than the check's raw loss when maxPerSite caps the site", async () => {
    const city = await scoreCity(ruleset([fieldStandard({ maxPerSite: 5 })]), {
      sites: [siteRow("a", "m1"), siteRow("a", "m2")],
      field: [fieldRow("a", "m1", "K1", 2), fieldRow("a", "m1", "K2", 1), fieldRow("a", "m2", "K1", 1)],
    });
    // now: m1 min(4 + 3, 5) = 5, m2 2 → mean 3.5 → 26.5
    // without K1: m1 3, m2 0 → mean 1.5 → 28.5 → gain 2 (K1's raw loss is (4 + 2)/2 = 3 per site)
    // without K2: m1 min(4, 5) = 4, m2 2 → mean 3 → 27 → gain 0.5 (K2's raw loss is 3/2 = 1.5)
    expect(items(city)).toEqual([
      ["S1", null, 3.5],
      ["S1", "K1", 2],
      ["S1", "K2", 0.5],
    ]);
  });

  it("leaves out a check whose removal gains nothing because the site stays at its cap", async () => {
    const city = await scoreCity(ruleset([fieldStandard({ maxPerSite: 5 })]), {
      sites: [siteRow("a", "m1")],
      field: [fieldRow("a", "m1", "K1", 3), fieldRow("a", "m1", "K2", 2)],
    });
    // now: min(6 + 6, 5) = 5 → 25; without K1: min(6, 5) = 5 → gain 0; without K2: min(6, 5) = 5 → gain 0
    expect(items(city)).toEqual([["S1", null, 5]]);
  });

  it("gains less than the raw loss when the points cap the site", async () => {
    const city = await scoreCity(ruleset([fieldStandard({ points: 10 })]), {
      sites: [siteRow("a", "m1")],
      field: [fieldRow("a", "m1", "K1", 4), fieldRow("a", "m1", "K2", 2)],
    });
    // now: min(8 + 6, 10) = 10 → 0; without K1: 6 → 4, gain 4 (raw 8); without K2: 8 → 2, gain 2 (raw 6)
    expect(items(city)).toEqual([
      ["S1", null, 10],
      ["S1", "K1", 4],
      ["S1", "K2", 2],
    ]);
  });
});

describe("the order of improvements", () => {
  it("sorts by gain, then standard id, then check id by code point, the standard's own item first", async () => {
    const s10 = fieldStandard({
      id: "S10",
      siteTypes: ["road"],
      responsible: [],
      checks: [
        { id: "K9", name: "九", deduction: 2 },
        { id: "K10", name: "十", deduction: 2 },
      ],
    });
    // rule-set order differs from the expected order on purpose
    const rs = ruleset([documentStandard({ id: "S9", points: 8 }), dataStandard(), s10, surveyStandard(), fieldStandard()]);
    const city = await scoreCity(rs, {
      sites: [siteRow("a", "m1"), siteRow("a", "r1", "road")],
      field: [fieldRow("a", "m1", "K1", 2), fieldRow("a", "r1", "K9", 1), fieldRow("a", "r1", "K10", 1)],
      documents: [verdictRow("a", "S9", "partial")],
      survey: answerRows("a", "Q1", [...repeat(7, "A"), ...repeat(3, "C")]),
      facts: [factRow("a", "pm25", 55)],
    });
    expect(rounded(city)).toEqual([
      ["S2", null, 10], // rate 0.7 → 10 of 20
      ["S4", null, 5], // (55 − 75)/(35 − 75) = 0.5 → 5 of 10
      ["S1", null, 4], // m1 2×2 = 4 → 26 of 30
      ["S1", "K1", 4], // without K1: 30 → gain 4; after S1's own item
      ["S10", null, 4], // r1 2 + 2 = 4 → 26 of 30; "S1" < "S10" < "S9"
      ["S9", null, 4], // 8 × 0.5 = 4 → gain 4
      ["S10", "K10", 2], // without K10: 2 → 28 → gain 2; "K10" < "K9" by code point
      ["S10", "K9", 2], // without K9: 2 → 28 → gain 2
    ]);
  });

  it("compares ids by code point, also beyond the Basic Multilingual Plane", async () => {
    // U+FF11 (full-width 1) < U+20000 (𠀀, CJK Extension B) by code point, although in UTF-16
    // 𠀀 is the surrogate pair D840 DC00, whose first unit sorts before FF11.
    const wide = "\uFF11";
    const ext = "\u{20000}";
    const rs = ruleset([
      fieldStandard({
        checks: [
          { id: `K${ext}`, name: "扩展", deduction: 2 },
          { id: `K${wide}`, name: "全角", deduction: 2 },
        ],
      }),
      documentStandard({ id: `S${ext}`, points: 8 }),
      documentStandard({ id: `S${wide}`, points: 8 }),
    ]);
    const city = await scoreCity(rs, {
      sites: [siteRow("a", "m1")],
      field: [fieldRow("a", "m1", `K${ext}`, 1), fieldRow("a", "m1", `K${wide}`, 1)],
      documents: [verdictRow("a", `S${ext}`, "partial"), verdictRow("a", `S${wide}`, "partial")],
    });
    expect(items(city)).toEqual([
      ["S1", null, 4], // m1 2 + 2 = 4 → 26 of 30; "S1" < "S\uFF11" since 0x31 < 0xFF11
      [`S${wide}`, null, 4], // partial: 8 × 0.5 = 4 → gain 4; U+FF11 first
      [`S${ext}`, null, 4], // the same gain; U+20000 after U+FF11
      ["S1", `K${wide}`, 2], // without one check: m1 2 → 28 → gain 2; U+FF11 first
      ["S1", `K${ext}`, 2],
    ]);
  });
});
