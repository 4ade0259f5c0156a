/**
 * Rule-set validation (SPEC section 1): ids unique within their kind, references resolved,
 * numbers in range, scale, conditions, unknown keys, identity fields — and every problem of a
 * file reported at once, each at its path.
 */
import { describe, expect, it } from "vitest";
import { CONDITION_OPERATORS, checkRuleset, formatPath, parseRuleset, RulesetError } from "../src/index.js";
import { issueKeys, issuesOf } from "./support/outcomes.js";
import { baseData, type Data, edited, type Loose } from "./support/ruleset-builders.js";

// Paths of the base's items (see support/ruleset-builders.ts).
const FIELD = "categories.0.contents.0.standards.0";
const SURVEY = "categories.0.contents.0.standards.1";
const DOCUMENT = "categories.1.contents.0.standards.0";
const DATA = "categories.1.contents.0.standards.1";
const ROAD = "categories.1.contents.1.standards.0";

/** The base with one standard or item bent. */
const bent = (edit: (d: Loose) => void): Data => edited(baseData(), edit);
const field = (d: Loose) => d.categories[0].contents[0].standards[0];
const survey = (d: Loose) => d.categories[0].contents[0].standards[1];
const documentStd = (d: Loose) => d.categories[1].contents[0].standards[0];
const data = (d: Loose) => d.categories[1].contents[0].standards[1];
const road = (d: Loose) => d.categories[1].contents[1].standards[0];

describe("a valid rule set", () => {
  it("parses, with the spec's defaults filled in", () => {
    const ruleset = parseRuleset(baseData({ missingEvidence: undefined }));
    expect(ruleset).toMatchObject({ id: "base", version: "1.0.0", scale: 100, missingEvidence: "zero", lineage: ["base@1.0.0"] });
    const placed = ruleset.index.standardById;
    expect(placed.get("S1.1.2")?.standard).toMatchObject({ minResponses: 1 });
    expect(placed.get("S2.2.1")?.standard).toMatchObject({ minSites: 1 });
    expect(placed.get("S2.2.1")?.standard).not.toHaveProperty("maxPerSite", expect.anything());
    expect(placed.get("S2.1.1")?.standard).toMatchObject({ levels: { met: 1, partial: 0.5, unmet: 0 } });
  });

  it("needs neither scale, adjustments, dynamic, effectiveTo nor missingEvidence", () => {
    const minimal = bent((d) => {
      delete d.scale;
      delete d.adjustments;
      delete d.missingEvidence;
    });
    expect(checkRuleset(minimal).ok).toBe(true);
  });

  it("is refused by parseRuleset with a RulesetError listing every issue", () => {
    const invalid = bent((d) => {
      field(d).points = 0;
      d.bogus = 1;
    });
    let thrown: unknown;
    try {
      parseRuleset(invalid);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RulesetError);
    const error = thrown as RulesetError;
    expect(error._tag).toBe("RulesetError");
    expect(error.issues.map((i) => `${i.code} ${i.path.join(".")}`)).toEqual([
      `invalid_value ${FIELD}.points`,
      "unknown_key bogus",
      "scale_mismatch scale",
    ]);
    expect(error.message).toContain("3 problem(s)");
    expect(error.message).toContain("categories[0].contents[0].standards[0].points: must be greater than 0");
  });

  it.each([null, 5, "text", [], true])("refuses %j as a rule set without throwing anything but issues", (value) => {
    expect(issuesOf(value).length).toBeGreaterThan(0);
  });

  it("names each missing required key", () => {
    expect(issueKeys({})).toEqual([
      "missing_key id",
      "missing_key version",
      "missing_key title",
      "missing_key effectiveFrom",
      "missing_key categories",
    ]);
  });

  it("tells a wrong type from a missing key", () => {
    expect(issueKeys(bent((d) => (field(d).points = "30")))).toContain(`invalid_type ${FIELD}.points`);
    expect(issueKeys(bent((d) => delete field(d).points))).toContain(`missing_key ${FIELD}.points`);
    expect(issueKeys(bent((d) => (field(d).points = Number.NaN)))).toContain(`invalid_type ${FIELD}.points`);
    expect(issueKeys(bent((d) => (field(d).points = Number.POSITIVE_INFINITY)))).toContain(`invalid_type ${FIELD}.points`);
  });
});

describe("ids are unique within their kind", () => {
  it.each([
    ["category", (d: Loose) => (d.categories[1].id = "C1"), "categories.1.id"],
    ["content (across categories)", (d: Loose) => (d.categories[1].contents[0].id = "C1.1"), "categories.1.contents.0.id"],
    ["standard (across categories)", (d: Loose) => (road(d).id = "S1.1.1"), `${ROAD}.id`],
    ["check (across standards)", (d: Loose) => (road(d).checks[0].id = "K001"), `${ROAD}.checks.0.id`],
    ["check (within a standard)", (d: Loose) => (field(d).checks[1].id = "K001"), `${FIELD}.checks.1.id`],
    ["department", (d: Loose) => d.departments.push({ id: "cgj", name: "另一个" }), "departments.2.id"],
    ["site type", (d: Loose) => d.siteTypes.push({ id: "road", name: "道路" }), "siteTypes.2.id"],
    ["adjustment (a veto and a penalty)", (d: Loose) => (d.adjustments[1].id = "V01"), "adjustments.1.id"],
    ["grade", (d: Loose) => (d.grades[2].id = "pass"), "grades.2.id"],
  ])("refuses a repeated %s id at the second one's path", (_kind, edit, path) => {
    const issues = issuesOf(bent(edit));
    expect(issues.map((i) => `${i.code} ${i.path.join(".")}`)).toEqual([`duplicate_id ${path}`]);
    expect(issues[0]?.message).toContain("first defined at");
  });

  it("allows the same id in different kinds", () => {
    const shared = bent((d) => {
      d.categories[0].id = "X";
      d.categories[0].contents[0].id = "X";
      field(d).id = "X";
      field(d).checks[0].id = "X";
      d.departments.push({ id: "X", name: "部门" });
      d.siteTypes.push({ id: "X", name: "类型" });
      d.adjustments[0].id = "X";
      d.grades[0].id = "X";
    });
    expect(checkRuleset(shared).ok).toBe(true);
  });

  it("reports every repeat, not only the first", () => {
    const repeated = bent((d) => {
      d.departments.push({ id: "cgj", name: "a" }, { id: "cgj", name: "b" });
    });
    expect(issueKeys(repeated)).toEqual(["duplicate_id departments.2.id", "duplicate_id departments.3.id"]);
  });
});

describe("references resolve", () => {
  it("refuses a responsible department that is not defined, at its index", () => {
    expect(issueKeys(bent((d) => (field(d).responsible = ["cgj", "wjw"])))).toEqual([`unknown_reference ${FIELD}.responsible.1`]);
  });

  it("refuses a site type that is not defined, at its index", () => {
    expect(issueKeys(bent((d) => (road(d).siteTypes = ["park", "road", "mall"])))).toEqual([
      `unknown_reference ${ROAD}.siteTypes.0`,
      `unknown_reference ${ROAD}.siteTypes.2`,
    ]);
  });

  it("accepts an empty responsible list, and none at all when the rule set has no departments", () => {
    expect(checkRuleset(bent((d) => (field(d).responsible = []))).ok).toBe(true);
    const none = bent((d) => {
      d.departments = [];
      for (const s of [field(d), survey(d), documentStd(d), data(d), road(d)]) s.responsible = [];
    });
    expect(checkRuleset(none).ok).toBe(true);
  });

  it("refuses references when departments and site types are absent", () => {
    const keys = issueKeys(
      bent((d) => {
        delete d.departments;
        delete d.siteTypes;
      }),
    );
    expect(keys).toContain(`unknown_reference ${FIELD}.responsible.0`);
    expect(keys).toContain(`unknown_reference ${FIELD}.siteTypes.0`);
    expect(keys).toContain(`unknown_reference ${ROAD}.siteTypes.0`);
  });
});

describe("numbers are in range", () => {
  it.each([
    ["points 0", (d: Loose) => (documentStd(d).points = 0), `${DOCUMENT}.points`],
    ["points below 0", (d: Loose) => (documentStd(d).points = -10), `${DOCUMENT}.points`],
    ["deduction 0", (d: Loose) => (field(d).checks[1].deduction = 0), `${FIELD}.checks.1.deduction`],
    ["deduction below 0", (d: Loose) => (field(d).checks[1].deduction = -3), `${FIELD}.checks.1.deduction`],
    ["survey floor equal to target", (d: Loose) => (survey(d).floor = 0.9), `${SURVEY}.floor`],
    ["survey floor above target", (d: Loose) => Object.assign(survey(d), { floor: 0.9, target: 0.5 }), `${SURVEY}.floor`],
    ["survey floor below 0", (d: Loose) => (survey(d).floor = -0.1), `${SURVEY}.floor`],
    ["survey target above 1", (d: Loose) => (survey(d).target = 1.1), `${SURVEY}.target`],
    ["data floor equal to target", (d: Loose) => Object.assign(data(d), { floor: 50, target: 50 }), `${DATA}.target`],
    ["maxPerSite 0", (d: Loose) => (field(d).maxPerSite = 0), `${FIELD}.maxPerSite`],
    ["minSites 0", (d: Loose) => (field(d).minSites = 0), `${FIELD}.minSites`],
    ["minResponses 0", (d: Loose) => (survey(d).minResponses = 0), `${SURVEY}.minResponses`],
    ["penalty points 0", (d: Loose) => (d.adjustments[1].points = 0), "adjustments.1.points"],
    ["document level above 1", (d: Loose) => (documentStd(d).levels = { met: 1.2 }), `${DOCUMENT}.levels.met`],
    ["document level below 0", (d: Loose) => (documentStd(d).levels = { unmet: -0.5 }), `${DOCUMENT}.levels.unmet`],
    [
      "dynamic removalBelow above warningBelow",
      (d: Loose) => (d.dynamic = { warningBelow: 0.6, removalBelow: 0.75 }),
      "dynamic.removalBelow",
    ],
    ["dynamic warningBelow above 1", (d: Loose) => (d.dynamic = { warningBelow: 1.5, removalBelow: 0.6 }), "dynamic.warningBelow"],
  ])("refuses %s at its path", (_what, edit, path) => {
    expect(issueKeys(bent(edit)).filter((k) => !k.startsWith("scale_mismatch"))).toEqual([`invalid_value ${path}`]);
  });

  it.each([
    ["minSites 1.5", (d: Loose) => (field(d).minSites = 1.5), `${FIELD}.minSites`],
    ["minResponses 2.5", (d: Loose) => (survey(d).minResponses = 2.5), `${SURVEY}.minResponses`],
  ])("refuses a fractional %s", (_what, edit, path) => {
    expect(issueKeys(bent(edit))).toEqual([expect.stringMatching(new RegExp(`^invalid_(type|value) ${path.replaceAll(".", "\\.")}$`))]);
  });

  it("accepts the survey bounds 0 <= floor < target <= 1 at their limits", () => {
    expect(checkRuleset(bent((d) => Object.assign(survey(d), { floor: 0, target: 1 }))).ok).toBe(true);
  });

  it("accepts a data floor above its target (lower is better) and any finite values", () => {
    expect(checkRuleset(bent((d) => Object.assign(data(d), { floor: 75, target: 35 }))).ok).toBe(true);
    expect(checkRuleset(bent((d) => Object.assign(data(d), { floor: -20, target: 1500 }))).ok).toBe(true);
  });

  it.each([-0.1, 1.01])("refuses minRatio %d (outside [0, 1])", (minRatio) => {
    expect(issueKeys(bent((d) => (d.grades[2].minRatio = minRatio)))).toContain("invalid_value grades.2.minRatio");
  });

  it("accepts minRatio at 0 and 1", () => {
    expect(
      checkRuleset(
        bent(
          (d) =>
            (d.grades = [
              { id: "top", name: "满分", minRatio: 1 },
              { id: "rest", name: "其余", minRatio: 0 },
            ]),
        ),
      ).ok,
    ).toBe(true);
  });

  it("refuses grades that are not in descending order of minRatio, at the offending grade", () => {
    expect(issueKeys(bent((d) => (d.grades[1].minRatio = 0.95)))).toEqual(["grades_order grades.1.minRatio"]);
    expect(issueKeys(bent((d) => (d.grades[2].minRatio = 0.7)))).toEqual(["grades_order grades.2.minRatio"]);
  });
});

describe("scale", () => {
  it("refuses a scale that differs from the sum of points, naming both", () => {
    const issues = issuesOf(baseData({ scale: 1000 }));
    expect(issues).toEqual([{ code: "scale_mismatch", path: ["scale"], message: expect.stringMatching(/1000.*100/) }]);
  });

  it("refuses a scale when a standard's points move", () => {
    expect(issueKeys(bent((d) => (road(d).points = 31)))).toEqual(["scale_mismatch scale"]);
  });

  it("accepts fractional points adding up to the scale despite floating-point rounding", () => {
    const fractional = bent((d) => {
      documentStd(d).points = 0.1;
      data(d).points = 0.2;
      d.scale = 80.3;
    });
    expect(checkRuleset(fractional).ok).toBe(true);
  });

  it("refuses a scale of 0 or below", () => {
    expect(issueKeys(baseData({ scale: 0 }))).toContain("invalid_value scale");
  });
});

describe("conditions", () => {
  const veto = (conditions: unknown) => bent((d) => (d.adjustments[0].conditions = conditions));

  it.each(CONDITION_OPERATORS)("accepts the operator %s", (operator) => {
    const value = operator === "in" || operator === "notIn" ? [1, "a"] : 1;
    expect(checkRuleset(veto({ all: [{ fact: "x", operator, value }] })).ok).toBe(true);
  });

  it("refuses a value that does not fit its operator: in/notIn need a list, others a string, number or boolean", () => {
    const issues = issuesOf(
      veto({
        all: [
          { fact: "x", operator: "in", value: 1 },
          { fact: "x", operator: "notIn", value: [1, { a: 1 }] },
          { fact: "x", operator: "greaterThan", value: null },
          { fact: "x", operator: "equal", value: [1] },
        ],
      }),
    );
    expect(issues.map((i) => [i.code, formatPath(i.path), i.message])).toEqual([
      ["bad_condition", "adjustments[0].conditions.all[0].value", "in needs a list of values, e.g. [a, b]"],
      ["bad_condition", "adjustments[0].conditions.all[1].value[1]", "a value in the list must be a string or a number"],
      ["bad_condition", "adjustments[0].conditions.all[2].value", "the value of greaterThan must be a string, a number or a boolean"],
      ["bad_condition", "adjustments[0].conditions.all[3].value", "the value of equal must be a string, a number or a boolean"],
    ]);
  });

  it.each(["regex", "equals", "==", "greaterThanOrEqual", "startsWith", "EQUAL"])("refuses the operator %j at its path", (operator) => {
    const issues = issuesOf(
      veto({
        any: [
          { fact: "x", operator: "equal", value: 1 },
          { fact: "x", operator, value: 1 },
        ],
      }),
    );
    expect(issues).toEqual([
      {
        code: "bad_condition",
        path: ["adjustments", 0, "conditions", "any", 1, "operator"],
        message: expect.stringContaining(JSON.stringify(operator)),
      },
    ]);
  });

  it("accepts nesting of all, any and not, and a leaf at the top", () => {
    const nested = {
      all: [{ not: { any: [{ fact: "a", operator: "in", value: [1, 2] }, { all: [] }] } }, { fact: "b", operator: "equal", value: "x" }],
    };
    expect(checkRuleset(veto(nested)).ok).toBe(true);
    expect(checkRuleset(veto({ fact: "a", operator: "lessThan", value: 3 })).ok).toBe(true);
  });

  it("reports every fault of a malformed condition at its own path", () => {
    const conditions = {
      any: [
        { fact: "", operator: "equal", value: 1 },
        { fact: "x", value: 1 },
        { fact: "x", operator: "equal" },
        { fact: "x", operator: "equal", value: 1, weight: 2 },
        { not: { all: "x" }, extra: 1 },
        5,
        { all: [], any: [] },
      ],
    };
    const at = "adjustments.0.conditions.any";
    expect(issueKeys(veto(conditions))).toEqual([
      `bad_condition ${at}.0.fact`,
      `bad_condition ${at}.1.operator`,
      `bad_condition ${at}.2.value`,
      `bad_condition ${at}.3.weight`,
      `bad_condition ${at}.4.extra`,
      `bad_condition ${at}.4.not.all`,
      `bad_condition ${at}.5`,
      `bad_condition ${at}.6.any`,
    ]);
  });

  it("checks a standard's appliesTo like an adjustment's conditions", () => {
    expect(issueKeys(bent((d) => (data(d).appliesTo = { all: [{ fact: "population", operator: "between", value: [1, 2] }] })))).toEqual([
      `bad_condition ${DATA}.appliesTo.all.0.operator`,
    ]);
    expect(checkRuleset(bent((d) => (data(d).appliesTo = { fact: "population", operator: "greaterThan", value: 100 }))).ok).toBe(true);
  });

  it("requires conditions on every adjustment", () => {
    expect(issueKeys(bent((d) => delete d.adjustments[1].conditions))).toEqual(["bad_condition adjustments.1.conditions"]);
  });
});

describe("unknown keys are errors at every level", () => {
  it.each([
    ["the rule set", (d: Loose) => (d.categores = []), "categores"],
    ["a grade", (d: Loose) => (d.grades[0].min = 0.9), "grades.0.min"],
    ["a department", (d: Loose) => (d.departments[0].leader = "张三"), "departments.0.leader"],
    ["a site type", (d: Loose) => (d.siteTypes[0].weight = 2), "siteTypes.0.weight"],
    ["a category", (d: Loose) => (d.categories[0].weight = 2), "categories.0.weight"],
    ["a content", (d: Loose) => (d.categories[0].contents[0].standard = []), "categories.0.contents.0.standard"],
    ["a field standard", (d: Loose) => (field(d).maxPerSites = 2), `${FIELD}.maxPerSites`],
    ["a field standard (a survey's field)", (d: Loose) => (field(d).question = "Q01"), `${FIELD}.question`],
    ["a survey standard", (d: Loose) => (survey(d).minResponse = 2), `${SURVEY}.minResponse`],
    ["a survey standard (a field's field)", (d: Loose) => (survey(d).maxPerSite = 2), `${SURVEY}.maxPerSite`],
    ["a document standard", (d: Loose) => (documentStd(d).level = {}), `${DOCUMENT}.level`],
    ["document levels", (d: Loose) => (documentStd(d).levels = { met: 1, good: 0.8 }), `${DOCUMENT}.levels.good`],
    ["a data standard", (d: Loose) => (data(d).facts = "pm25"), `${DATA}.facts`],
    ["a check", (d: Loose) => (field(d).checks[0].points = 2), `${FIELD}.checks.0.points`],
    ["a veto (points belong to penalties)", (d: Loose) => (d.adjustments[0].points = 5), "adjustments.0.points"],
    ["a penalty", (d: Loose) => (d.adjustments[1].condition = {}), "adjustments.1.condition"],
    ["dynamic", (d: Loose) => (d.dynamic = { warningBelow: 0.75, removalBelow: 0.6, yellow: 0.7 }), "dynamic.yellow"],
  ])("refuses an unknown key in %s at its path", (_where, edit, path) => {
    expect(issueKeys(bent(edit))).toEqual([`unknown_key ${path}`]);
  });

  it("refuses an unknown key in a condition", () => {
    expect(issueKeys(bent((d) => (d.adjustments[0].conditions.any[0].params = {})))).toEqual([
      "bad_condition adjustments.0.conditions.any.0.params",
    ]);
  });

  it("accepts the optional keys Civitas adds: description, source, $schema", () => {
    const described = bent((d) => {
      d.$schema = "../schema.json";
      d.description = "说明";
      d.categories[0].description = "说明";
      d.categories[0].contents[0].description = "说明";
      field(d).description = "说明";
      field(d).source = "文件第 3 条";
      field(d).checks[0].description = "说明";
      d.adjustments[0].description = "说明";
    });
    expect(checkRuleset(described).ok).toBe(true);
  });

  it("lists the other faults of a standard or adjustment whose method or kind is wrong or missing", () => {
    const keys = issueKeys(
      bent((d) => {
        Object.assign(documentStd(d), { method: "documnet", points: -10, typo: 1 });
        delete data(d).method;
        Object.assign(d.adjustments[1], { kind: "penalti", pointz: 1 });
        d.adjustments[1].conditions = { all: [{ fact: "x", operator: "gte", value: 1 }] };
      }),
    );
    expect(keys.sort()).toEqual(
      [
        `invalid_value ${DOCUMENT}.method`,
        `invalid_value ${DOCUMENT}.points`,
        `unknown_key ${DOCUMENT}.typo`,
        `invalid_value ${DATA}.method`,
        "invalid_value adjustments.1.kind",
        "unknown_key adjustments.1.pointz",
        "bad_condition adjustments.1.conditions.all.0.operator",
        "scale_mismatch scale",
      ].sort(),
    );
  });

  it("refuses a method or kind the spec does not list", () => {
    expect(issueKeys(bent((d) => (field(d).method = "inspection")))).toEqual([`invalid_value ${FIELD}.method`]);
    expect(issueKeys(bent((d) => (d.adjustments[0].kind = "bonus")))).toEqual(["invalid_value adjustments.0.kind"]);
    expect(issueKeys(baseData({ missingEvidence: "skip" }))).toEqual(["invalid_value missingEvidence"]);
    expect(issueKeys(bent((d) => (data(d).missingEvidence = "ignore")))).toEqual([`invalid_value ${DATA}.missingEvidence`]);
  });
});

describe("identity fields", () => {
  it.each(["National", "nat_ional", "nat ional", "国家", "nat.ional", ""])("refuses the rule-set id %j (not [a-z0-9-]+)", (id) => {
    expect(issueKeys(baseData({ id }))).toEqual(["invalid_value id"]);
  });

  it.each(["national", "shenzhen-2023", "a", "0-9"])("accepts the rule-set id %j", (id) => {
    expect(checkRuleset(baseData({ id })).ok).toBe(true);
  });

  it.each(["2021.1", "v1.0.0", "1.0", "1.0.0.0", "01.0.0a", ""])("refuses the version %j (not semver)", (version) => {
    expect(issueKeys(baseData({ version }))).toEqual(["invalid_value version"]);
  });

  it.each(["2021.1.0", "1.0.0-beta.1", "1.0.0+build.5", "0.0.1"])("accepts the version %j", (version) => {
    expect(checkRuleset(baseData({ version })).ok).toBe(true);
  });

  it("refuses an effectiveTo that is not after effectiveFrom", () => {
    expect(issueKeys(baseData({ effectiveFrom: "2024-01-01", effectiveTo: "2024-01-01" }))).toEqual(["invalid_value effectiveTo"]);
    expect(checkRuleset(baseData({ effectiveFrom: "2024-01-01", effectiveTo: "2024-01-02" })).ok).toBe(true);
  });

  it.each(["2021-02-30", "2021-13-01", "2021/01/01", "20210101", "2021-1-1", "2021-01-01T00:00:00Z"])(
    "refuses the date %j as effectiveFrom and effectiveTo",
    (date) => {
      expect(issueKeys(baseData({ effectiveFrom: date }))).toEqual(["invalid_value effectiveFrom"]);
      expect(issueKeys(baseData({ effectiveTo: date }))).toEqual(["invalid_value effectiveTo"]);
    },
  );

  it("accepts ISO dates, including 29 February of a leap year", () => {
    expect(checkRuleset(baseData({ effectiveFrom: "2024-02-29", effectiveTo: "2025-01-01" })).ok).toBe(true);
  });

  it("refuses ids that are empty or contain spaces, and empty names, once each", () => {
    expect(issueKeys(bent((d) => (d.categories[0].id = "C 1")))).toEqual(["invalid_value categories.0.id"]);
    expect(issueKeys(bent((d) => (field(d).checks[0].id = "")))).toEqual([`invalid_value ${FIELD}.checks.0.id`]);
    expect(issueKeys(bent((d) => (field(d).name = "  ")))).toEqual([`invalid_value ${FIELD}.name`]);
  });
});

describe("every problem at once", () => {
  it("lists the problems of a file at every level together, each at its path", () => {
    const broken = bent((d) => {
      d.version = "2021.1";
      d.effectiveFrom = "2021-02-30";
      d.color = "red";
      d.grades[1].minRatio = 0.95;
      d.departments.push({ id: "cgj", name: "重复" });
      d.categories[1].id = "C1";
      field(d).responsible = ["wjw"];
      field(d).checks[0].deduction = 0;
      field(d).checks[1].id = "K001";
      Object.assign(survey(d), { floor: 0.9, target: 0.5 });
      delete survey(d).name;
      Object.assign(data(d), { floor: 1, target: 1, unit: "μg/m³" });
      road(d).siteTypes = ["park"];
      d.adjustments[1].conditions = { all: [{ fact: "x", operator: "matches", value: 1 }] };
      d.adjustments.push({ id: "V01", kind: "veto", name: "重复", conditions: { fact: "y", operator: "equal", value: 1 } });
    });
    expect(issueKeys(broken).sort()).toEqual(
      [
        "invalid_value version",
        "invalid_value effectiveFrom",
        "unknown_key color",
        `invalid_value ${FIELD}.checks.0.deduction`,
        `missing_key ${SURVEY}.name`,
        `invalid_value ${SURVEY}.floor`,
        `unknown_key ${DATA}.unit`,
        `invalid_value ${DATA}.target`,
        "bad_condition adjustments.1.conditions.all.0.operator",
        "duplicate_id categories.1.id",
        `duplicate_id ${FIELD}.checks.1.id`,
        "duplicate_id departments.2.id",
        "duplicate_id adjustments.2.id",
        `unknown_reference ${FIELD}.responsible.0`,
        `unknown_reference ${ROAD}.siteTypes.0`,
        "grades_order grades.1.minRatio",
      ].sort(),
    );
  });

  it("gives every issue a code, a path and a readable message", () => {
    const issues = issuesOf(
      bent((d) => {
        field(d).points = -1;
        d.extra = true;
      }),
    );
    for (const issue of issues) {
      expect(typeof issue.code).toBe("string");
      expect(Array.isArray(issue.path)).toBe(true);
      expect(issue.message.length).toBeGreaterThan(5);
    }
  });
});
