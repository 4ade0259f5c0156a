/**
 * Survey exports read from files (SPEC section 7): 问卷星's CSV in UTF-8 with BOM or in GBK,
 * KoboToolbox's `;`-separated CSV, broken quoting as a rejected respondent, every export's
 * header checked before any row is read, and several exports into one import.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkSurveyMap, importSurvey, type SurveyImportError, type SurveyMap } from "@civitas/core";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { detectDelimiter, importSurveyFiles } from "../src/index.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (name → bytes or text) into a fresh directory; returns its path. */
function exportsDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "civitas-exports-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const mapOf = (data: unknown): SurveyMap => {
  const checked = checkSurveyMap(data);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return checked.map;
};
const wjxData = {
  platform: "wjx",
  round: 2024,
  city: { column: "1、", values: { 杭州市: "hangzhou", 宁波市: "ningbo" } },
  questions: { Q01: { column: "2、", answers: { 满意: "B", 不满意: "D" } } },
};
const wjx = mapOf(wjxData);
const WJX = "序号,所用时间,1、您所在的城市：,2、您对市容满意吗？\r\n1,95秒,杭州市,满意\r\n2,1分30秒,宁波市,不满意\r\n";
const answers = (result: { respondents: readonly { cityId: string; respondentId: string; answers: readonly (string | undefined)[] }[] }) =>
  result.respondents.map((r) => `${r.cityId} ${r.respondentId} ${r.answers.join("")}`);

describe("a survey export file", () => {
  it("is read as UTF-8 with a BOM, as 问卷星 downloads it", async () => {
    const dir = exportsDir({ "wjx.csv": `\ufeff${WJX}` });
    const result = await importSurveyFiles(wjx, [{ path: join(dir, "wjx.csv"), name: "wjx.csv" }]);
    expect(answers(result)).toEqual(["hangzhou 1 B", "ningbo 2 D"]);
    expect(result.files).toEqual([{ name: "wjx.csv", encoding: "utf8-bom", delimiter: ",", hadHeader: true }]);
  });

  it("is read as GBK when Excel on Chinese Windows saved it so", async () => {
    const dir = exportsDir({ "wjx.csv": iconv.encode(WJX, "gb18030") });
    const result = await importSurveyFiles(wjx, [{ path: join(dir, "wjx.csv"), name: "wjx.csv" }]);
    expect(answers(result)).toEqual(["hangzhou 1 B", "ningbo 2 D"]);
    expect(result.files[0]?.encoding).toBe("gb18030");
  });

  it("is read with `;` between fields when its header line is so separated (KoboToolbox)", async () => {
    const kobo = mapOf({
      platform: "kobo",
      round: "2024",
      city: { value: "hangzhou" },
      questions: { Q01: { column: "q_env", answers: { "Satisfied, mostly": "B", No: "D" } } },
    });
    const dir = exportsDir({
      "kobo.csv": 'start;end;grp/q_env;_uuid\n2024-05-01T10:00:00Z;2024-05-01T10:09:00Z;"Satisfied, mostly";u-1\n;;No;u-2\n',
    });
    const result = await importSurveyFiles(kobo, [{ path: join(dir, "kobo.csv"), name: "kobo.csv" }]);
    expect(answers(result)).toEqual(["hangzhou u-1 B", "hangzhou u-2 D"]);
    expect(result.files[0]?.delimiter).toBe(";");
  });

  it("rejects a row with broken quoting as a whole respondent, with its line, and reads on", async () => {
    const dir = exportsDir({ "wjx.csv": `${WJX}3,95秒,杭州市,"满意"x\r\n4,95秒,杭州市,满意\r\n` });
    const result = await importSurveyFiles(wjx, [{ path: join(dir, "wjx.csv"), name: "wjx.csv" }]);
    expect(result.rejects.map((r) => [r.line, r.code])).toEqual([[4, "malformed_row"]]);
    expect(answers(result)).toEqual(["hangzhou 1 B", "ningbo 2 D", "hangzhou 4 B"]);
    expect(result.totals).toMatchObject({ respondents: 4, written: 3, rejected: 1 });
  });

  it("stops before any row when a later export lacks a column, naming it", async () => {
    const dir = exportsDir({ "a.csv": WJX, "b.csv": "序号,所用时间,1、城市\r\n1,95秒,杭州市\r\n", "c.csv": "" });
    const failed = await importSurveyFiles(wjx, [
      { path: join(dir, "a.csv"), name: "a.csv" },
      { path: join(dir, "b.csv"), name: "b.csv" },
    ]).catch((e: SurveyImportError) => e);
    expect([
      failed instanceof Error && failed.name,
      (failed as SurveyImportError).issues.map((i) => `${i.file} ${i.path.join(".")}`),
    ]).toEqual(["SurveyImportError", ["b.csv questions.Q01.column"]]);
    const empty = await importSurveyFiles(wjx, [{ path: join(dir, "c.csv"), name: "c.csv" }]).catch((e: SurveyImportError) => e.code);
    expect(empty).toBe("empty_export");
  });

  it("from several files goes into one import, 序号 made unique by each file's name", async () => {
    const dir = exportsDir({ "day1.csv": WJX, "day2.csv": WJX });
    const result = await importSurveyFiles(wjx, [
      { path: join(dir, "day1.csv"), name: "day1.csv" },
      { path: join(dir, "day2.csv"), name: "day2.csv" },
    ]);
    expect(answers(result)).toEqual(["hangzhou day1:1 B", "ningbo day1:2 D", "hangzhou day2:1 B", "ningbo day2:2 D"]);
    expect(result.exports.map((e) => [e.file, e.written])).toEqual([
      ["day1.csv", 2],
      ["day2.csv", 2],
    ]);
  });
});

describe("a large export (4 MiB or more)", () => {
  it("is parsed on worker threads and gives exactly what the same rows give in memory", async () => {
    const header = ["序号", "所用时间", "1、您所在的城市：", "2、您对市容满意吗？", "备注"];
    const texts = ["满意", "不满意", "", "很满意", "满意┋不满意"];
    const rows: string[][] = [header];
    for (let i = 1; rows.length <= 60_000; i++) {
      // quoted cells with commas, quotes and line breaks, so that segments must be cut between records
      const note = i % 7 === 0 ? `第${i}条，"引号"\n换行` : i % 5 === 0 ? "a,b" : "无意见，无意见，无意见，无意见，无意见";
      rows.push([
        String(i),
        i % 13 === 0 ? "30秒" : "2分",
        i % 11 === 0 ? "苏州市" : i % 2 === 0 ? "杭州市" : "宁波市",
        texts[i % 5] ?? "",
        note,
      ]);
    }
    const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
    const dir = exportsDir({ "big.csv": `${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n` });
    expect(statSync(join(dir, "big.csv")).size).toBeGreaterThan(4 * 1024 * 1024);
    const data = { ...wjxData, screens: { minSeconds: 60 } };
    const fromFile = await importSurveyFiles(mapOf(data), [{ path: join(dir, "big.csv"), name: "big.csv" }]);
    const { files: _files, ...imported } = fromFile;
    // in memory, each row's line counts the line breaks of the rows before it
    let line = 1;
    const lines = rows.map((r) => {
      const at = line;
      line += 1 + r.join("").split("\n").length - 1;
      return at;
    });
    const inMemory = importSurvey(data, [{ file: "big.csv", rows }]);
    expect(imported.totals).toEqual(inMemory.totals);
    expect(imported.respondents).toEqual(inMemory.respondents);
    expect(imported.rejects.map((r) => [r.line, r.code])).toEqual(inMemory.rejects.map((r) => [lines[r.line - 1], r.code]));
    expect(imported.totals.respondents).toBe(60_000);
  });
});

describe("the field separator", () => {
  it("is `;` only when the header line has more of them than commas outside quotes", () => {
    expect(detectDelimiter("a;b;c\n1,2;3")).toBe(";");
    expect(detectDelimiter("a,b,c")).toBe(",");
    expect(detectDelimiter('"a;b;c",d')).toBe(",");
    expect(detectDelimiter("x")).toBe(",");
  });
});
