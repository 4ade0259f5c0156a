/**
 * Importing wide survey exports (SPEC section 7): every respondent row × mapped question is
 * written, unanswered, rejected or screened — each counted, each rejected or screened one in
 * survey-rejects with file, line, code and reason. Edge cases first.
 */
import { describe, expect, it } from "vitest";
import {
  flatCell,
  type ImportCounts,
  importSurvey,
  layOutTable,
  parseSeconds,
  SURVEY_REJECTS_TABLE,
  SURVEY_TABLE,
  type SurveyImportResult,
  secondsBetween,
} from "../src/index.js";
import { KOBO_HEADER, koboMap, koboRow, wjxExport, wjxMap, wjxRow } from "./support/survey-exports.js";

/** survey.csv's rows as `round city respondent question answer`. */
const written = (result: SurveyImportResult) => [...layOutTable(SURVEY_TABLE, result).rows].map((r) => r.map(flatCell).join(" "));
/** survey-rejects rows as `line code question`. */
const rejected = (result: SurveyImportResult) =>
  result.rejects.map((r) => `${r.line} ${r.code}${r.questionId === null ? "" : ` ${r.questionId}`}`);
/** The counts, checked to add up to respondents × questions. */
function countsOf(result: SurveyImportResult): ImportCounts {
  const { totals, questions } = result;
  expect(totals.written + totals.unanswered + totals.rejected + totals.screened).toBe(totals.respondents * questions.length);
  return totals;
}

describe("answer cells", () => {
  it("write one long row per mapped question, with the answer's code and the mapped city", () => {
    const result = importSurvey(wjxMap(), [
      wjxExport([wjxRow(1, "杭州市", "满意", "非常不满意"), wjxRow(2, "宁波市", "一般", "非常满意")]),
    ]);
    expect(written(result)).toEqual(["2024 hangzhou 1 Q01 B", "2024 hangzhou 1 Q02 E", "2024 ningbo 2 Q01 C", "2024 ningbo 2 Q02 A"]);
    expect(countsOf(result)).toMatchObject({ respondents: 2, written: 4, unanswered: 0, rejected: 0, screened: 0 });
  });

  it("count an empty cell, and 问卷星's (跳过), as unanswered: no row, no reject", () => {
    const result = importSurvey(wjxMap(), [wjxExport([wjxRow(1, "杭州市", "", "满意"), wjxRow(2, "杭州市", "(跳过)", "  ")])]);
    expect(written(result)).toEqual(["2024 hangzhou 1 Q02 B"]);
    expect(result.rejects).toEqual([]);
    expect(countsOf(result)).toMatchObject({ respondents: 2, written: 1, unanswered: 3 });
    // a respondent with nothing written is still counted
    expect(result.respondents.map((r) => r.respondentId)).toEqual(["1"]);
  });

  it("trim spaces around an answer text before looking it up", () => {
    expect(written(importSurvey(wjxMap(), [wjxExport([wjxRow(1, "杭州市 ", " 满意", "满意\t")])]))).toEqual([
      "2024 hangzhou 1 Q01 B",
      "2024 hangzhou 1 Q02 B",
    ]);
  });

  it("reject an answer text the map does not know (unknown_answer), keeping the respondent's other answers", () => {
    const result = importSurvey(wjxMap(), [wjxExport([wjxRow(1, "杭州市", "很满意", "满意")])]);
    expect(written(result)).toEqual(["2024 hangzhou 1 Q02 B"]);
    expect(result.rejects).toEqual([
      {
        file: "wjx.csv",
        sheet: null,
        line: 2,
        respondentId: "1",
        questionId: "Q01",
        column: "3、您对本市市容环境满意吗？",
        outcome: "rejected",
        code: "unknown_answer",
        reason: 'answer text not in the map: Q01 (3、您对本市市容环境满意吗？): "很满意" is not an answer text of Q01 in the map',
        raw: "1,2024/5/1 10:00:00,2分10秒,10.0.0.1(浙江-杭州),杭州市,18-30岁,很满意,满意",
      },
    ]);
    expect(countsOf(result)).toMatchObject({ written: 1, rejected: 1, respondentsRejected: 0 });
  });

  it("reject a 问卷星 multi-select cell (A┋B) for a single-answer question (multiple_answers)", () => {
    const result = importSurvey(wjxMap(), [wjxExport([wjxRow(1, "杭州市", "满意┋一般", "满意")])]);
    expect(rejected(result)).toEqual(["2 multiple_answers Q01"]);
    expect(written(result)).toEqual(["2024 hangzhou 1 Q02 B"]);
  });

  it("reject a KoboToolbox select_multiple cell (names joined by spaces), yet read a label with a space as one answer", () => {
    const map = koboMap({
      questions: { Q01: { column: "q_env", answers: { very_satisfied: "A", satisfied: "B", "Very satisfied": "A" } } },
    });
    const rows = [
      koboRow("u1", "Hangzhou", "very_satisfied satisfied"),
      koboRow("u2", "Hangzhou", "Very satisfied"),
      koboRow("u3", "Hangzhou", "satisfied bored"),
    ];
    const result = importSurvey(map, [{ file: "kobo.csv", rows: [KOBO_HEADER, ...rows] }]);
    expect(rejected(result)).toEqual(["2 multiple_answers Q01", "4 unknown_answer Q01"]);
    expect(written(result)).toEqual(["2024 hangzhou u2 Q01 A"]);
  });
});

describe("respondents rejected whole", () => {
  it("reject an unmapped city value once per respondent (unknown_city), every question counted as rejected", () => {
    const result = importSurvey(wjxMap(), [wjxExport([wjxRow(1, "苏州市", "满意", ""), wjxRow(2, "杭州市", "满意", "满意")])]);
    expect(rejected(result)).toEqual(["2 unknown_city"]);
    expect(result.rejects[0]?.reason).toBe('unknown city: 1、您所在的城市： "苏州市" is not in the map\'s city values');
    expect(countsOf(result)).toMatchObject({ respondents: 2, written: 2, rejected: 2, unanswered: 0, respondentsRejected: 1 });
  });

  it("take the city cell as the city id when the map gives no values, and one city for all with `value`", () => {
    const byColumn = importSurvey(wjxMap({ city: { column: "1、" } }), [wjxExport([wjxRow(1, "wuhu", "满意", "")])]);
    expect(written(byColumn)).toEqual(["2024 wuhu 1 Q01 B"]);
    const constant = importSurvey(wjxMap({ city: { value: "yiwu" } }), [wjxExport([wjxRow(1, "随便", "满意", "")])]);
    expect(written(constant)).toEqual(["2024 yiwu 1 Q01 B"]);
  });

  it("read the round from a column, and reject a respondent without one (missing_value)", () => {
    const map = wjxMap({ round: { column: "轮次" } });
    const header = ["序号", "轮次", "1、城市", "3、市容", "4、交通"];
    const result = importSurvey(map, [
      {
        file: "w.csv",
        rows: [header, ["1", "2024H1", "杭州市", "满意", "一般"], ["2", "", "杭州市", "满意", "一般"], ["", "2024H1", "", "满意", ""]],
      },
    ]);
    expect(written(result)).toEqual(["2024H1 hangzhou 1 Q01 B", "2024H1 hangzhou 1 Q02 C"]);
    expect(result.rejects.map((r) => [r.line, r.code, r.reason])).toEqual([
      [3, "missing_value", "a required value is missing: no round (轮次)"],
      [4, "missing_value", "a required value is missing: no city (1、城市), respondent id (序号)"],
    ]);
    expect(countsOf(result)).toMatchObject({ rejected: 4, respondentsRejected: 2 });
  });

  it("reject a row whose field count differs from the header's (malformed_row), but not a workbook's short row", () => {
    const short = wjxRow(1, "杭州市", "满意", "满意").slice(0, 7);
    const csv = importSurvey(wjxMap(), [wjxExport([short, [...wjxRow(2, "杭州市", "满意", "满意"), "extra"]])]);
    expect(csv.rejects.map((r) => [r.line, r.code, r.reason])).toEqual([
      [2, "malformed_row", "malformed row: 7 fields where the header has 8"],
      [3, "malformed_row", "malformed row: 9 fields where the header has 8"],
    ]);
    const sheet = importSurvey(wjxMap(), [{ ...wjxExport([short], "wjx.xlsx"), sheet: "Sheet1", ragged: true }]);
    expect(written(sheet)).toEqual(["2024 hangzhou 1 Q01 B"]);
    expect(countsOf(sheet)).toMatchObject({ unanswered: 1 });
  });

  it("skip a row with no value at all: it is not a respondent", () => {
    const result = importSurvey(wjxMap(), [wjxExport([["", "", "", "", "", "", "", ""], wjxRow(1, "杭州市", "满意", "满意")])]);
    expect(countsOf(result)).toMatchObject({ respondents: 1, written: 2 });
  });

  it("reject a respondent id given twice in one export (duplicate_respondent), keeping the first", () => {
    const result = importSurvey(wjxMap(), [
      wjxExport([wjxRow(7, "杭州市", "满意", "满意"), wjxRow(7, "杭州市", "不满意", "不满意", { ip: "x" })]),
    ]);
    expect(rejected(result)).toEqual(["3 duplicate_respondent"]);
    expect(written(result)).toEqual(["2024 hangzhou 7 Q01 B", "2024 hangzhou 7 Q02 B"]);
  });
});

describe("several exports into one survey.csv", () => {
  it("prefix each respondent id with its export's name, so that 序号 restarting at 1 stays unique", () => {
    const result = importSurvey(wjxMap(), [
      wjxExport([wjxRow(1, "杭州市", "满意", "")], "exports/hangzhou.csv"),
      wjxExport([wjxRow(1, "宁波市", "一般", "")], "exports/ningbo.csv"),
    ]);
    expect(written(result)).toEqual(["2024 hangzhou hangzhou:1 Q01 B", "2024 ningbo ningbo:1 Q01 C"]);
    expect(result.exports.map((e) => [e.file, e.respondents, e.written])).toEqual([
      ["exports/hangzhou.csv", 1, 1],
      ["exports/ningbo.csv", 1, 1],
    ]);
  });
});

describe("quality screens", () => {
  const screens = (extra: Record<string, unknown>) => wjxMap({ screens: extra });

  it("drop a respondent faster than minSeconds whole (min_seconds); exactly minSeconds is kept", () => {
    const rows = [
      wjxRow(1, "杭州市", "满意", "满意", { seconds: "59秒" }),
      wjxRow(2, "杭州市", "满意", "满意", { seconds: "1分" }),
      wjxRow(3, "杭州市", "满意", "满意", { seconds: "1小时2分3秒" }),
    ];
    const result = importSurvey(screens({ minSeconds: 60 }), [wjxExport(rows)]);
    expect(rejected(result)).toEqual(["2 min_seconds"]);
    expect(result.rejects[0]).toMatchObject({
      outcome: "screened",
      reason: 'answered faster than minSeconds: 所用时间 "59秒" is 59 s, under 60 s',
    });
    expect(countsOf(result)).toMatchObject({ written: 4, screened: 2, respondentsScreened: 1 });
  });

  it("reject a respondent whose time cannot be read under minSeconds (bad_duration), not guess", () => {
    const rows = [wjxRow(1, "杭州市", "满意", "满意", { seconds: "很快" }), wjxRow(2, "杭州市", "满意", "满意", { seconds: "" })];
    const result = importSurvey(screens({ minSeconds: 60 }), [wjxExport(rows)]);
    expect(result.rejects.map((r) => [r.code, r.outcome])).toEqual([
      ["bad_duration", "rejected"],
      ["bad_duration", "rejected"],
    ]);
    // without minSeconds the time is not read at all
    expect(importSurvey(wjxMap(), [wjxExport(rows)]).rejects).toEqual([]);
  });

  it("time a KoboToolbox respondent from its start to its end", () => {
    const rows = [
      koboRow("u1", "Hangzhou", "Satisfied", { start: "2024-05-01T10:00:00.000+08:00", end: "2024-05-01T10:00:45.000+08:00" }),
      koboRow("u2", "Hangzhou", "Satisfied", { start: "2024-05-01T10:59:30.000+08:00", end: "2024-05-01T03:00:40.000Z" }),
    ];
    const result = importSurvey(koboMap({ screens: { minSeconds: 60 } }), [{ file: "kobo.csv", rows: [KOBO_HEADER, ...rows] }]);
    expect(rejected(result)).toEqual(["2 min_seconds"]);
    expect(written(result)).toEqual(["2024 hangzhou u2 Q01 B"]);
  });

  it("drop a later respondent with the same duplicateBy values (duplicate), across exports, the first kept", () => {
    const result = importSurvey(screens({ duplicateBy: ["来自IP"] }), [
      wjxExport([wjxRow(1, "杭州市", "满意", "满意", { ip: "1.2.3.4" }), wjxRow(2, "杭州市", "一般", "一般", { ip: "1.2.3.4" })], "a.csv"),
      wjxExport([wjxRow(1, "宁波市", "一般", "一般", { ip: "1.2.3.4" }), wjxRow(2, "宁波市", "一般", "一般", { ip: "" })], "b.csv"),
    ]);
    expect(result.rejects.map((r) => `${r.file} ${r.line} ${r.code} ${r.respondentId}`)).toEqual([
      "a.csv 3 duplicate a:2",
      "b.csv 2 duplicate b:1",
    ]);
    // an empty value makes no respondent a duplicate
    expect(written(result)).toEqual([
      "2024 hangzhou a:1 Q01 B",
      "2024 hangzhou a:1 Q02 B",
      "2024 ningbo b:2 Q01 C",
      "2024 ningbo b:2 Q02 C",
    ]);
  });

  it("compare every duplicateBy column together, and keep the first respondent that passed minSeconds", () => {
    const rows = [
      wjxRow(1, "杭州市", "满意", "满意", { ip: "1.2.3.4", seconds: "10秒" }),
      wjxRow(2, "杭州市", "满意", "满意", { ip: "1.2.3.4" }),
      wjxRow(3, "宁波市", "满意", "满意", { ip: "1.2.3.4" }),
      wjxRow(4, "杭州市", "一般", "满意", { ip: "1.2.3.4" }),
    ];
    const result = importSurvey(screens({ minSeconds: 60, duplicateBy: ["来自IP", "1、"] }), [wjxExport(rows)]);
    // 1 is too fast (so 2 is the first kept of its IP and city); 3 has another city; 4 repeats 2
    expect(rejected(result)).toEqual(["2 min_seconds", "5 duplicate"]);
    expect(result.rejects[1]?.reason).toBe(
      'a second respondent with the same duplicateBy values: 来自IP "1.2.3.4", 1、您所在的城市： "杭州市", as the respondent kept at wjx.csv line 3',
    );
  });
});

describe("the time taken", () => {
  it.each([
    ["95秒", 95],
    ["1分30秒", 90],
    ["1分钟30秒", 90],
    ["2分", 120],
    ["1小时2分3秒", 3723],
    ["1时0分5秒", 3605],
    ["00:01:30", 90],
    ["01:30", 90],
    ["75", 75],
    ["12.5秒", 12.5],
  ])("reads %s as %d seconds", (text, seconds) => {
    expect(parseSeconds(text)).toBe(seconds);
  });

  it.each(["", "秒", "很快", "1分70", "00:61:00", "-5", "1:2:3:4"])("cannot read %j", (text) => {
    expect(parseSeconds(text)).toBeUndefined();
  });

  it("between KoboToolbox timestamps, with or without offsets, and never backwards", () => {
    expect(secondsBetween("2024-05-01T10:00:00.000+08:00", "2024-05-01T02:01:30Z")).toBe(90);
    expect(secondsBetween("2024-05-01 10:00:00", "2024-05-01 10:00:59.5")).toBe(59.5);
    expect(secondsBetween("2024-05-01T10:00:00+0800", "2024-05-01T10:00:30+08")).toBe(30);
    expect(secondsBetween("2024-05-01T10:05:00Z", "2024-05-01T10:00:00Z")).toBeUndefined();
    expect(secondsBetween("yesterday", "2024-05-01T10:00:00Z")).toBeUndefined();
  });
});

describe("survey-rejects.csv", () => {
  it("lists file, sheet, line, respondent, question, column, outcome, code, reason and the raw row", () => {
    const result = importSurvey(wjxMap({ screens: { minSeconds: 60 } }), [
      {
        ...wjxExport([wjxRow(1, "杭州市", "很好", "满意"), wjxRow(2, "杭州市", "满意", "满意", { seconds: "3秒" })], "wjx.xlsx"),
        sheet: "Sheet1",
      },
    ]);
    const table = layOutTable(SURVEY_REJECTS_TABLE, result);
    expect(table.columns.map((c) => `${c.key} ${c.header}`)).toEqual([
      "file 文件",
      "sheet 工作表",
      "line 行号",
      "respondent_id 受访者编号",
      "question_id 题号",
      "column 列",
      "outcome 处理",
      "code 原因代码",
      "reason 原因",
      "raw 原始行",
    ]);
    expect([...table.rows].map((r) => r.slice(0, 8))).toEqual([
      ["wjx.xlsx", "Sheet1", 2, "1", "Q01", "3、您对本市市容环境满意吗？", "rejected", "unknown_answer"],
      ["wjx.xlsx", "Sheet1", 3, "2", null, null, "screened", "min_seconds"],
    ]);
  });
});
