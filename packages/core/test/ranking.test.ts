/**
 * Ranking (SPEC section 3): cities with status ok by ratio, highest first, overall and within
 * their peer group; equal ratios share a rank and the next skips (1, 2, 2, 4); vetoed cities,
 * null ratios and (for the group rank) cities without a peer group get null; cities come out in
 * city_id order.
 */
import { describe, expect, it } from "vitest";
import { answerRows, cityRow, factRow, repeat, verdictRow } from "./support/evidence-builders.js";
import { score } from "./support/outcomes.js";
import { documentStandard, leaf, markStandard, ruleset, surveyStandard, veto } from "./support/ruleset-builders.js";

const rs = ruleset([markStandard()], { adjustments: [veto("V1", leaf("accidents", "greaterThan", 0))] });

/** Cities given as [id, mark (score of 100, null for none), peer group, accidents]. */
async function ranks(cities: [string, number | null, string?, number?][], ruleset = rs) {
  const results = await score(ruleset, {
    cities: cities.map(([id, , group]) => cityRow(id, group === undefined ? {} : { peer_group: group })),
    facts: cities.flatMap(([id, mark, , accidents]) => [
      ...(mark === null ? [] : [factRow(id, "mark", mark)]),
      factRow(id, "accidents", accidents ?? 0),
    ]),
  });
  return Object.fromEntries(results.cities.map((c) => [c.cityId, [c.rank.overall, c.rank.peerGroup]]));
}

describe("ranking", () => {
  it("gives equal ratios the same rank and skips the next (1, 2, 2, 4)", async () => {
    expect(
      await ranks([
        ["a", 90],
        ["b", 80],
        ["c", 80],
        ["d", 70],
      ]),
    ).toEqual({ a: [1, null], b: [2, null], c: [2, null], d: [4, null] });
  });

  it("skips as many ranks as cities share one (1, 1, 1, 4)", async () => {
    expect(
      await ranks([
        ["a", 60],
        ["b", 60],
        ["c", 60],
        ["d", 50],
      ]),
    ).toEqual({ a: [1, null], b: [1, null], c: [1, null], d: [4, null] });
  });

  it("gives a vetoed city no rank and ranks the others without it", async () => {
    // a has the best ratio (0.95) but is vetoed: b is first, c second
    expect(
      await ranks([
        ["a", 95, "g", 1],
        ["b", 80, "g"],
        ["c", 70, "g"],
      ]),
    ).toEqual({ a: [null, null], b: [1, 1], c: [2, 2] });
  });

  it("gives a city whose ratio is null no rank", async () => {
    const exclude = ruleset([markStandard()], { missingEvidence: "exclude" });
    // b has no mark: max 0 → ratio null
    expect(
      await ranks(
        [
          ["a", 50, "g"],
          ["b", null, "g"],
          ["c", 60, "g"],
        ],
        exclude,
      ),
    ).toEqual({ a: [2, 2], b: [null, null], c: [1, 1] });
  });

  it("ranks within each peer group, and gives a city without a peer group an overall rank only", async () => {
    expect(
      await ranks([
        ["a", 90, "g1"],
        ["b", 80, "g2"],
        ["c", 70, "g1"],
        ["d", 80, "g2"],
        ["e", 100],
        ["f", 75, ""],
      ]),
    ).toEqual({
      // overall: e 1.0, a 0.9, b 0.8, d 0.8 (tie), f 0.75, c 0.7
      e: [1, null],
      a: [2, 1],
      b: [3, 1],
      d: [3, 1],
      f: [5, null], // an empty peer_group is no peer group
      c: [6, 2],
    });
  });

  it("gives ratios equal by hand the same rank even when floating-point rounding sets them apart", async () => {
    const mixed = ruleset([surveyStandard(), documentStandard()], { missingEvidence: "exclude" });
    const results = await score(mixed, {
      cities: [cityRow("a"), cityRow("b"), cityRow("c")],
      // a: survey rate 0.7 → 20 × 0.5 = 10 of 20 (0.4999999999999999 × 20 in floating point); no verdict, excluded → 0.5
      survey: answerRows("a", "Q1", [...repeat(7, "A"), ...repeat(3, "C")]),
      // b: partial → 5 of 10, no answers, excluded → 0.5; c: met → 1
      documents: [verdictRow("b", "S3", "partial"), verdictRow("c", "S3", "met")],
    });
    expect(results.cities.map((c) => [c.cityId, c.rank.overall])).toEqual([
      ["a", 2],
      ["b", 2],
      ["c", 1],
    ]);
  });

  it("tells a real difference, however small, from rounding, and does not chain near-equal ratios", async () => {
    // marks 50, 49.99999999, 49.99999998: ratios apart by 1e-10, far above rounding (1e-12)
    expect(
      await ranks([
        ["a", 50],
        ["b", 49.99999999],
        ["c", 49.99999998],
        ["d", 49.99999998],
      ]),
    ).toEqual({
      a: [1, null],
      b: [2, null],
      c: [3, null],
      d: [3, null],
    });
    // ratios 0.5, 0.5 − 0.8e-12, 0.5 − 1.6e-12: b is within rounding of a, c of b but not of a
    expect(
      await ranks([
        ["a", 50],
        ["b", 49.99999999992],
        ["c", 49.99999999984],
      ]),
    ).toEqual({
      a: [1, null],
      b: [1, null],
      c: [3, null],
    });
  });

  it("ranks by ratio, not by score", async () => {
    const exclude = ruleset([markStandard(), documentStandard()], { missingEvidence: "exclude" });
    const results = await score(exclude, {
      cities: [cityRow("a"), cityRow("b")],
      // a: 90 + met 10 = 100 of 110 → 0.909…; b: 95 of 100 (no verdict, excluded) → 0.95
      facts: [factRow("a", "mark", 90), factRow("b", "mark", 95)],
      documents: [verdictRow("a", "S3", "met")],
    });
    expect(results.cities.map((c) => [c.cityId, c.score, c.max, c.rank.overall])).toEqual([
      ["a", 100, 110, 2],
      ["b", 95, 100, 1],
    ]);
  });

  it("lists cities in city_id order whatever the order of cities.csv", async () => {
    const results = await score(rs, { cities: ["b", "a", "Z", "9", "10", "北京", "上海"].map((id) => cityRow(id)) });
    // by code point: "1" (0x31) < "9" (0x39) < "Z" (0x5A) < "a" (0x61) < "b" < "上" (U+4E0A) < "北" (U+5317)
    expect(results.cities.map((c) => c.cityId)).toEqual(["10", "9", "Z", "a", "b", "上海", "北京"]);
  });
});
