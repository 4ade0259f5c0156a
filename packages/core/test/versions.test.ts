/**
 * Versions of rule sets (SPEC section 1): "the newest version" by SemVer precedence, and the
 * dates a rule set is in force.
 */
import { describe, expect, it } from "vitest";
import { compareVersions, isEffectiveOn, isIsoDate, pickRuleset } from "../src/index.js";

describe("compareVersions", () => {
  it("orders by SemVer precedence: numbers as numbers, a pre-release before its release, identifiers one by one", () => {
    const ordered = [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
      "1.2.0",
      "1.10.0",
      "2021.1.0",
      "2024.1.0",
    ];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort(compareVersions)).toEqual(ordered);
    expect(compareVersions("1.0.0+build.1", "1.0.0+build.2")).toBe(0);
  });

  it("makes the newest version of an id the highest one", () => {
    const versions = ["1.0.0-rc.2", "1.0.0-rc.10"].map((version) => ({
      path: `base/${version}.yaml`,
      data: { id: "base", version, effectiveFrom: "2020-01-01" },
    }));
    expect(pickRuleset(versions, "base")?.path).toBe("base/1.0.0-rc.10.yaml");
  });
});

describe("dates", () => {
  it("puts a rule set in force from effectiveFrom up to, not including, effectiveTo", () => {
    const ruleset = { effectiveFrom: "2021-01-01", effectiveTo: "2024-01-01" };
    expect(["2020-12-31", "2021-01-01", "2023-12-31", "2024-01-01"].map((d) => isEffectiveOn(ruleset, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it("knows a calendar date when it sees one", () => {
    expect(["2024-02-29", "2021-01-01"].every(isIsoDate)).toBe(true);
    expect(["2023-02-29", "2021-13-01", "abc", "2021/01/01", "20210101", "2021-1-1"].some(isIsoDate)).toBe(false);
  });
});
