/**
 * Rule-set resolution (SPEC section 1) on documents held in memory: the version a reference
 * names (exact, in force on a date, SemVer precedence), the chain of `extends` walked once
 * (unknown bases, cycles), each document checked on its own with every problem in its file at
 * its line, duplicate `id@version`, a patch of one id twice, and the rule set a results.json
 * records found again by its lineage and hash.
 */
import { describe, expect, it } from "vitest";
import {
  checkRuleset,
  formatIssue,
  formatPath,
  parseRuleset,
  type Resolution,
  type Ruleset,
  type RulesetIssue,
  resolveRecordedRuleset,
  resolveRuleset,
} from "../src/index.js";
import { baseData, type Data, edited, overlayData } from "./support/ruleset-builders.js";
import { documentOf, lineOf } from "./support/ruleset-documents.js";

const v1 = documentOf("base/1.0.0.yaml", baseData({ effectiveTo: "2024-01-01" }));
const v2 = documentOf(
  "base/2.0.0.yaml",
  baseData({ version: "2.0.0", effectiveFrom: "2024-01-01", title: "第二版（示例）", missingEvidence: "exclude" }),
);
const overlay = (path: string, extra: Data = {}) => documentOf(path, overlayData(extra));

function resolved(resolution: Resolution): Ruleset {
  if (!resolution.ok) throw new Error(`expected a rule set:\n${resolution.issues.map(formatIssue).join("\n")}`);
  return resolution.ruleset;
}

function refused(resolution: Resolution): readonly RulesetIssue[] {
  if (resolution.ok) throw new Error("expected the rule set to be refused");
  return resolution.issues;
}

/** `file:line path code` of each issue. */
const placed = (issues: readonly RulesetIssue[]) => issues.map((i) => `${i.file}:${i.line} ${formatPath(i.path)} ${i.code}`);

describe("the version a reference names", () => {
  it("is exact for id@version, whatever the date", () => {
    const resolution = resolveRuleset([v1, v2], "base@1.0.0", { asOf: "2030-01-01" });
    expect(resolved(resolution).version).toBe("1.0.0");
    expect(resolution.ok && resolution.chain.map((d) => d.path)).toEqual(["base/1.0.0.yaml"]);
  });

  it("is, for a bare id, the newest version in force on the as-of date", () => {
    expect(resolved(resolveRuleset([v2, v1], "base", { asOf: "2023-12-31" })).version).toBe("1.0.0");
    expect(resolved(resolveRuleset([v1, v2], "base", { asOf: "2024-01-01" })).version).toBe("2.0.0");
    expect(refused(resolveRuleset([v1, v2], "base", { asOf: "2020-06-01" }))).toEqual([
      { code: "unknown_ruleset", path: [], message: "no rule set base in force on 2020-06-01 (known: base@1.0.0, base@2.0.0)" },
    ]);
  });

  it("is no longer in force on its effectiveTo date, for the reference and for an extends", () => {
    expect(resolved(resolveRuleset([v1], "base", { asOf: "2023-12-31" })).version).toBe("1.0.0");
    expect(refused(resolveRuleset([v1], "base", { asOf: "2024-01-01" })).map((i) => i.code)).toEqual(["unknown_ruleset"]);
    const local = overlay("local.yaml", { extends: "base" });
    const issues = refused(resolveRuleset([v1, local], "local@1.0.0", { asOf: "2024-01-01" }));
    expect(placed(issues)).toEqual([`local.yaml:${lineOf(local, "extends:")} extends unknown_base`]);
    expect(issues[0]?.message).toBe('unknown base rule set "base" in force on 2024-01-01');
  });

  it("orders pre-releases by SemVer precedence: rc.2 before rc.10 before the release", () => {
    const at = (version: string) => documentOf(`base/${version}.yaml`, baseData({ version }));
    const candidates = [at("1.0.0-rc.10"), at("1.0.0-rc.2")];
    expect(resolved(resolveRuleset(candidates, "base", { asOf: "2024-01-01" })).version).toBe("1.0.0-rc.10");
    const local = overlay("local.yaml", { extends: "base" });
    expect(resolved(resolveRuleset([...candidates, local], "local@1.0.0", { asOf: "2024-01-01" })).lineage[0]).toBe("base@1.0.0-rc.10");
    expect(resolved(resolveRuleset([at("1.0.0"), ...candidates], "base", { asOf: "2024-01-01" })).version).toBe("1.0.0");
  });

  it("names a document by its path, as a file given on the command line", () => {
    const local = overlay("elsewhere/local.yaml");
    expect(resolved(resolveRuleset([v1, v2, local], { path: "elsewhere/local.yaml" })).lineage).toEqual(["base@1.0.0", "local@1.0.0"]);
  });
});

describe("the chain of extends", () => {
  const city = overlay("local/city.yaml", { id: "city", scale: 110, patch: { standards: [{ id: "S1.1.1", points: 40 }] } });
  const district = overlay("local/district.yaml", {
    id: "district",
    version: "2.0.0",
    extends: "city",
    patch: { standards: [{ id: "S1.1.1", name: "农贸市场（区细则）" }] },
    remove: { adjustments: ["V01"] },
  });

  it("is resolved base first, with the lineage of documents and the hash of the resolved rule set", () => {
    const resolution = resolveRuleset([district, city, v1], "district@2.0.0", { asOf: "2023-06-01" });
    const ruleset = resolved(resolution);
    expect(ruleset.lineage).toEqual(["base@1.0.0", "city@1.0.0", "district@2.0.0"]);
    expect(resolution.ok && resolution.chain.map((d) => d.path)).toEqual(["base/1.0.0.yaml", "local/city.yaml", "local/district.yaml"]);
    expect(ruleset.index.standardById.get("S1.1.1")?.standard).toMatchObject({ points: 40, name: "农贸市场（区细则）" });
    expect(ruleset.adjustments.map((a) => a.id)).toEqual(["P01"]);
    // the hash is that of the resolved rule set: written out as a base rule set, it hashes the same
    expect(ruleset.hash).toBe(parseRuleset(ruleset.resolved).hash);
    const otherCity = overlay("local/city.yaml", { id: "city", scale: 115, patch: { standards: [{ id: "S1.1.1", points: 45 }] } });
    expect(resolved(resolveRuleset([district, otherCity, v1], "district@2.0.0", { asOf: "2023-06-01" })).hash).not.toBe(ruleset.hash);
  });

  it("refuses an unknown base at the overlay's extends, in its file and at its line", () => {
    const local = overlay("local.yaml", { extends: "nowhere@1.0.0" });
    const issues = refused(resolveRuleset([v1, local], "local@1.0.0"));
    expect(issues).toEqual([
      {
        code: "unknown_base",
        path: ["extends"],
        message: 'unknown base rule set "nowhere@1.0.0"',
        file: "local.yaml",
        line: lineOf(local, "extends:"),
        column: "extends: ".length + 1,
      },
    ]);
  });

  it("finds a cycle a → b → a in the file that closes it, and a file extending itself", () => {
    const a = overlay("a.yaml", { id: "a", extends: "b@1.0.0" });
    const b = overlay("b.yaml", { id: "b", extends: "a@1.0.0" });
    const issues = refused(resolveRuleset([a, b], "a@1.0.0"));
    expect(placed(issues)).toEqual([
      `a.yaml:${lineOf(a, "extends:")} extends invalid_base`,
      `b.yaml:${lineOf(b, "extends:")} extends cycle`,
    ]);
    expect(issues[1]?.message).toBe("cycle of extends: a@1.0.0 → b@1.0.0 → a@1.0.0");
    const self = overlay("self.yaml", { id: "self", extends: "self" });
    const own = refused(resolveRuleset([self], { path: "self.yaml" }, { asOf: "2024-01-01" }));
    expect(own.map((i) => [i.file, i.code, i.message])).toEqual([["self.yaml", "cycle", "cycle of extends: self@1.0.0 → self@1.0.0"]]);
  });

  it("reports a fault of the base in the base's file at its line, with a note at the overlay's extends", () => {
    const broken = documentOf(
      "base/1.0.0.yaml",
      edited(baseData(), (d) => (d.categories[1].contents[0].standards[0].points = -20)),
    );
    const local = overlay("local.yaml");
    const issues = refused(resolveRuleset([broken, local], "local@1.0.0"));
    expect(placed(issues)).toEqual([
      `local.yaml:${lineOf(local, "extends:")} extends invalid_base`,
      `base/1.0.0.yaml:${lineOf(broken, "points: -20")} categories[1].contents[0].standards[0].points invalid_value`,
      `base/1.0.0.yaml:${lineOf(broken, "scale:")} scale scale_mismatch`,
    ]);
    expect(issues[0]?.message).toBe("its base base@1.0.0 (base/1.0.0.yaml) has problems, listed below");
  });

  it("reports a fault an overlay causes in the item it patches at its patch entry, naming the field", () => {
    const local = overlay("local.yaml", { patch: { standards: [{ id: "S2.1.1", method: "data", floor: 0, target: 1 }] } });
    const issues = refused(resolveRuleset([v1, local], "local@1.0.0"));
    expect(placed(issues)).toEqual([`local.yaml:${lineOf(local, "id: S2.1.1")} patch.standards[0] missing_key`]);
    expect(issues[0]?.message).toBe("fact: required (string) (in the item as patched)");
  });

  it("checks an overlay between two others on its own, in its own file", () => {
    const brokenCity = overlay("local/city.yaml", { id: "city", patch: { standards: [{ id: "S9.9.9", points: 1 }] } });
    const issues = refused(resolveRuleset([district, brokenCity, v1], "district@2.0.0"));
    expect(placed(issues)).toEqual([
      `local/district.yaml:${lineOf(district, "extends:")} extends invalid_base`,
      `local/city.yaml:${lineOf(brokenCity, "id: S9.9.9")} patch.standards[0].id overlay_target_missing`,
    ]);
    expect(issues[0]?.message).toContain("its base city@1.0.0 (local/city.yaml)");
  });
});

describe("two documents with the same id@version", () => {
  const copy = documentOf("copy/base.yaml", baseData({ effectiveTo: "2024-01-01" }));

  it("refuse any lookup by id, naming both files", () => {
    const other = documentOf("other.yaml", baseData({ id: "other" }));
    for (const reference of ["base@1.0.0", "other"]) {
      expect(refused(resolveRuleset([v1, other, copy], reference))).toEqual([
        {
          code: "duplicate_ruleset",
          path: ["id"],
          message: "base@1.0.0 is defined twice (also in base/1.0.0.yaml)",
          file: "copy/base.yaml",
          line: lineOf(copy, "id: base"),
          column: "id: ".length + 1,
        },
      ]);
    }
  });

  it("refuse an overlay given by path, which looks its base up; a base given by path is checked alone", () => {
    const local = overlay("local.yaml");
    expect(refused(resolveRuleset([v1, copy, local], { path: "local.yaml" })).map((i) => i.code)).toEqual(["duplicate_ruleset"]);
    expect(resolved(resolveRuleset([v1, copy], { path: "copy/base.yaml" })).version).toBe("1.0.0");
  });
});

describe("an overlay patching one id twice", () => {
  const twice = overlay("local.yaml", {
    scale: 110,
    patch: {
      standards: [
        { id: "S1.1.1", points: 40 },
        { id: "S1.1.1", name: "农贸市场（细则）" },
      ],
      adjustments: [
        { id: "P01", points: 5 },
        { id: "V01", name: "重大事故（细则）" },
        { id: "P01", name: "媒体曝光（细则）" },
      ],
    },
  });

  it("is invalid, at the second entry, naming the first", () => {
    const issues = refused(resolveRuleset([v1, twice], "local@1.0.0"));
    expect(issues).toEqual([
      {
        code: "duplicate_patch",
        path: ["patch", "standards", 1],
        message: 'standard "S1.1.1" is patched twice: also by patch.standards[0] (give its fields in one entry)',
        file: "local.yaml",
        line: lineOf(twice, "id: S1.1.1", "points: 40"),
        column: 7,
      },
      {
        code: "duplicate_patch",
        path: ["patch", "adjustments", 2],
        message: 'adjustment "P01" is patched twice: also by patch.adjustments[0] (give its fields in one entry)',
        file: "local.yaml",
        line: lineOf(twice, "id: P01", "id: V01"),
        column: 7,
      },
    ]);
  });

  it("is invalid through checkRuleset too, while one entry per id is fine", () => {
    expect(checkRuleset(twice.data, { bases: [v1.data] }).ok).toBe(false);
    const once = overlayData({ scale: 110, patch: { standards: [{ id: "S1.1.1", points: 40, name: "农贸市场（细则）" }] } });
    expect(checkRuleset(once, { bases: [v1.data] }).ok).toBe(true);
  });
});

describe("the rule set a results.json records", () => {
  // scored on 2023-06-01, when `extends: base` named base@1.0.0; base@2.0.0 is in force since
  const local = overlay("local/local.yaml", { extends: "base" });
  const documents = [v1, v2, local];
  const scored = resolved(resolveRuleset(documents, "local@1.0.0", { asOf: "2023-06-01" }));
  const recorded = { id: scored.id, version: scored.version, hash: scored.hash, lineage: scored.lineage };

  it("is found through the recorded lineage when it resolves to the recorded hash, whatever is in force today", () => {
    expect(recorded.lineage).toEqual(["base@1.0.0", "local@1.0.0"]);
    expect(resolved(resolveRuleset(documents, "local@1.0.0", { asOf: "2025-01-01" })).lineage[0]).toBe("base@2.0.0");
    const found = resolveRecordedRuleset(documents, recorded);
    expect(found?.hash).toBe(recorded.hash);
    expect(found?.lineage).toEqual(["base@1.0.0", "local@1.0.0"]);
    expect(found?.title).toBe(scored.title);
  });

  it("is found when its version is in force only on another date", () => {
    const old = resolved(resolveRuleset([v1, v2], "base@1.0.0"));
    const found = resolveRecordedRuleset([v2, v1], { id: "base", version: "1.0.0", hash: old.hash, lineage: ["base@1.0.0"] });
    expect(found?.version).toBe("1.0.0");
  });

  it("is not used when it resolves to another hash (a file edited since)", () => {
    const edited = overlay("local/local.yaml", { extends: "base", title: "地方实施细则（修订）" });
    expect(resolveRecordedRuleset([v1, v2, edited], recorded)).toBeUndefined();
    expect(resolveRecordedRuleset(documents, { ...recorded, hash: `sha256:${"0".repeat(64)}` })).toBeUndefined();
  });

  it("is not used when the recorded chain cannot be followed", () => {
    expect(resolveRecordedRuleset(documents, { ...recorded, lineage: ["base@2.0.0", "local@1.0.0"] })).toBeUndefined();
    expect(resolveRecordedRuleset(documents, { ...recorded, lineage: ["local@1.0.0"] })).toBeUndefined();
    expect(resolveRecordedRuleset([v2, local], recorded)).toBeUndefined();
    const pinned = overlay("local/local.yaml", { extends: "base@2.0.0" });
    expect(resolveRecordedRuleset([v1, v2, pinned], recorded)).toBeUndefined();
  });
});
