/**
 * Row judgement (SPEC section 2): every reject reason with its stable code, the order in which
 * a row is judged, the row accounting of every file, and what accepted rows add up to.
 */
import { describe, expect, it } from "vitest";
import {
  createAdmission,
  EvidenceError,
  type EvidenceKind,
  layoutHeader,
  REJECT_CODES,
  type RejectCode,
  scoreRound,
} from "../src/index.js";
import { answerRow, cityRow, factRow, fieldRow, ROUND, siteRow, verdictRow } from "./support/evidence-builders.js";
import { accountOf, admit, codeOf, rejectsOf } from "./support/outcomes.js";
import { admissionRuleset, surveyStandard } from "./support/ruleset-builders.js";

function layout(kind: EvidenceKind, header: string[]) {
  const laid = layoutHeader(kind, header);
  if (!laid.ok) throw new Error(JSON.stringify(laid.problems));
  return laid.layout;
}

/** An admission with city hz and its market M1 already admitted. */
function admissionWithSite() {
  const admission = createAdmission(admissionRuleset(), ROUND);
  admission.open(layout("cities", ["city_id", "name"])).row(["hz", "杭州市"], 2);
  admission.open(layout("sites", ["round", "city_id", "site_id", "site_type"])).row([ROUND, "hz", "M1", "market"], 2);
  return admission;
}

const FIELD_HEADER = ["round", "city_id", "site_id", "check_id", "count"];

describe("reject codes", () => {
  it("are the stable snake_case codes the spec's reasons map to", () => {
    expect(Object.keys(REJECT_CODES).sort()).toEqual(
      [
        "bad_count",
        "bad_value",
        "bad_verdict",
        "check_not_applicable",
        "duplicate",
        "malformed_row",
        "missing_value",
        "not_document_standard",
        "unknown_check",
        "unknown_city",
        "unknown_question",
        "unknown_site",
        "unknown_site_type",
        "unknown_standard",
        // appeals.csv (SPEC section 8)
        "unknown_appeal_target_kind",
        "bad_decision",
        "unknown_target",
        "survey_not_appealable",
        "decision_not_allowed",
        "missing_revision",
        "bad_revision",
        "reviewer_is_assessor",
        "duplicate_appeal",
      ].sort(),
    );
    for (const code of Object.keys(REJECT_CODES)) expect(code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
  });
});

describe("malformed rows (at the admission level: in-memory rows always fill their header)", () => {
  it("rejects a row with fewer fields than the header as malformed_row, with its line and raw text", () => {
    const admission = admissionWithSite();
    const field = admission.open(layout("field", FIELD_HEADER));
    field.row([ROUND, "hz", "M1", "K1"], 7);
    expect(admission.rejects).toEqual([
      {
        file: "field.csv",
        line: 7,
        code: "malformed_row",
        reason: expect.stringContaining("4 fields where the header has 5"),
        raw: "2024,hz,M1,K1",
      },
    ]);
    expect(field.account).toEqual({ name: "field.csv", rows: 1, accepted: 0, skipped: 0, rejected: 1, rejectedBy: { malformed_row: 1 } });
  });

  it("rejects a row with more fields than the header as malformed_row", () => {
    const admission = admissionWithSite();
    const field = admission.open(layout("field", FIELD_HEADER));
    field.row([ROUND, "hz", "M1", "K1", "1", "extra"], 2);
    expect(admission.rejects.map((r) => r.code)).toEqual(["malformed_row"]);
  });

  it("rejects a malformed row of another round instead of skipping it", () => {
    const admission = admissionWithSite();
    const field = admission.open(layout("field", FIELD_HEADER));
    field.row(["2019", "hz", "M1"], 2);
    expect(admission.rejects.map((r) => r.code)).toEqual(["malformed_row"]);
    expect(field.account).toMatchObject({ rows: 1, skipped: 0, rejected: 1 });
  });

  it("records a row the parser could not read (broken quoting) as malformed_row", () => {
    const admission = admissionWithSite();
    const field = admission.open(layout("field", FIELD_HEADER));
    field.malformed(3, '2024,hz,"M1,K1,1', "unclosed quote");
    expect(admission.rejects).toEqual([
      { file: "field.csv", line: 3, code: "malformed_row", reason: "malformed row: unclosed quote", raw: '2024,hz,"M1,K1,1' },
    ]);
    expect(field.account).toMatchObject({ rows: 1, accepted: 0, skipped: 0, rejected: 1 });
  });

  it("quotes fields with commas or quotes in the raw text of a rejected row", () => {
    const admission = admissionWithSite();
    const field = admission.open(layout("field", FIELD_HEADER));
    field.row([ROUND, "hz", "M1", 'K"1', "1,000"], 2);
    expect(admission.rejects[0]?.raw).toBe('2024,hz,M1,"K""1","1,000"');
  });

  it("cannot arise from in-memory rows: a row lacking a column has that value missing", async () => {
    const results = await admit({ field: [fieldRow("hz", "M1", "K1", 1), { round: ROUND, city_id: "hz", site_id: "M1", check_id: "K1" }] });
    expect(rejectsOf(results, "field.csv")).toEqual([{ line: 3, code: "missing_value" }]);
  });
});

describe("missing required values", () => {
  const required: Array<[EvidenceKind, Record<string, string>, string[]]> = [
    ["sites", siteRow("hz", "M1"), ["round", "city_id", "site_id", "site_type"]],
    ["field", fieldRow("hz", "M1", "K1", 1), ["round", "city_id", "site_id", "check_id", "count"]],
    ["survey", answerRow("hz", "Q1", "A"), ["round", "city_id", "respondent_id", "question_id", "answer"]],
    ["documents", verdictRow("hz", "S-doc", "met"), ["round", "city_id", "standard_id", "verdict"]],
    ["facts", factRow("hz", "pm25", 50), ["round", "city_id", "fact", "value"]],
  ];
  for (const [kind, row, columns] of required) {
    it.each(columns)(`rejects a ${kind}.csv row whose %s is blank as missing_value`, async (column) => {
      const evidence =
        kind === "sites"
          ? { sites: [siteRow("hz", "M1"), { ...row, site_id: "M2", [column]: "   " }] }
          : { [kind]: [{ ...row, [column]: "  " }] };
      const results = await admit(evidence);
      const rejects = results.rejects.filter((r) => r.file === `${kind}.csv`);
      expect(rejects).toHaveLength(1);
      expect(rejects[0]).toMatchObject({ code: "missing_value", reason: expect.stringContaining(column) });
    });
  }

  it.each(["city_id", "name"])("rejects a cities.csv row whose %s is empty as missing_value", async (column) => {
    const results = await admit({ cities: [cityRow("hz"), { ...cityRow("nb"), [column]: "" }] });
    expect(rejectsOf(results, "cities.csv")).toEqual([{ line: 3, code: "missing_value" }]);
    expect(results.cities.map((c) => c.cityId)).toEqual(["hz"]);
  });

  it("accepts rows whose optional columns are empty", async () => {
    const results = await admit({
      cities: [cityRow("hz", { peer_group: "" })],
      sites: [siteRow("hz", "M1", "market", { visited_at: "", assessor: "" })],
      field: [fieldRow("hz", "M1", "K1", 1, { note: "", photo: "" })],
      documents: [verdictRow("hz", "S-doc", "met", { reviewer: "", note: "" })],
    });
    expect(results.rejects).toEqual([]);
  });

  it("treats an empty count as a missing value, not a bad count", async () => {
    expect(await codeOf("field", fieldRow("hz", "M1", "K1", ""))).toBe("missing_value");
  });
});

describe("unknown cities", () => {
  it.each([
    ["sites", siteRow("xx", "M9")],
    ["field", fieldRow("xx", "M1", "K1", 1)],
    ["survey", answerRow("xx", "Q1", "A")],
    ["documents", verdictRow("xx", "S-doc", "met")],
    ["facts", factRow("xx", "pm25", 50)],
  ] as const)("rejects a %s.csv row of a city not in cities.csv as unknown_city", async (kind, row) => {
    const evidence = kind === "sites" ? { sites: [siteRow("hz", "M1"), row] } : { [kind]: [row] };
    const results = await admit(evidence);
    expect(results.rejects.filter((r) => r.file === `${kind}.csv`).map((r) => r.code)).toEqual(["unknown_city"]);
    expect(results.rejects.find((r) => r.file === `${kind}.csv`)?.reason).toContain('"xx"');
  });

  it("matches city ids exactly (a city id is not case-folded)", async () => {
    expect(await codeOf("facts", factRow("HZ", "pm25", 50))).toBe("unknown_city");
  });
});

describe("field.csv", () => {
  it("rejects a row of a site not listed in sites.csv as unknown_site", async () => {
    expect(await codeOf("field", fieldRow("hz", "M9", "K1", 1))).toBe("unknown_site");
  });

  it("rejects a row of a site visited only in another round as unknown_site", async () => {
    const results = await admit({
      sites: [siteRow("hz", "M1"), siteRow("hz", "M2", "market", { round: "2023" })],
      field: [fieldRow("hz", "M2", "K1", 1)],
    });
    expect(rejectsOf(results, "field.csv")).toEqual([{ line: 2, code: "unknown_site" }]);
  });

  it("rejects a row naming another city's site as unknown_site", async () => {
    const results = await admit({
      cities: [cityRow("hz"), cityRow("nb")],
      sites: [siteRow("hz", "M1")],
      field: [fieldRow("nb", "M1", "K1", 1)],
    });
    expect(rejectsOf(results, "field.csv")).toEqual([{ line: 2, code: "unknown_site" }]);
  });

  it("rejects a check the rule set does not have as unknown_check", async () => {
    expect(await codeOf("field", fieldRow("hz", "M1", "K9", 1))).toBe("unknown_check");
  });

  it("rejects a check whose standard does not cover the site's type as check_not_applicable", async () => {
    const results = await admit({ field: [fieldRow("hz", "M1", "R1", 1)] });
    expect(results.rejects).toEqual([
      expect.objectContaining({ file: "field.csv", line: 2, code: "check_not_applicable", reason: expect.stringContaining("market") }),
    ]);
  });

  it("accepts a check at a site of a type its standard covers", async () => {
    const results = await admit({
      sites: [siteRow("hz", "M1"), siteRow("hz", "D1", "road")],
      field: [fieldRow("hz", "D1", "R1", 2)],
    });
    expect(results.rejects).toEqual([]);
    expect(results.cities[0]?.problems).toContainEqual(expect.objectContaining({ standardId: "S-road", siteId: "D1", count: 2 }));
  });

  it.each(["-1", "1.5", "1.0", "1e2", "+1", "abc", "0x1", "１", "1 2", `1${"0".repeat(400)}`])(
    "rejects count %j as bad_count",
    async (count) => {
      expect(await codeOf("field", fieldRow("hz", "M1", "K1", count))).toBe("bad_count");
    },
  );

  it.each([
    ["0", 0],
    ["3", 3],
    [" 3 ", 3],
    ["007", 7],
  ])("accepts count %j as %d", async (count, expected) => {
    const results = await admit({ field: [fieldRow("hz", "M1", "K1", count)] });
    expect(results.rejects).toEqual([]);
    const market = results.cities[0]?.standards.find((s) => s.id === "S-market");
    expect(market?.score).toBe(30 - 2 * expected);
  });

  it("accepts a count beyond 2^53, a whole number all the same, its loss capped at the points", async () => {
    const results = await admit({ field: [fieldRow("hz", "M1", "K1", "99999999999999999999")] });
    expect(results.rejects).toEqual([]);
    expect(results.cities[0]?.standards.find((s) => s.id === "S-market")?.score).toBe(0);
  });

  it("adds up several rows of the same site and check", async () => {
    const results = await admit({ field: [fieldRow("hz", "M1", "K1", 2), fieldRow("hz", "M1", "K1", 3), fieldRow("hz", "M1", "K2", 1)] });
    expect(results.rejects).toEqual([]);
    const problems = results.cities[0]?.problems.filter((p) => p.standardId === "S-market");
    expect(problems).toEqual([
      expect.objectContaining({ checkId: "K1", siteId: "M1", count: 5, loss: 10 }),
      expect.objectContaining({ checkId: "K2", siteId: "M1", count: 1, loss: 3 }),
    ]);
    expect(results.cities[0]?.standards.find((s) => s.id === "S-market")?.score).toBe(30 - 13);
  });
});

describe("sites.csv", () => {
  it("rejects a site type the rule set does not know as unknown_site_type", async () => {
    const results = await admit({ sites: [siteRow("hz", "M1"), siteRow("hz", "X1", "zoo")] });
    expect(results.rejects).toEqual([expect.objectContaining({ file: "sites.csv", line: 3, code: "unknown_site_type" })]);
    expect(results.rejects[0]?.reason).toContain('"zoo"');
    expect(results.cities[0]?.visitedSites).toEqual(["M1"]);
  });

  it("rejects a second row for the same round, city and site as duplicate and keeps the first", async () => {
    const results = await admit({
      sites: [siteRow("hz", "M1", "market"), siteRow("hz", "M1", "road")],
      field: [fieldRow("hz", "M1", "K1", 1), fieldRow("hz", "M1", "R1", 1)],
    });
    expect(rejectsOf(results, "sites.csv")).toEqual([{ line: 3, code: "duplicate" }]);
    // The site stays a market: a road check does not apply to it.
    expect(rejectsOf(results, "field.csv")).toEqual([{ line: 3, code: "check_not_applicable" }]);
  });

  it("does not count the same site id in another city or another round as a duplicate", async () => {
    const results = await admit({
      cities: [cityRow("hz"), cityRow("nb")],
      sites: [siteRow("hz", "M1"), siteRow("nb", "M1"), siteRow("hz", "M1", "market", { round: "2023" })],
    });
    expect(results.rejects).toEqual([]);
    expect(accountOf(results, "sites.csv")).toEqual({ rows: 3, accepted: 2, skipped: 1, rejected: 0 });
  });
});

describe("survey.csv", () => {
  it("rejects a question no survey standard asks as unknown_question", async () => {
    expect(await codeOf("survey", answerRow("hz", "Q9", "A"))).toBe("unknown_question");
  });

  it("rejects a second answer by the same respondent to the same question as duplicate and keeps the first", async () => {
    const results = await admit({ survey: [answerRow("hz", "Q1", "A"), answerRow("hz", "Q1", "C")] });
    expect(rejectsOf(results, "survey.csv")).toEqual([{ line: 3, code: "duplicate" }]);
    const survey = results.cities[0]?.standards.find((s) => s.id === "S-survey");
    expect(survey?.evidence).toMatchObject({ responses: 1, positive: 1, rate: 1 });
  });

  it("accepts the same respondent answering another question, or a respondent id reused in another city", async () => {
    const second = surveyStandard({
      id: "S-survey2",
      name: "第二题",
      points: 10,
      responsible: [],
      question: "Q2",
      positive: ["A"],
      floor: 0,
      target: 1,
    });
    const results = await admit(
      {
        cities: [cityRow("hz"), cityRow("nb")],
        survey: [answerRow("hz", "Q1", "A"), answerRow("hz", "Q2", "A"), answerRow("nb", "Q1", "A")],
      },
      admissionRuleset(second),
    );
    expect(results.rejects).toEqual([]);
  });

  it("does not let an answer of another round make a later one a duplicate", async () => {
    const results = await admit({ survey: [answerRow("hz", "Q1", "A", { round: "2023" }), answerRow("hz", "Q1", "A")] });
    expect(results.rejects).toEqual([]);
    expect(accountOf(results, "survey.csv")).toEqual({ rows: 2, accepted: 1, skipped: 1, rejected: 0 });
  });
});

describe("documents.csv", () => {
  it("rejects a standard the rule set does not have as unknown_standard", async () => {
    expect(await codeOf("documents", verdictRow("hz", "S-none", "met"))).toBe("unknown_standard");
  });

  it.each(["S-market", "S-survey", "S-data"])("rejects the %s standard (not a document standard) as not_document_standard", async (id) => {
    expect(await codeOf("documents", verdictRow("hz", id, "met"))).toBe("not_document_standard");
  });

  it.each(["yes", "done", "1", "met partially", "合格"])("rejects verdict %j as bad_verdict", async (verdict) => {
    expect(await codeOf("documents", verdictRow("hz", "S-doc", verdict))).toBe("bad_verdict");
  });

  it.each([
    ["met", 10],
    ["partial", 5],
    ["unmet", 0],
    ["达标", 10],
    ["基本达标", 5],
    ["未达标", 0],
    [" met ", 10],
  ])("accepts verdict %j (score %d of 10)", async (verdict, score) => {
    const results = await admit({ documents: [verdictRow("hz", "S-doc", verdict)] });
    expect(results.rejects).toEqual([]);
    expect(results.cities[0]?.standards.find((s) => s.id === "S-doc")?.score).toBe(score);
  });

  it("averages several verdicts for the same standard and city (several reviewers)", async () => {
    const results = await admit({
      documents: [
        verdictRow("hz", "S-doc", "met", { reviewer: "甲" }),
        verdictRow("hz", "S-doc", "partial", { reviewer: "乙" }),
        verdictRow("hz", "S-doc", "unmet"),
      ],
    });
    expect(results.rejects).toEqual([]);
    const doc = results.cities[0]?.standards.find((s) => s.id === "S-doc");
    expect(doc?.evidence).toMatchObject({ meanLevel: 0.5 });
    expect(doc?.score).toBe(5);
  });
});

describe("facts.csv", () => {
  it.each(["NaN", "Infinity", "-Infinity", "1,000", "abc", "1e400", "0x10", "12%", "1.2.3", "--1"])(
    "rejects value %j as bad_value",
    async (value) => {
      expect(await codeOf("facts", factRow("hz", "pm25", value))).toBe("bad_value");
    },
  );

  it.each([
    ["55", 55],
    [" 55 ", 55],
    ["-3.5", -3.5],
    ["5e1", 50],
    [".5", 0.5],
  ])("accepts value %j as %d", async (value, expected) => {
    const results = await admit({ facts: [factRow("hz", "pm25", value)] });
    expect(results.rejects).toEqual([]);
    expect(results.cities[0]?.standards.find((s) => s.id === "S-data")?.evidence).toMatchObject({ value: expected });
  });

  it("rejects a second fact of the same name for a city and round as duplicate and keeps the first", async () => {
    const results = await admit({ facts: [factRow("hz", "pm25", 35), factRow("hz", "pm25", 75)] });
    expect(rejectsOf(results, "facts.csv")).toEqual([{ line: 3, code: "duplicate" }]);
    expect(results.cities[0]?.standards.find((s) => s.id === "S-data")).toMatchObject({ score: 10, evidence: { value: 35 } });
  });

  it("does not count the same fact of another city or another round as a duplicate", async () => {
    const results = await admit({
      cities: [cityRow("hz"), cityRow("nb")],
      facts: [factRow("hz", "pm25", 50, { round: "2023" }), factRow("hz", "pm25", 50), factRow("nb", "pm25", 50)],
    });
    expect(results.rejects).toEqual([]);
    expect(accountOf(results, "facts.csv")).toEqual({ rows: 3, accepted: 2, skipped: 1, rejected: 0 });
  });

  it("accepts a fact no standard uses (conditions may name it)", async () => {
    const results = await admit({ facts: [factRow("hz", "exposed_incidents", 2)] });
    expect(results.rejects).toEqual([]);
  });
});

describe("the order of judgement", () => {
  it("rejects a row of another round with a missing value instead of skipping it", async () => {
    const results = await admit({ facts: [factRow("hz", "pm25", "", { round: "2023" })] });
    expect(rejectsOf(results, "facts.csv")).toEqual([{ line: 2, code: "missing_value" }]);
    expect(accountOf(results, "facts.csv")).toEqual({ rows: 1, accepted: 0, skipped: 0, rejected: 1 });
  });

  it.each([
    ["sites", siteRow("xx", "M9", "zoo", { round: "2023" })],
    ["field", fieldRow("xx", "M1", "K1", 1, { round: "2023" })],
    ["field", fieldRow("hz", "M9", "K9", -1, { round: "2023" })],
    ["survey", answerRow("xx", "Q9", "A", { round: "2023" })],
    ["documents", verdictRow("xx", "S-none", "bad", { round: "2023" })],
    ["facts", factRow("xx", "pm25", "NaN", { round: "2023" })],
  ] as const)("skips a %s.csv row of another round whatever else is wrong with it", async (kind, row) => {
    const evidence = kind === "sites" ? { sites: [siteRow("hz", "M1"), row] } : { [kind]: [row] };
    const results = await admit(evidence);
    expect(results.rejects).toEqual([]);
    expect(accountOf(results, `${kind}.csv`)?.skipped).toBe(1);
  });

  it("compares the round after trimming it", async () => {
    const results = await admit({ facts: [factRow("hz", "pm25", 50, { round: ` ${ROUND} ` })] });
    expect(accountOf(results, "facts.csv")).toEqual({ rows: 1, accepted: 1, skipped: 0, rejected: 0 });
  });

  it("judges city before site, site before check, check before applicability, applicability before count", async () => {
    const results = await admit({
      field: [
        fieldRow("xx", "M9", "K9", -1),
        fieldRow("hz", "M9", "K9", -1),
        fieldRow("hz", "M1", "K9", -1),
        fieldRow("hz", "M1", "R1", -1),
        fieldRow("hz", "M1", "K1", -1),
      ],
    });
    expect(rejectsOf(results, "field.csv").map((r) => r.code)).toEqual([
      "unknown_city",
      "unknown_site",
      "unknown_check",
      "check_not_applicable",
      "bad_count",
    ] satisfies RejectCode[]);
  });
});

describe("row accounting and rejects", () => {
  it("puts every row in exactly one of accepted, skipped and rejected, per file", async () => {
    const results = await admit({
      cities: [cityRow("hz"), cityRow("nb"), cityRow("hz"), { city_id: "", name: "无" }],
      sites: [siteRow("hz", "M1"), siteRow("hz", "M2", "market", { round: "2023" }), siteRow("hz", "M3", "zoo"), siteRow("hz", "M1")],
      field: [
        fieldRow("hz", "M1", "K1", 1),
        fieldRow("hz", "M1", "K1", 1, { round: "2023" }),
        fieldRow("hz", "M1", "K1", "x"),
        fieldRow("hz", "M2", "K1", 1),
      ],
      survey: [answerRow("hz", "Q1", "A"), answerRow("hz", "Q1", "A"), answerRow("hz", "Q1", "A", { round: "2023" })],
      documents: [verdictRow("hz", "S-doc", "met"), verdictRow("hz", "S-doc", "?")],
      facts: [factRow("hz", "pm25", 50), factRow("hz", "pm25", ""), factRow("hz", "pm25", 50, { round: "2022" })],
    });
    expect(results.inputs.files.map((f) => f.name)).toEqual([
      "cities.csv",
      "sites.csv",
      "field.csv",
      "survey.csv",
      "documents.csv",
      "facts.csv",
    ]);
    expect(accountOf(results, "cities.csv")).toEqual({ rows: 4, accepted: 2, skipped: 0, rejected: 2 });
    expect(accountOf(results, "sites.csv")).toEqual({ rows: 4, accepted: 1, skipped: 1, rejected: 2 });
    expect(accountOf(results, "field.csv")).toEqual({ rows: 4, accepted: 1, skipped: 1, rejected: 2 });
    expect(accountOf(results, "survey.csv")).toEqual({ rows: 3, accepted: 1, skipped: 1, rejected: 1 });
    expect(accountOf(results, "documents.csv")).toEqual({ rows: 2, accepted: 1, skipped: 0, rejected: 1 });
    expect(accountOf(results, "facts.csv")).toEqual({ rows: 3, accepted: 1, skipped: 1, rejected: 1 });
    for (const file of results.inputs.files) expect(file.rows).toBe(file.accepted + file.skipped + file.rejected);
    expect(results.inputs.rejected).toBe(results.rejects.length);
    expect(results.rejects).toHaveLength(9);
  });

  it("counts an empty table as a file with no rows", async () => {
    const results = await admit({ facts: [] });
    expect(accountOf(results, "facts.csv")).toEqual({ rows: 0, accepted: 0, skipped: 0, rejected: 0 });
    expect(accountOf(results, "survey.csv")).toBeUndefined();
  });

  it("gives each reject its file, line (index + 2), code, readable reason and raw row", async () => {
    const results = await admit({
      field: [fieldRow("hz", "M1", "K1", 1), fieldRow("hz", "M1", "K1", 1), fieldRow("hz", "M1", "K9", 1, { note: "门口, 积水" })],
    });
    expect(results.rejects).toEqual([
      {
        file: "field.csv",
        line: 4,
        code: "unknown_check",
        reason: 'check_id "K9" is not a check of the rule set',
        raw: '2024,hz,M1,K9,1,"门口, 积水"',
      },
    ]);
  });

  it("names the value at fault in every reason", async () => {
    const results = await admit({
      field: [fieldRow("hz", "M1", "K1", -4)],
      documents: [verdictRow("hz", "S-doc", "maybe")],
      facts: [factRow("hz", "pm25", "n/a")],
      survey: [answerRow("hz", "Q77", "A")],
    });
    expect(results.rejects.map((r) => r.reason)).toEqual([
      expect.stringContaining('"-4"'),
      expect.stringContaining('"Q77"'),
      expect.stringContaining('"maybe"'),
      expect.stringContaining('"n/a"'),
    ]);
  });
});

describe("cities.csv", () => {
  it("types attributes: numbers where they parse as numbers and keep their digits, strings otherwise, extra columns kept", async () => {
    const results = await admit({
      cities: [
        cityRow("hz", {
          peer_group: "省会",
          population: "1194",
          gdp: "1.88e4",
          titled: "1",
          area: "16,850",
          level: "副省级",
          code: "0571",
        }),
      ],
    });
    expect(results.cities[0]?.attributes).toEqual({
      city_id: "hz",
      name: "hz市",
      peer_group: "省会",
      population: 1194,
      gdp: 18800,
      titled: 1,
      area: "16,850",
      level: "副省级",
      code: "0571",
    });
  });

  // SPEC section 2: a value whose digits a number would not keep stays a string (docs/evidence.md)
  it.each([
    ["0571", "0571", "a leading zero (an area code) is kept"],
    ["-0571", "-0571", "a leading zero after a sign too"],
    ["00.5", "00.5", "a zero before the zero of a fraction would be lost"],
    ["00", "00", "two zeros are not the number 0"],
    ["0", 0, "zero alone is a number"],
    ["-0", 0, "minus zero is the number 0"],
    ["0.5", 0.5, "the zero before a decimal point is no leading zero"],
    [".5", 0.5, "a fraction without its zero is a number"],
    ["1.50", 1.5, "a trailing zero of a fraction is kept in value"],
    ["0.000123", 0.000123, "zeros before the first digit are not significant"],
    ["123456789012345", 123456789012345, "15 significant digits a double keeps"],
    ["1234567890123456", "1234567890123456", "16 significant digits are more than a double keeps"],
    ["12345678901234567", "12345678901234567", "17 digits stay a string"],
    ["110101199003077777", "110101199003077777", "an 18-digit ID-card number stays a string"],
    ["0.30000000000000004", "0.30000000000000004", "17 significant digits in a fraction stay a string"],
    ["91330100MA27XXXX0X", "91330100MA27XXXX0X", "a unified social credit code is no number"],
    ["1e3", 1000, "an exponent keeps every digit written: a number"],
    ["1.88e4", 18800, "a mantissa with an exponent likewise"],
    ["01e3", "01e3", "a leading zero before an exponent stays a string"],
    ["1e-400", "1e-400", "a number too small for a double would read as 0: a string"],
    ["1E400", "1E400", "a number too large for a double is no number"],
    ["+5", 5, "a plus sign reads as a number"],
    ["1,000", "1,000", "thousands separators are not decimal notation"],
    ["１２", "１２", "full-width digits are text"],
  ] as [string, string | number, string][])("reads the attribute %j as %j: %s", async (text, value) => {
    const results = await admit({ cities: [cityRow("hz", { code: text })] });
    expect(results.cities[0]?.attributes.code).toStrictEqual(value);
  });

  it("gives a null peer group when the column is absent or the value empty", async () => {
    const absent = await admit({ cities: [{ city_id: "hz", name: "杭州市" }] });
    expect(absent.rejects).toEqual([]);
    expect(absent.cities[0]?.peerGroup).toBeNull();
    const empty = await admit({ cities: [cityRow("hz", { peer_group: " " })] });
    expect(empty.cities[0]?.peerGroup).toBeNull();
  });

  it("accepts Chinese header aliases and header names in any case", async () => {
    const results = await admit({
      cities: [{ 城市代码: "hz", 城市名称: "杭州市", 组别: "省会" }],
      facts: [{ ROUND: ROUND, City_ID: "hz", 指标: "pm25", 数值: "35" }],
    });
    expect(results.rejects).toEqual([]);
    expect(results.cities[0]).toMatchObject({ cityId: "hz", name: "杭州市", peerGroup: "省会" });
    expect(results.cities[0]?.standards.find((s) => s.id === "S-data")?.score).toBe(10);
  });

  it("rejects a second row of the same city as duplicate and keeps the first", async () => {
    const results = await admit({ cities: [cityRow("hz", { name: "杭州市" }), cityRow("hz", { name: "别名" })] });
    expect(rejectsOf(results, "cities.csv")).toEqual([{ line: 3, code: "duplicate" }]);
    expect(results.cities.map((c) => c.name)).toEqual(["杭州市"]);
  });

  it("is never skipped: it has no round", async () => {
    const results = await admit({ cities: [cityRow("hz", { round: "1999" })] });
    expect(accountOf(results, "cities.csv")).toEqual({ rows: 1, accepted: 1, skipped: 0, rejected: 0 });
  });

  it("is required, as is every required column of every file (errors, not rejects)", async () => {
    await expect(scoreRound({ ruleset: admissionRuleset(), round: ROUND, evidence: {} })).rejects.toMatchObject({
      code: "missing_cities",
    });
    await expect(admit({ facts: [{ round: ROUND, city_id: "hz", fact: "pm25" }] })).rejects.toBeInstanceOf(EvidenceError);
    await expect(admit({ facts: [{ round: ROUND, city_id: "hz", fact: "pm25" }] })).rejects.toMatchObject({
      code: "missing_column",
      file: "facts.csv",
      field: "value",
    });
  });
});
