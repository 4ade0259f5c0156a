/**
 * An evidence file that is not CSV text — a workbook or an old Office file saved under a .csv
 * name, UTF-16 text as Excel's "Unicode 文本" writes it — is refused as what it is, naming the
 * file, never decoded into garbage and reported as a header without its columns.
 */
import { EvidenceError } from "@civitas/core";
import { afterAll, describe, expect, it } from "vitest";
import { CITIES, evidenceDir, read, readFailure, removeTempDirs } from "./support/evidence.js";
import { compoundFileHeader, utf16, xlsxOf, zipOf } from "./support/office-files.js";

afterAll(removeTempDirs);

const citiesRows = [
  ["city_id", "name", "peer_group"],
  ["a", "甲市", "g1"],
];

describe("a workbook saved under a .csv name", () => {
  it("is refused as an Excel workbook, naming the file and how to save it as CSV", async () => {
    const error = await readFailure(evidenceDir({ "cities.csv": xlsxOf(citiesRows) }));
    expect(error).toBeInstanceOf(EvidenceError);
    expect(error).toMatchObject({ _tag: "EvidenceError", code: "unreadable", file: "cities.csv" });
    expect(error.message).toMatchInlineSnapshot(
      `"cities.csv is an Excel workbook (.xlsx) saved under a .csv name, not CSV text: open it in Excel or WPS and save it as "CSV UTF-8 (逗号分隔)" (*.csv)"`,
    );
  });

  it("is refused before any file is parsed, also one that comes after good files", async () => {
    const error = await readFailure(evidenceDir({ "cities.csv": CITIES, "field.csv": xlsxOf([["round", "city_id"]]) }));
    expect(error).toMatchObject({ code: "unreadable", file: "field.csv" });
    expect(error.message).toMatch(/^field\.csv is an Excel workbook \(\.xlsx\)/);
  });

  it("is refused as such when the evidence is read on worker threads", async () => {
    const dir = evidenceDir({ "cities.csv": CITIES, "facts.csv": xlsxOf([["round", "city_id", "fact", "value"]]) });
    const failure = await readFailure(dir, "2024", { parallelFrom: 0, parallel: { workers: 1 } });
    expect(failure).toMatchObject({ code: "unreadable", file: "facts.csv" });
    expect(failure.message).toContain("facts.csv is an Excel workbook (.xlsx)");
  });

  it("is named an old Excel workbook when it is an Office 97–2003 file (.xls)", async () => {
    const error = await readFailure(evidenceDir({ "cities.csv": CITIES, "survey.csv": compoundFileHeader() }));
    expect(error).toMatchObject({ code: "unreadable", file: "survey.csv" });
    expect(error.message).toMatchInlineSnapshot(
      `"survey.csv is an old Excel workbook (.xls) or another Office 97–2003 file saved under a .csv name, not CSV text: open it in Excel or WPS and save it as "CSV UTF-8 (逗号分隔)" (*.csv)"`,
    );
  });

  it("is named for what it is when it is an OpenDocument spreadsheet, another zip, or a PDF", async () => {
    const ods = zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>" });
    const zip = zipOf({ "readme.txt": "not a table" });
    const pdf = Buffer.from("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1");
    const messages = [];
    for (const bytes of [ods, zip, pdf]) messages.push((await readFailure(evidenceDir({ "cities.csv": bytes }))).message);
    expect(messages).toEqual([
      "cities.csv is an OpenDocument spreadsheet (.ods) saved under a .csv name, not CSV text: save it as CSV (UTF-8)",
      "cities.csv is a zip archive, not CSV text: evidence files are CSV text (UTF-8 or GBK)",
      "cities.csv is a PDF document, not CSV text",
    ]);
  });
});

describe("UTF-16 text", () => {
  const unicodeText = "city_id\tname\tpeer_group\r\na\t甲市\tg1\r\n";

  it("as Excel's Unicode 文本 writes it (little-endian with a BOM, tabs) is refused, saying to save it as CSV UTF-8", async () => {
    const error = await readFailure(evidenceDir({ "cities.csv": utf16(unicodeText) }));
    expect(error).toMatchObject({ code: "unreadable", file: "cities.csv" });
    expect(error.message).toMatchInlineSnapshot(
      `"cities.csv is UTF-16 text (Excel's "Unicode 文本"); save it as CSV UTF-8 ("CSV UTF-8 (逗号分隔)" in Excel or WPS) instead"`,
    );
  });

  it.each([
    ["big-endian with a BOM", { bigEndian: true }, "UTF-16 text (Excel's"],
    ["little-endian without a BOM", { bom: false }, "UTF-16 text without a byte-order mark"],
    ["big-endian without a BOM", { bigEndian: true, bom: false }, "UTF-16 text without a byte-order mark"],
  ])("%s is refused as UTF-16 too", async (_, options, says) => {
    const text = "round,city_id,fact,value\n2024,a,pm25,40\n2024,b,pm25,50\n";
    const error = await readFailure(evidenceDir({ "cities.csv": CITIES, "facts.csv": utf16(text, options) }));
    expect(error).toMatchObject({ code: "unreadable", file: "facts.csv" });
    expect(error.message).toContain(`facts.csv is ${says}`);
  });
});

describe("a text file with a stray NUL byte", () => {
  it("is still read: only the row holding it has a bad value", async () => {
    const dir = evidenceDir({ "cities.csv": CITIES, "facts.csv": "round,city_id,fact,value\n2024,a,pm25,40\u0000\n2024,b,pm25,50\n" });
    const evidence = await read(dir);
    expect(evidence.admission.rejects.map((r) => `${r.file}:${r.line} ${r.code}`)).toEqual(["facts.csv:2 bad_value"]);
    expect(evidence.admission.evidence().byCity.get("b")?.facts.get("pm25")).toBe(50);
  });

  it("but a file of mostly NUL bytes is refused as not text", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(200, 0), Buffer.from("IEND")]);
    const error = await readFailure(evidenceDir({ "cities.csv": CITIES, "sites.csv": png }));
    expect(error).toMatchObject({ code: "unreadable", file: "sites.csv" });
    expect(error.message).toContain("sites.csv is not text: it holds NUL bytes");
  });
});
