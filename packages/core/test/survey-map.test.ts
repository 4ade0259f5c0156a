/**
 * The survey map (SPEC section 7) is checked like a rule set: every problem listed with its
 * path (and line and column from YAML), before any row is read — the map's own keys and values
 * first, then the columns each export's header must have.
 */
import { describe, expect, it } from "vitest";
import { checkSurveyMap, findColumn, formatIssue, importSurvey, readSurveyMap, type SurveyImportError } from "../src/index.js";
import { KOBO_HEADER, koboMap, koboRow, WJX_HEADER, wjxExport, wjxMap, wjxRow } from "./support/survey-exports.js";

const issuesOf = (data: unknown) => {
  const checked = checkSurveyMap(data);
  return checked.ok ? [] : checked.issues.map((i) => ({ code: i.code, path: i.path.join(".") }));
};

/** The error importSurvey throws, or a failure of the test. */
function importError(run: () => unknown): SurveyImportError {
  try {
    run();
  } catch (error) {
    return error as SurveyImportError;
  }
  throw new Error("the import was expected to fail");
}

describe("a survey map's own problems", () => {
  it("accepts a 问卷星 map and fills in its defaults: 序号 as respondent id, 所用时间 for minSeconds", () => {
    const checked = checkSurveyMap(wjxMap({ screens: { minSeconds: 60 } }));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.map.respondent).toEqual({ column: "序号", defaulted: true });
    expect(checked.map.screens.duration).toEqual({ column: "所用时间", defaulted: true });
    expect(checked.map.round).toEqual({ value: "2024" });
    expect(checked.map.questions.map((q) => q.id)).toEqual(["Q01", "Q02"]);
  });

  it("uses _uuid for KoboToolbox respondents and its start and end for minSeconds", () => {
    const checked = checkSurveyMap(koboMap({ screens: { minSeconds: 60 } }));
    expect(checked.ok && [checked.map.respondent.column, checked.map.screens.duration]).toEqual(["_uuid", { start: "start", end: "end" }]);
  });

  it("refuses a typo'd key wherever it is, as a rule set does", () => {
    expect(issuesOf(wjxMap({ questions: { Q01: { colum: "3、", answers: { 满意: "B" } } }, screen: {} }))).toEqual([
      { code: "missing_key", path: "questions.Q01.column" },
      { code: "unknown_key", path: "questions.Q01.colum" },
      { code: "unknown_key", path: "screen" },
    ]);
  });

  it("lists every problem at once: platform, round, city, answers and screens", () => {
    const issues = issuesOf({
      platform: "sojump",
      round: "",
      city: { column: "1、", value: "hangzhou" },
      questions: { Q01: { column: "3、", answers: {} }, "Q 2": { column: "4、", answers: { 满意: "B" } } },
      screens: { minSeconds: -5, duplicateBy: [] },
    });
    expect(issues.map((i) => i.path)).toEqual([
      "platform",
      "round",
      "city.value",
      "questions.Q01.answers",
      "questions.Q 2",
      "screens.minSeconds",
      "screens.duplicateBy",
    ]);
  });

  it("needs the respondent column of a wide export, and the duration column of its minSeconds", () => {
    expect(issuesOf(wjxMap({ platform: "wide", screens: { minSeconds: 60 } }))).toEqual([
      { code: "missing_key", path: "respondent" },
      { code: "missing_key", path: "screens.durationColumn" },
    ]);
    expect(
      issuesOf(wjxMap({ platform: "wide", respondent: { column: "编号" }, screens: { minSeconds: 60, durationColumn: "用时" } })),
    ).toEqual([]);
  });

  it("refuses two answer texts that are the same once trimmed, and an empty answer text", () => {
    expect(issuesOf(wjxMap({ questions: { Q01: { column: "3、", answers: { 满意: "B", " 满意 ": "A", " ": "C" } } } }))).toEqual([
      { code: "duplicate_answer", path: "questions.Q01.answers. 满意 " },
      { code: "invalid_value", path: "questions.Q01.answers. " },
    ]);
  });

  it("takes answer codes and city ids written as numbers as their text", () => {
    const checked = checkSurveyMap(wjxMap({ city: { value: 330100 }, questions: { Q01: { column: 3, answers: { 满意: 1 } } } }));
    expect(checked.ok && [checked.map.city, checked.map.questions[0]?.column, [...(checked.map.questions[0]?.answers ?? [])]]).toEqual([
      { value: "330100" },
      "3",
      [["满意", "1"]],
    ]);
  });

  it("read from YAML, says the file, line and column of each problem", () => {
    const text = [
      "platform: wjx",
      "round: 2024",
      "city: { value: hangzhou }",
      "questions:",
      "  Q01:",
      "    column: 3、",
      "    answer: { 满意: B }",
      "",
    ].join("\n");
    const read = readSurveyMap(text, "map.yaml");
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "map.yaml:6:5 questions.Q01.answers: required (record)",
        "map.yaml:7:13 questions.Q01.answer: unknown key "answer"",
      ]
    `);
  });

  it("read from YAML, reports a syntax error with its line, in a survey map's words", () => {
    const read = readSurveyMap("platform: wjx\nround: [2024\n", "map.yaml");
    expect(read.ok || read.issues.map((i) => [i.code, i.file, i.line])).toEqual([["syntax", "map.yaml", 3]]);
    const big = readSurveyMap(`description: "${"x".repeat(5 * 1024 * 1024)}"`, "big.yaml");
    expect(big.ok || big.issues[0]?.message).toMatch(/^survey map is larger than/);
  });
});

describe("finding a question's column", () => {
  const header = ["序号", "3、您对市容满意吗？", "13、您对交通满意吗？", "30、您对绿化满意吗？"];

  it("takes the header that is exactly the text before any that starts with it", () => {
    expect(findColumn(["3、", "3、您满意吗？"], "3、", "wjx")).toEqual({ ok: true, index: 0 });
  });

  it("takes the one header starting with 3、 (not 13、, not 30、)", () => {
    expect(findColumn(header, "3、", "wjx")).toEqual({ ok: true, index: 1 });
  });

  it("names both headers when two start with the text", () => {
    expect(findColumn(header, "3", "wjx")).toEqual({
      ok: false,
      code: "ambiguous_column",
      message:
        '2 headers start with "3" ("3、您对市容满意吗？" (column 2) and "30、您对绿化满意吗？" (column 4)): write enough of the one meant',
    });
  });

  it("says so when no header is or starts with the text", () => {
    expect(findColumn(header, "5、", "wjx")).toMatchObject({ ok: false, code: "unknown_column" });
  });

  it("finds a KoboToolbox question by its full group path, its last segment or its tail path", () => {
    const kobo = ["start", "g_info/city", "g_sat/env/q_env", "g_sat/q_traffic", "_uuid"];
    expect(findColumn(kobo, "g_sat/env/q_env", "kobo")).toEqual({ ok: true, index: 2 });
    expect(findColumn(kobo, "q_env", "kobo")).toEqual({ ok: true, index: 2 });
    expect(findColumn(kobo, "env/q_env", "kobo")).toEqual({ ok: true, index: 2 });
    // only KoboToolbox headers are group paths
    expect(findColumn(kobo, "q_env", "wjx")).toMatchObject({ ok: false, code: "unknown_column" });
  });

  it("names both KoboToolbox groups that hold a question of the same name", () => {
    const found = findColumn(["a/q1", "b/q1"], "q1", "kobo");
    expect(found.ok || found.message).toBe(
      '2 headers have a group path ending in "/q1" ("a/q1" (column 1) and "b/q1" (column 2)): write enough of the one meant',
    );
  });
});

describe("an export's header against the map", () => {
  it("fails before any row is read, listing every missing column of every export with its file", () => {
    const other = {
      file: "ningbo.csv",
      rows: [
        ["序号", "1、城市", "3、市容"],
        ["1", "宁波市", "满意"],
      ],
    };
    const error = importError(() => importSurvey(wjxMap(), [wjxExport([wjxRow(1, "杭州市", "满意", "满意")], "hangzhou.csv"), other]));
    expect(error.code).toBe("invalid_survey_map");
    expect(error.issues.map((i) => [i.file, i.path.join("."), i.code])).toEqual([["ningbo.csv", "questions.Q02.column", "unknown_column"]]);
    expect(error.message).toMatchInlineSnapshot(`
      "invalid survey map: 1 problem(s)
      ningbo.csv questions.Q02.column: question Q02: no header is or starts with "4、" in ningbo.csv"
    `);
  });

  it("refuses two questions that find the same column", () => {
    const map = wjxMap({
      questions: { Q01: { column: "3、", answers: { 满意: "B" } }, Q02: { column: "3、您对", answers: { 满意: "B" } } },
    });
    const error = importError(() => importSurvey(map, [wjxExport([])]));
    expect(error.issues.map((i) => [i.path.join("."), i.code])).toEqual([["questions.Q02.column", "duplicate_column"]]);
  });

  it("says which default column is missing: 问卷星's 序号, 所用时间 under minSeconds; Kobo's start and end", () => {
    const noId = { file: "x.csv", rows: [WJX_HEADER.filter((h) => h !== "序号" && h !== "所用时间")] };
    const error = importError(() => importSurvey(wjxMap({ screens: { minSeconds: 60 } }), [noId]));
    expect(error.issues.map((i) => i.message)).toEqual([
      'respondent (the wjx default "序号"): no header is or starts with "序号" in x.csv',
      `minSeconds (问卷星's "所用时间"): no header is or starts with "所用时间" in x.csv`,
    ]);
    const kobo = { file: "k.csv", rows: [KOBO_HEADER.slice(2), koboRow("u1", "Hangzhou", "Satisfied").slice(2)] };
    const koboError = importError(() => importSurvey(koboMap({ screens: { minSeconds: 60 } }), [kobo]));
    expect(koboError.issues.map((i) => i.path.join("."))).toEqual(["screens.minSeconds", "screens.minSeconds"]);
  });

  it("refuses two exports of the same name, whose respondent ids would not stay apart", () => {
    const error = importError(() => importSurvey(wjxMap(), [wjxExport([], "day1/wjx.csv"), wjxExport([], "day2/wjx.csv")]));
    expect([error.code, error.message]).toEqual([
      "duplicate_export",
      'day2/wjx.csv and day1/wjx.csv have the same name "wjx": respondent ids are prefixed with the export\'s name, so rename one',
    ]);
  });

  it("refuses an export without even a header", () => {
    expect(importError(() => importSurvey(wjxMap(), [{ file: "empty.csv", rows: [] }])).code).toBe("empty_export");
  });
});
