/**
 * Local overlays (地方实施细则, SPEC section 1): extends, patch, add, remove, top-level fields,
 * overlays of overlays (base first), every overlay error, and validation of the resolved rule
 * set with problems reported at their path in the overlay.
 */
import { describe, expect, it } from "vitest";
import { checkRuleset, parseRuleset, type Ruleset } from "../src/index.js";
import { issueKeys, issuesOf } from "./support/outcomes.js";
import { baseData, type Data, documentStandard, fieldStandard, overlayData } from "./support/ruleset-builders.js";

const bases = [baseData()];
const resolve = (overlay: Data, known: readonly unknown[] = bases): Ruleset => parseRuleset(overlay, { bases: known });
const standard = (ruleset: Ruleset, id: string) => ruleset.index.standardById.get(id)?.standard;
const standardIds = (ruleset: Ruleset) => ruleset.index.standards.map((p) => p.standard.id);
const adjustmentIds = (ruleset: Ruleset) => ruleset.adjustments.map((a) => a.id);

describe("extends", () => {
  it("resolves an overlay without operations to its base under the overlay's identity", () => {
    const ruleset = resolve(overlayData());
    expect(ruleset).toMatchObject({
      id: "local",
      version: "1.0.0",
      title: "地方实施细则（示例）",
      effectiveFrom: "2023-01-01",
      scale: 100,
    });
    expect(ruleset.lineage).toEqual(["base@1.0.0", "local@1.0.0"]);
    expect(standardIds(ruleset)).toEqual(["S1.1.1", "S1.1.2", "S2.1.1", "S2.1.2", "S2.2.1"]);
    expect(adjustmentIds(ruleset)).toEqual(["V01", "P01"]);
  });

  it("does not inherit the base's effectiveTo, description or $schema", () => {
    const base = baseData({ effectiveTo: "2030-01-01", description: "基础", $schema: "../schema.json" });
    const ruleset = resolve(overlayData(), [base]);
    expect(ruleset.effectiveTo).toBeUndefined();
    expect(ruleset.resolved).not.toHaveProperty("effectiveTo");
    expect(ruleset.resolved).not.toHaveProperty("description");
    expect(ruleset.resolved).not.toHaveProperty("$schema");
    expect(resolve(overlayData({ effectiveTo: "2025-01-01" }), [base]).effectiveTo).toBe("2025-01-01");
  });

  it("picks the newest version for a bare id, or the one in force on asOf", () => {
    const v1 = baseData({ effectiveTo: "2024-01-01" });
    const v2 = baseData({ version: "2.0.0", effectiveFrom: "2024-01-01", title: "第二版（示例）" });
    const overlay = overlayData({ extends: "base" });
    expect(parseRuleset(overlay, { bases: [v1, v2] }).lineage).toEqual(["base@2.0.0", "local@1.0.0"]);
    expect(parseRuleset(overlay, { bases: [v2, v1], asOf: "2023-06-01" }).lineage).toEqual(["base@1.0.0", "local@1.0.0"]);
    expect(parseRuleset(overlayData({ extends: "base@1.0.0" }), { bases: [v1, v2] }).lineage[0]).toBe("base@1.0.0");
  });

  it("does not change the base data it resolves against", () => {
    const base = baseData();
    const before = structuredClone(base);
    resolve(
      overlayData({
        scale: 110,
        patch: { standards: [{ id: "S1.1.1", points: 40 }] },
        add: {
          adjustments: [{ id: "P09", kind: "penalty", name: "新增", points: 5, conditions: { fact: "x", operator: "equal", value: 1 } }],
        },
        remove: { adjustments: ["V01"] },
        departments: [{ id: "cgj", name: "城管委" }],
      }),
      [base],
    );
    expect(base).toEqual(before);
  });
});

describe("patch", () => {
  it("merges the given fields of a standard, matched by id, and keeps the others", () => {
    const ruleset = resolve(overlayData({ scale: 110, patch: { standards: [{ id: "S1.1.1", points: 40, name: "农贸市场（细则）" }] } }));
    expect(standard(ruleset, "S1.1.1")).toMatchObject({
      points: 40,
      name: "农贸市场（细则）",
      method: "field",
      siteTypes: ["market"],
      responsible: ["cgj", "scj"],
    });
    expect(standardIds(ruleset)).toEqual(["S1.1.1", "S1.1.2", "S2.1.1", "S2.1.2", "S2.2.1"]);
  });

  it("finds a standard in any category and content", () => {
    const ruleset = resolve(overlayData({ scale: 95, patch: { standards: [{ id: "S2.2.1", points: 25 }] } }));
    expect(standard(ruleset, "S2.2.1")).toMatchObject({ points: 25, siteTypes: ["road"] });
  });

  it("is shallow: a list given replaces the base's list", () => {
    const ruleset = resolve(
      overlayData({ patch: { standards: [{ id: "S1.1.1", checks: [{ id: "K009", name: "新问题", deduction: 5 }] }] } }),
    );
    expect(standard(ruleset, "S1.1.1")).toMatchObject({ checks: [{ id: "K009", name: "新问题", deduction: 5 }] });
    expect(ruleset.index.checkById.has("K001")).toBe(false);
  });

  it("merges the given fields of an adjustment", () => {
    const ruleset = resolve(
      overlayData({
        patch: {
          adjustments: [
            { id: "P01", points: 20 },
            { id: "V01", name: "重大事故（细则）" },
          ],
        },
      }),
    );
    expect(ruleset.adjustments).toEqual([
      expect.objectContaining({ id: "V01", kind: "veto", name: "重大事故（细则）" }),
      expect.objectContaining({ id: "P01", kind: "penalty", name: "媒体曝光", points: 20 }),
    ]);
  });

  it("can patch several standards and adjustments at once", () => {
    const ruleset = resolve(
      overlayData({
        scale: 100,
        patch: {
          standards: [
            { id: "S1.1.1", points: 25 },
            { id: "S2.2.1", points: 35 },
          ],
          adjustments: [{ id: "P01", points: 1 }],
        },
      }),
    );
    expect([standard(ruleset, "S1.1.1")?.points, standard(ruleset, "S2.2.1")?.points]).toEqual([25, 35]);
  });
});

describe("add", () => {
  it("adds a standard at the end of the named content", () => {
    const ruleset = resolve(
      overlayData({ scale: 110, add: { standards: [{ content: "C1.1", standard: documentStandard({ id: "S1.1.9" }) }] } }),
    );
    expect(ruleset.index.standardById.get("S1.1.9")).toMatchObject({ category: { id: "C1" }, content: { id: "C1.1" } });
    expect(standardIds(ruleset)).toEqual(["S1.1.1", "S1.1.2", "S1.1.9", "S2.1.1", "S2.1.2", "S2.2.1"]);
  });

  it("adds standards into contents of different categories", () => {
    const ruleset = resolve(
      overlayData({
        scale: 120,
        add: {
          standards: [
            { content: "C2.2", standard: documentStandard({ id: "S2.2.9" }) },
            { content: "C1.1", standard: documentStandard({ id: "S1.1.9" }) },
          ],
        },
      }),
    );
    expect(standardIds(ruleset)).toEqual(["S1.1.1", "S1.1.2", "S1.1.9", "S2.1.1", "S2.1.2", "S2.2.1", "S2.2.9"]);
  });

  it("adds adjustments after the base's", () => {
    const penalty = {
      id: "P09",
      kind: "penalty",
      name: "新增负面清单",
      points: 5,
      conditions: { all: [{ fact: "x", operator: "greaterThan", value: 0 }] },
    };
    const ruleset = resolve(overlayData({ add: { adjustments: [penalty] } }));
    expect(adjustmentIds(ruleset)).toEqual(["V01", "P01", "P09"]);
    expect(ruleset.adjustments[2]).toMatchObject({ points: 5 });
  });

  it("adds adjustments to a base that has none", () => {
    const base = baseData({ adjustments: undefined });
    const veto = { id: "V09", kind: "veto", name: "新增否决", conditions: { fact: "x", operator: "equal", value: 1 } };
    expect(adjustmentIds(resolve(overlayData({ add: { adjustments: [veto] } }), [base]))).toEqual(["V09"]);
  });
});

describe("remove", () => {
  it("removes standards wherever they are", () => {
    const ruleset = resolve(overlayData({ scale: 70, remove: { standards: ["S1.1.2", "S2.1.1"] } }));
    expect(standardIds(ruleset)).toEqual(["S1.1.1", "S2.1.2", "S2.2.1"]);
    expect(ruleset.index.surveyQuestions.size).toBe(0);
  });

  it("removes adjustments", () => {
    expect(adjustmentIds(resolve(overlayData({ remove: { adjustments: ["V01"] } })))).toEqual(["P01"]);
    expect(adjustmentIds(resolve(overlayData({ remove: { adjustments: ["V01", "P01"] } })))).toEqual([]);
  });

  it("is applied before patch and add: a removed id can be added again, not patched", () => {
    const replaced = resolve(
      overlayData({
        remove: { standards: ["S2.1.1"] },
        add: { standards: [{ content: "C2.1", standard: documentStandard({ id: "S2.1.1", name: "替换后的标准" }) }] },
      }),
    );
    expect(standard(replaced, "S2.1.1")).toMatchObject({ name: "替换后的标准" });
    expect(
      issueKeys(overlayData({ remove: { standards: ["S2.1.1"] }, patch: { standards: [{ id: "S2.1.1", points: 5 }] } }), { bases }),
    ).toContain("overlay_target_missing patch.standards.0.id");
  });
});

describe("top-level fields", () => {
  it("replace the base's title, scale, missingEvidence, grades and dynamic", () => {
    const grades = [
      { id: "good", name: "良好", minRatio: 0.8 },
      { id: "other", name: "其他", minRatio: 0 },
    ];
    const ruleset = resolve(
      overlayData({
        title: "新标题（示例）",
        scale: 110,
        missingEvidence: "exclude",
        grades,
        dynamic: { warningBelow: 0.8, removalBelow: 0.5 },
        patch: { standards: [{ id: "S2.1.1", points: 20 }] },
      }),
    );
    expect(ruleset).toMatchObject({
      title: "新标题（示例）",
      scale: 110,
      missingEvidence: "exclude",
      grades,
      dynamic: { warningBelow: 0.8, removalBelow: 0.5 },
    });
  });

  it("keep the base's when not given", () => {
    const base = baseData({ missingEvidence: "exclude", dynamic: { warningBelow: 0.75, removalBelow: 0.6 } });
    const ruleset = resolve(overlayData(), [base]);
    expect(ruleset).toMatchObject({ scale: 100, missingEvidence: "exclude", dynamic: { warningBelow: 0.75, removalBelow: 0.6 } });
    expect(ruleset.grades.map((g) => g.id)).toEqual(["excellent", "pass", "fail"]);
  });

  it("merge departments and site types by id: a known id is replaced in place, a new one appended", () => {
    const ruleset = resolve(
      overlayData({
        departments: [
          { id: "wjw", name: "卫生健康委员会" },
          { id: "cgj", name: "城市管理委员会" },
        ],
        siteTypes: [{ id: "park", name: "公园" }],
        add: { standards: [{ content: "C1.1", standard: documentStandard({ id: "S1.1.9", responsible: ["wjw"], points: 10 }) }] },
        scale: 110,
      }),
    );
    expect(ruleset.departments).toEqual([
      { id: "cgj", name: "城市管理委员会" },
      { id: "scj", name: "市场监督管理局" },
      { id: "wjw", name: "卫生健康委员会" },
    ]);
    expect(ruleset.siteTypes.map((s) => s.id)).toEqual(["market", "road", "park"]);
  });
});

describe("an overlay of an overlay", () => {
  const city = overlayData({
    id: "city",
    scale: 110,
    add: { standards: [{ content: "C1.1", standard: documentStandard({ id: "S1.1.9" }) }] },
    remove: { adjustments: ["V01"] },
  });
  const district = overlayData({
    id: "district",
    version: "2.0.0",
    extends: "city@1.0.0",
    scale: 115,
    patch: { standards: [{ id: "S1.1.9", points: 15 }] },
  });

  it("is resolved base first, seeing what the overlay below added and removed", () => {
    const ruleset = resolve(district, [baseData(), city]);
    expect(ruleset.lineage).toEqual(["base@1.0.0", "city@1.0.0", "district@2.0.0"]);
    expect(standard(ruleset, "S1.1.9")).toMatchObject({ points: 15 });
    expect(adjustmentIds(ruleset)).toEqual(["P01"]);
    expect(ruleset.scale).toBe(115);
  });

  it("cannot remove what the overlay below already removed", () => {
    const again = { ...district, remove: { adjustments: ["V01"] } };
    const issues = issuesOf(again, { bases: [baseData(), city] });
    expect(issues).toEqual([expect.objectContaining({ code: "overlay_target_missing", path: ["remove", "adjustments", 0] })]);
    expect(issues[0]?.message).toContain("city@1.0.0");
  });

  it("reports the errors of the overlay below, naming it", () => {
    const brokenCity = { ...city, patch: { standards: [{ id: "S9.9.9", points: 1 }] } };
    const issues = issuesOf(district, { bases: [baseData(), brokenCity] });
    expect(issues).toEqual([
      expect.objectContaining({ code: "overlay_target_missing", message: expect.stringContaining("in base city@1.0.0") }),
    ]);
  });
});

describe("overlay errors", () => {
  it("refuses an unknown base", () => {
    expect(issuesOf(overlayData({ extends: "nowhere@1.0.0" }), { bases })).toEqual([
      { code: "unknown_base", path: ["extends"], message: 'unknown base rule set "nowhere@1.0.0"' },
    ]);
    expect(issueKeys(overlayData({ extends: "base@9.9.9" }), { bases })).toEqual(["unknown_base extends"]);
    expect(issueKeys(overlayData({ extends: "base" }), { bases: [], asOf: "2024-01-01" })).toEqual(["unknown_base extends"]);
    expect(issueKeys(overlayData({ extends: "base" }), { bases, asOf: "2020-01-01" })).toEqual(["unknown_base extends"]);
  });

  it("refuses an extends that is not a rule-set reference", () => {
    expect(issueKeys(overlayData({ extends: "Base 1.0" }), { bases })).toEqual(["invalid_value extends"]);
    expect(issueKeys(overlayData({ extends: 5 }), { bases })).toEqual(["invalid_type extends"]);
  });

  it("refuses an overlay extending itself", () => {
    const self = overlayData({ extends: "local@1.0.0" });
    expect(issuesOf(self, { bases: [self] })).toEqual([expect.objectContaining({ code: "cycle", path: ["extends"] })]);
  });

  it("refuses a cycle of two or three overlays", () => {
    const a = overlayData({ id: "a", extends: "b@1.0.0" });
    const b = overlayData({ id: "b", extends: "a@1.0.0" });
    expect(issueKeys(a, { bases: [a, b] })).toEqual(["cycle extends"]);
    const x = overlayData({ id: "x", extends: "y@1.0.0" });
    const y = overlayData({ id: "y", extends: "z@1.0.0" });
    const z = overlayData({ id: "z", extends: "x@1.0.0" });
    const issues = issuesOf(x, { bases: [x, y, z] });
    expect(issues.map((i) => i.code)).toEqual(["cycle"]);
    expect(issues[0]?.message).toMatch(/x@1\.0\.0.*y@1\.0\.0.*z@1\.0\.0.*x@1\.0\.0/);
  });

  it.each([
    ["patching a standard", { patch: { standards: [{ id: "S9", points: 1 }] } }, "patch.standards.0.id"],
    ["patching an adjustment", { patch: { adjustments: [{ id: "P99", points: 1 }] } }, "patch.adjustments.0.id"],
    ["removing a standard", { remove: { standards: ["S9"] } }, "remove.standards.0"],
    ["removing an adjustment", { remove: { adjustments: ["V99"] } }, "remove.adjustments.0"],
    ["removing the same standard twice", { scale: 70, remove: { standards: ["S1.1.1", "S1.1.1"] } }, "remove.standards.1"],
    [
      "adding a standard into a content",
      { add: { standards: [{ content: "C9.9", standard: documentStandard({ id: "S1.1.9" }) }] } },
      "add.standards.0.content",
    ],
  ])("refuses %s that does not exist", (_what, operations, path) => {
    const issues = issuesOf(overlayData(operations), { bases });
    expect(issues.map((i) => `${i.code} ${i.path.join(".")}`)).toEqual([`overlay_target_missing ${path}`]);
    expect(issues[0]?.message).toContain("base@1.0.0");
  });

  it.each([
    [
      "a standard",
      { add: { standards: [{ content: "C2.1", standard: documentStandard({ id: "S1.1.1" }) }] } },
      "add.standards.0.standard.id",
    ],
    [
      "an adjustment",
      {
        add: {
          adjustments: [{ id: "P01", kind: "penalty", name: "重复", points: 1, conditions: { fact: "x", operator: "equal", value: 1 } }],
        },
      },
      "add.adjustments.0.id",
    ],
    [
      "a standard twice",
      {
        scale: 110,
        add: {
          standards: [
            { content: "C1.1", standard: documentStandard({ id: "S1.1.9" }) },
            { content: "C2.1", standard: documentStandard({ id: "S1.1.9" }) },
          ],
        },
      },
      "add.standards.1.standard.id",
    ],
  ])("refuses adding %s that already exists", (_what, operations, path) => {
    expect(issueKeys(overlayData(operations), { bases })).toEqual([`overlay_target_exists ${path}`]);
  });

  it("refuses additions that are not objects instead of ignoring them", () => {
    expect(
      issueKeys(overlayData({ add: { standards: [{ content: "C1.1", standard: "S1.1.9" }], adjustments: ["P09"] } }), { bases }),
    ).toEqual(["invalid_type add.standards.0.standard", "invalid_type add.adjustments.0"]);
  });

  it("refuses unknown keys in the overlay and in its operations", () => {
    expect(
      issueKeys(
        overlayData({
          categories: [],
          patch: { standard: [] },
          add: { standards: [{ content: "C1.1", standrd: documentStandard({ id: "S1.1.9" }) }] },
          remove: { adjustment: ["V01"] },
        }),
        { bases },
      ).sort(),
    ).toEqual(
      [
        "unknown_key categories",
        "unknown_key patch.standard",
        "missing_key add.standards.0.standard",
        "unknown_key add.standards.0.standrd",
        "unknown_key remove.adjustment",
      ].sort(),
    );
  });

  it("lists every overlay error at once, with the overlay's own faults", () => {
    const issues = issueKeys(
      overlayData({
        titel: "拼写错误",
        patch: { standards: [{ id: "S9", points: 1 }], adjustments: [{ id: "P01", points: 2 }] },
        add: { standards: [{ content: "C1.1", standard: documentStandard({ id: "S1.1.2" }) }] },
        remove: { standards: ["S8"], adjustments: ["V77"] },
      }),
      { bases },
    );
    expect(issues).toEqual([
      "unknown_key titel",
      "overlay_target_missing remove.standards.0",
      "overlay_target_missing remove.adjustments.0",
      "overlay_target_missing patch.standards.0.id",
      "overlay_target_exists add.standards.0.standard.id",
    ]);
  });
});

describe("the resolved rule set is validated", () => {
  it("refuses an inherited scale that no longer equals the points after a patch", () => {
    expect(issuesOf(overlayData({ patch: { standards: [{ id: "S1.1.1", points: 40 }] } }), { bases })).toEqual([
      { code: "scale_mismatch", path: ["scale"], message: expect.stringMatching(/100.*110/) },
    ]);
  });

  it("refuses an inherited scale after a standard is added or removed", () => {
    expect(
      issueKeys(overlayData({ add: { standards: [{ content: "C1.1", standard: documentStandard({ id: "S1.1.9" }) }] } }), { bases }),
    ).toEqual(["scale_mismatch scale"]);
    expect(issueKeys(overlayData({ remove: { standards: ["S2.1.2"] } }), { bases })).toEqual(["scale_mismatch scale"]);
  });

  it("refuses a restated scale that is wrong, and accepts a right one", () => {
    const patched = { patch: { standards: [{ id: "S1.1.1", points: 40 }] } };
    expect(issueKeys(overlayData({ ...patched, scale: 105 }), { bases })).toEqual(["scale_mismatch scale"]);
    expect(resolve(overlayData({ ...patched, scale: 110 })).scale).toBe(110);
  });

  it("reports a fault in a patch at its path in the overlay", () => {
    const issues = issueKeys(
      overlayData({
        patch: {
          standards: [{ id: "S1.1.2", floor: 0.95, pionts: 3 }],
          adjustments: [{ id: "P01", points: 0, conditions: { fact: "x", operator: "regex", value: 1 } }],
        },
      }),
      { bases },
    );
    // the patch entries' own faults first, then what they do to the patched items
    expect(issues).toEqual([
      "unknown_key patch.standards.0.pionts",
      "invalid_value patch.adjustments.0.points",
      "bad_condition patch.adjustments.0.conditions.operator",
      "invalid_value patch.standards.0.floor",
    ]);
  });

  it("reports a fault in an added item, or a merged department, at its path in the overlay", () => {
    const issues = issueKeys(
      overlayData({
        scale: 110,
        departments: [{ id: "wjw", name: "" }],
        add: {
          standards: [{ content: "C1.1", standard: documentStandard({ id: "S1.1.9", responsible: ["nobody"], levels: { good: 1 } }) }],
          adjustments: [{ id: "P09", kind: "penalty", name: "x", points: -1, conditions: { fact: "x", operator: "equal", value: 1 } }],
        },
      }),
      { bases },
    );
    expect(issues.sort()).toEqual(
      [
        "invalid_value departments.0.name",
        "unknown_key add.standards.0.standard.levels.good",
        "invalid_value add.adjustments.0.points",
        "unknown_reference add.standards.0.standard.responsible.0",
      ].sort(),
    );
  });

  it("refuses a patch that breaks a rule of its kind (survey floor above target, a veto with points)", () => {
    expect(issueKeys(overlayData({ patch: { standards: [{ id: "S1.1.2", floor: 0.95 }] } }), { bases })).toEqual([
      "invalid_value patch.standards.0.floor",
    ]);
    expect(issueKeys(overlayData({ patch: { adjustments: [{ id: "V01", points: 5 }] } }), { bases })).toEqual([
      "unknown_key patch.adjustments.0.points",
    ]);
  });

  it("refuses an overlay whose additions reference a site type or department that neither defines", () => {
    const field = fieldStandard({
      id: "S1.1.9",
      points: 10,
      siteTypes: ["mall"],
      checks: [{ id: "K001", name: "重复的问题", deduction: 1 }],
    });
    const keys = issueKeys(overlayData({ scale: 110, add: { standards: [{ content: "C1.1", standard: field }] } }), { bases });
    expect(keys.sort()).toEqual(
      ["duplicate_id add.standards.0.standard.checks.0.id", "unknown_reference add.standards.0.standard.siteTypes.0"].sort(),
    );
  });

  it("accepts the same addition once the overlay defines the site type", () => {
    const field = fieldStandard({ id: "S1.1.9", points: 10, siteTypes: ["mall"], checks: [{ id: "K901", name: "新问题", deduction: 1 }] });
    const ruleset = resolve(
      overlayData({ scale: 110, siteTypes: [{ id: "mall", name: "商场" }], add: { standards: [{ content: "C1.1", standard: field }] } }),
    );
    expect(ruleset.index.checkById.get("K901")?.standard.id).toBe("S1.1.9");
  });

  it("still validates a base referenced by an overlay: a broken base refuses the overlay", () => {
    const broken = baseData({ scale: 999 });
    expect(checkRuleset(overlayData(), { bases: [broken] }).ok).toBe(false);
  });
});

describe("categories, contents and checks (operations beyond the spec's standards and adjustments)", () => {
  it("adds, patches and removes checks of a field standard", () => {
    const ruleset = resolve(
      overlayData({
        add: { checks: [{ standard: "S1.1.1", check: { id: "K003", name: "乱扔垃圾", deduction: 1 } }] },
        patch: { checks: [{ id: "K002", deduction: 4 }] },
        remove: { checks: ["K001"] },
      }),
    );
    expect(standard(ruleset, "S1.1.1")).toMatchObject({
      checks: [
        { id: "K002", name: "占道经营", deduction: 4 },
        { id: "K003", name: "乱扔垃圾", deduction: 1 },
      ],
    });
  });

  it("adds a content to a category and removes a category", () => {
    const content = { id: "C1.2", name: "新内容", standards: [documentStandard({ id: "S1.2.1" })] };
    const ruleset = resolve(overlayData({ scale: 60, add: { contents: [{ category: "C1", content }] }, remove: { categories: ["C2"] } }));
    expect(standardIds(ruleset)).toEqual(["S1.1.1", "S1.1.2", "S1.2.1"]);
    expect(ruleset.categories.map((c) => c.id)).toEqual(["C1"]);
  });

  it("says so when the overlay itself removed what it patches, or adds an id twice", () => {
    const messages = issuesOf(
      overlayData({
        remove: { adjustments: ["P01"] },
        patch: { adjustments: [{ id: "P01", points: 5 }] },
        add: {
          checks: [
            { standard: "S1.1.1", check: { id: "K009", name: "x", deduction: 1 } },
            { standard: "S1.1.1", check: { id: "K009", name: "y", deduction: 1 } },
          ],
        },
      }),
      { bases },
    ).map((i) => i.message);
    expect(messages).toEqual([
      'no adjustment "P01" in base@1.0.0 (this overlay removes it)',
      'check "K009" is added twice by this overlay',
    ]);
  });

  it("refuses a check added to a standard that does not exist", () => {
    const add = { checks: [{ standard: "S9", check: { id: "K003", name: "x", deduction: 1 } }] };
    expect(issueKeys(overlayData({ add }), { bases })).toEqual(["overlay_target_missing add.checks.0.standard"]);
  });
});

describe("every problem of an overlay at once", () => {
  it("lists the overlay's own faults, its operations' errors and the resolved rule set's problems together", () => {
    const keys = issueKeys(
      overlayData({
        titel: "拼写错误",
        effectiveFrom: "2023-02-30",
        patch: {
          standards: [
            { id: "S1.1.1", points: 0 },
            { id: "S404", points: 1 },
          ],
        },
        remove: { adjustments: ["V01"] },
      }),
      { bases },
    );
    expect(keys.sort()).toEqual(
      [
        "unknown_key titel",
        "invalid_value effectiveFrom",
        "overlay_target_missing patch.standards.1.id",
        "invalid_value patch.standards.0.points",
        "scale_mismatch scale",
      ].sort(),
    );
  });
});
