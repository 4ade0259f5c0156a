/**
 * The CSV outputs (SPEC section 4): UTF-8 with BOM, CRLF, RFC 4180 quoting, spreadsheet
 * formulas neutralised (a cell starting with =, +, -, @, tab or CR gets a leading ' unless it
 * is a number), rejects.csv header-only when nothing was rejected, and the columns of
 * results.csv, standards.csv and problems.csv.
 */
import {
  PROBLEMS_TABLE,
  REJECTS_TABLE,
  RESULTS_TABLE,
  type Results,
  STANDARDS_TABLE,
  scoreAdmitted,
  type TableDefinition,
} from "@civitas/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cell, neutralise, type Table, tableToCsv } from "../src/index.js";
import { evidenceDir, read, removeTempDirs, ruleset } from "./support/evidence.js";
import { parseRfc4180 } from "./support/rfc4180.js";

afterAll(removeTempDirs);

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The rows of CSV bytes, after checking the BOM. */
function rowsOf(bytes: Buffer): string[][] {
  expect(bytes.subarray(0, 3)).toEqual(BOM);
  return parseRfc4180(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)));
}

/** The rows of a plain table as tableToCsv writes them. */
const written = async (table: Table) => rowsOf(await tableToCsv(table));

/** The rows of a table definition over its source as tableToCsv writes them. */
const writtenTable = async <Source, Row>(definition: TableDefinition<Source, Row>, source: Source) =>
  rowsOf(await tableToCsv(definition, source));

describe("neutralise", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ["+x", "'+x"],
    ["-x", "'-x"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["-", "'-"],
    ["+", "'+"],
    ["--1", "'--1"],
    ["-1+1", "'-1+1"],
    ["-Infinity", "'-Infinity"],
    ["-0x10", "'-0x10"],
    ["\t3", "'\t3"],
  ])("prefixes %j with a quote", (cell, safe) => {
    expect(neutralise(cell)).toBe(safe);
  });

  it.each(["-3", "+1.5", "-0.5", "-.5", "+7", "-1e-3", "+2E5", "0", "12", "甲市", "a=b", "'=already", " =1", ""])(
    "leaves %j as it is",
    (cell) => {
      expect(neutralise(cell)).toBe(cell);
    },
  );

  it("writes numbers as numbers, negative ones included, and nothing for null, undefined or non-finite numbers", () => {
    expect([-3, 1.5, -0.25, 0, null, undefined, Number.NaN, Number.POSITIVE_INFINITY, true, false].map(neutralise)).toEqual([
      "-3",
      "1.5",
      "-0.25",
      "0",
      "",
      "",
      "",
      "",
      "true",
      "false",
    ]);
  });

  it("either leaves a text alone or prefixes it, and never lets a dangerous non-number through", () => {
    const dangerous = /^[=+\-@\t\r]/;
    const number = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
    const text = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r"), fc.string()).map(([a, b]) => a + b),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    );
    fc.assert(
      fc.property(text, (cell) => {
        const safe = neutralise(cell);
        expect([cell, `'${cell}`]).toContain(safe);
        if (dangerous.test(safe)) expect(safe).toMatch(number);
        if (number.test(cell)) expect(safe).toBe(cell);
      }),
    );
  });
});

describe("tableToCsv", () => {
  it("writes UTF-8 with a BOM, CRLF between rows and RFC 4180 quoting", async () => {
    const bytes = await tableToCsv({ header: ["编号", "备注"], rows: [["a", '门口"广告", 积水\n第二行']] });
    expect(bytes.toString("utf8")).toBe('\uFEFF编号,备注\r\na,"门口""广告"", 积水\n第二行"');
  });

  it("neutralises every cell, the header's too", async () => {
    expect(
      await written({
        header: ["=h", "ok"],
        rows: [
          ["-x", -3],
          ["+1.5", "@me"],
        ],
      }),
    ).toEqual([
      ["'=h", "ok"],
      ["'-x", "-3"],
      ["+1.5", "'@me"],
    ]);
  });

  // Tables of two columns or more: one empty cell alone on a row is a blank line in any CSV.
  it("round-trips any table through a strict RFC 4180 reader, cells neutralised", async () => {
    const cell = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: fc.constantFrom('"', ",", "\r", "\n", " ", "=", "-", "甲", "a", "\t", "\uFEFF") }),
      fc.double(),
      fc.constantFrom(null, undefined, true),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 5 })),
        async (rows) => {
          const header = ["a", "b", "c", "d"].slice(0, rows[0]?.length ?? 2);
          expect(await written({ header, rows: rows as Cell[][] })).toEqual([header, ...rows.map((r) => r.map(neutralise))]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the tables of a round", () => {
  let results: Results;

  beforeAll(async () => {
    const dir = evidenceDir({
      "cities.csv": 'city_id,name,peer_group\na,"=HYPERLINK(""http://x"",""点我"")",@组\nb,-乙市,\n',
      "sites.csv": "round,city_id,site_id,site_type\n2024,a,m1,market\n2024,a,m2,market\n",
      "field.csv":
        "round,city_id,site_id,check_id,count,note,photo\n2024,a,m1,K1,2,门口积水,IMG_1.jpg\n2024,a,m1,K2,1,,\n" +
        "2024,a,m2,K1,0,,\n2024,a,m1,K1,0,=东侧垃圾,IMG_2.jpg\n",
      "documents.csv": "round,city_id,standard_id,verdict\n2024,a,S3,partial\n",
      "facts.csv": "round,city_id,fact,value\n2024,a,pm25,55\n=cmd|' /C calc'!A0,1\n",
    });
    const evidence = await read(dir);
    results = await scoreAdmitted({
      ruleset,
      round: "2024",
      evidence: evidence.admission.evidence(),
      files: evidence.files,
      rejects: evidence.admission.rejects,
    });
  });

  it("results.csv has one row per city with ranks, one score column per category, then provisional and the score before appeals", async () => {
    const [header, ...rows] = await writtenTable(RESULTS_TABLE, results);
    expect(header).toEqual([
      "city_id",
      "name",
      "peer_group",
      "score",
      "max",
      "ratio",
      "grade",
      "status",
      "rank_overall",
      "rank_peer_group",
      "raw_score",
      "penalty_points",
      "C1",
      "provisional",
      "score_before_appeals",
    ]);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["a", `'=HYPERLINK("http://x","点我")`, "'@组"],
      ["b", "'-乙市", ""],
    ]);
    const a = results.cities[0];
    expect(rows[0]?.slice(3)).toEqual(
      [
        a?.score,
        a?.max,
        a?.ratio,
        a?.grade,
        a?.status,
        a?.rank.overall,
        a?.rank.peerGroup,
        a?.rawScore,
        a?.penaltyPoints,
        a?.categories[0]?.score,
        "false",
        a?.scoreBeforeAppeals,
      ].map(neutralise),
    );
  });

  it("standards.csv has one row per city and standard, with the responsible departments", async () => {
    const [header, ...rows] = await writtenTable(STANDARDS_TABLE, results);
    expect(header).toEqual([
      "city_id",
      "standard_id",
      "name",
      "category_id",
      "content_id",
      "method",
      "status",
      "score",
      "max",
      "ratio",
      "points",
      "responsible",
      "responsible_names",
      "rate",
      "rate_low",
      "rate_high",
      "responses",
      "score_low",
      "score_high",
    ]);
    expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(["a S1", "a S2", "a S3", "a S4", "b S1", "b S2", "b S3", "b S4"]);
    expect(rows[0]).toEqual([
      "a",
      "S1",
      "农贸市场环境卫生",
      "C1",
      "C1.1",
      "field",
      "scored",
      "26.5",
      "30",
      String(26.5 / 30),
      "30",
      "cgj;scj",
      "城市管理局;市场监督管理局",
      "",
      "",
      "",
      "",
      "",
      "",
    ]);
    // the survey standard S2 has no answer in city a: 0 responses, no rate, no interval
    expect(rows[1]?.slice(13)).toEqual(["", "", "", "0", "", ""]);
  });

  it("problems.csv has one row per city, standard, check and site with problems, with the deduction, the departments and the inspector's notes and photos", async () => {
    const [header, ...rows] = await writtenTable(PROBLEMS_TABLE, results);
    expect(header).toEqual([
      "city_id",
      "city_name",
      "standard_id",
      "standard_name",
      "check_id",
      "check_name",
      "site_id",
      "count",
      "deduction",
      "loss",
      "responsible",
      "responsible_names",
      "note",
      "photo",
    ]);
    const field = rows.filter((r) => r[2] === "S1");
    // notes and photos of a site and check joined with ";" in code-point order, neutralised
    expect(field.map((r) => [r[0], r[4], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13]])).toEqual([
      ["a", "K1", "m1", "2", "2", "4", "cgj;scj", "城市管理局;市场监督管理局", "'=东侧垃圾;门口积水", "IMG_1.jpg;IMG_2.jpg"],
      ["a", "K2", "m1", "1", "3", "3", "cgj;scj", "城市管理局;市场监督管理局", "", ""],
    ]);
    expect(field[0]?.[1]).toBe(`'=HYPERLINK("http://x","点我")`);
    // a document standard's problem has no count, deduction, note or photo
    const document = rows.find((r) => r[2] === "S3");
    expect(document?.slice(7, 10)).toEqual(["", "", String(0.5 * (results.cities[0]?.standards[2]?.points ?? Number.NaN))]);
    expect(document?.slice(12)).toEqual(["", ""]);
  });

  it("rejects.csv lists file, line, code, reason and the raw row, neutralised", async () => {
    expect(await writtenTable(REJECTS_TABLE, results)).toEqual([
      ["file", "line", "code", "reason", "raw"],
      ["facts.csv", "3", "malformed_row", "malformed row: 2 fields where the header has 4", "'=cmd|' /C calc'!A0,1"],
    ]);
  });

  it("rejects.csv is only its header when nothing was rejected", async () => {
    const bytes = await tableToCsv(REJECTS_TABLE, { ...results, rejects: [] });
    expect(parseRfc4180(bytes.subarray(3).toString("utf8"))).toEqual([["file", "line", "code", "reason", "raw"]]);
    expect(bytes.toString("utf8").replace(/\r\n$/, "")).toBe("\uFEFFfile,line,code,reason,raw");
  });
});
