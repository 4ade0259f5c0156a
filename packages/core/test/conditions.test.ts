/**
 * Conditions of vetoes, penalties and `appliesTo` (SPEC sections 1 and 3): every operator of the
 * spec's list, and a fact a leaf names but the city lacks — that leaf is false (before any `not`
 * above it), whatever the operator, and the fact is listed under the city's warnings.
 */
import { describe, expect, it } from "vitest";
import { type Condition, CONDITION_OPERATORS } from "../src/index.js";
import { cityRow, factRow } from "./support/evidence-builders.js";
import { scoreCity } from "./support/outcomes.js";
import { leaf, markStandard, penalty, ruleset } from "./support/ruleset-builders.js";

const rulesetWith = (conditions: Condition) => ruleset([markStandard()], { adjustments: [penalty("P1", 10, conditions)] });

/** Whether the penalty holds for a city with the given facts (facts.csv) and text attributes (cities.csv). */
async function holds(conditions: Condition, facts: Record<string, number> = {}, attributes: Record<string, string> = {}) {
  const city = await scoreCity(rulesetWith(conditions), {
    cities: [cityRow("a", attributes)],
    facts: [factRow("a", "mark", 80), ...Object.entries(facts).map(([f, v]) => factRow("a", f, v))],
  });
  const check = city.adjustmentChecks.find((a) => a.id === "P1");
  // the penalty's effect agrees with its check: 80 − 10 = 70 when held, 80 otherwise
  expect(city.score).toBe(check?.held ? 70 : 80);
  return { held: check?.held, warnings: city.warnings };
}

describe("operators", () => {
  it.each([
    ["equal", 3, 3, true],
    ["equal", 3, 4, false],
    ["notEqual", 3, 4, true],
    ["notEqual", 3, 3, false],
    ["lessThan", 3, 4, true],
    ["lessThan", 4, 4, false],
    ["lessThanInclusive", 4, 4, true],
    ["lessThanInclusive", 5, 4, false],
    ["greaterThan", 5, 4, true],
    ["greaterThan", 4, 4, false],
    ["greaterThanInclusive", 4, 4, true],
    ["greaterThanInclusive", 3, 4, false],
    ["in", 3, [1, 3], true],
    ["in", 2, [1, 3], false],
    ["notIn", 2, [1, 3], true],
    ["notIn", 3, [1, 3], false],
  ])("%s with the fact %j and the value %j is %s", async (operator, fact, value, expected) => {
    expect((await holds(leaf("x", operator, value), { x: fact })).held).toBe(expected);
  });

  it.each([
    ["equal", "东部沿海", "东部沿海", true],
    ["equal", "东部沿海", "东部", false],
    ["notEqual", "东部沿海", "东部", true],
    ["in", "省会", ["省会", "副省级"], true],
    ["notIn", "地级", ["省会", "副省级"], true],
    ["contains", "东部沿海", "沿海", true],
    ["contains", "东部沿海", "内陆", false],
    ["doesNotContain", "东部沿海", "内陆", true],
    ["doesNotContain", "东部沿海", "沿海", false],
  ])("%s with the text attribute %j and the value %j is %s", async (operator, attribute, value, expected) => {
    expect((await holds(leaf("region", operator, value), {}, { region: attribute })).held).toBe(expected);
  });

  it("covers every operator the spec lists", () => {
    expect([...CONDITION_OPERATORS].sort()).toEqual(
      [
        "equal",
        "notEqual",
        "lessThan",
        "lessThanInclusive",
        "greaterThan",
        "greaterThanInclusive",
        "in",
        "notIn",
        "contains",
        "doesNotContain",
      ].sort(),
    );
  });
});

describe("a fact the city lacks", () => {
  // The value of each case would make the leaf true for most present values (notEqual 1,
  // notIn [1], doesNotContain "x" all hold on an absent value under plain comparison).
  it.each([
    ["equal", 0],
    ["notEqual", 1],
    ["lessThan", 100],
    ["lessThanInclusive", 100],
    ["greaterThan", -100],
    ["greaterThanInclusive", -100],
    ["in", [1, 2]],
    ["notIn", [1, 2]],
    ["contains", "x"],
    ["doesNotContain", "x"],
  ])("makes a %s leaf false and is listed under warnings", async (operator, value) => {
    const { held, warnings } = await holds(leaf("absent", operator, value), { other: 1 });
    expect(held).toBe(false);
    expect(warnings.map((w) => [w.code, w.fact, w.source])).toEqual([["missing_fact", "absent", "P1"]]);
  });

  it("makes the leaf false before a not above it, so the not holds", async () => {
    // leaf(absent notEqual 1) is false → not(false) = true → the penalty holds
    const { held, warnings } = await holds({ not: leaf("absent", "notEqual", 1) });
    expect(held).toBe(true);
    expect(warnings.map((w) => w.fact)).toEqual(["absent"]);
  });

  it("makes a notIn leaf under not false, so the not holds", async () => {
    // leaf(absent notIn [1]) is false → not → true
    expect((await holds({ not: leaf("absent", "notIn", [1]) })).held).toBe(true);
  });

  it("is false inside all, and leaves any to its other leaves", async () => {
    // all: [present 5 > 1 (true), absent (false)] → false
    expect((await holds({ all: [leaf("x", "greaterThan", 1), leaf("absent", "equal", 1)] }, { x: 5 })).held).toBe(false);
    // any: [present 5 > 1 (true), absent (false)] → true, and the absent fact is still reported
    const anyOutcome = await holds({ any: [leaf("x", "greaterThan", 1), leaf("absent", "equal", 1)] }, { x: 5 });
    expect(anyOutcome.held).toBe(true);
    expect(anyOutcome.warnings.map((w) => w.fact)).toEqual(["absent"]);
  });

  it("is not reported when the city has the fact, even with the value 0", async () => {
    const { held, warnings } = await holds(leaf("x", "equal", 0), { x: 0 });
    expect(held).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("is not reported when the fact is a cities.csv attribute", async () => {
    const { warnings } = await holds(leaf("region", "equal", "东部"), {}, { region: "东部" });
    expect(warnings).toEqual([]);
  });
});
