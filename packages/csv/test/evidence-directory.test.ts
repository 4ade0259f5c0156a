/**
 * What an evidence directory holds besides the files Civitas reads: every such entry is named
 * in a warning — with the name it needed when it looks meant as evidence, since its rows would
 * otherwise be left out and the scores go up silently — except system and editor litter and
 * photos, which are left out silently.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createAdmission, EvidenceError } from "@civitas/core";
import { afterAll, describe, expect, it } from "vitest";
import { readEvidenceFile } from "../src/index.js";
import { CITIES, evidenceDir, read, readFailure, removeTempDirs, ruleset } from "./support/evidence.js";
import { utf16, xlsxOf } from "./support/office-files.js";

afterAll(removeTempDirs);

const FIELD = "round,city_id,site_id,check_id,count\n";
const SURVEY = "round,city_id,respondent_id,question_id,answer\n";

/** The warnings of reading `files`, with the directory's path written as DIR. */
async function warningsOf(files: Readonly<Record<string, string | Uint8Array>>): Promise<string[]> {
  const dir = evidenceDir({ "cities.csv": CITIES, ...files });
  return (await read(dir)).warnings.map((warning) => warning.replaceAll(dir, "DIR"));
}

describe("a file meant as an evidence file but named otherwise", () => {
  it("is named with the name it needed: a workbook, another letter case, another extension", async () => {
    expect(
      await warningsOf({ "field.xlsx": xlsxOf([["round"]]), "Sites.CSV": "x\n", "facts.txt": "x\n", "survey.numbers": "x" }),
    ).toMatchInlineSnapshot(`
      [
        "DIR/Sites.CSV is not read: evidence file names are lower case (sites.csv)",
        "DIR/facts.txt is not read: it is a .txt file, and evidence is read from CSV files only: save it as facts.csv (CSV UTF-8)",
        "DIR/field.xlsx is not read: it is a workbook, and evidence is read from CSV files only: save it as field.csv (CSV UTF-8)",
        "DIR/survey.numbers is not read: it is a workbook, and evidence is read from CSV files only: save it as survey.csv (CSV UTF-8)",
      ]
    `);
  });

  it("says only the CSV file is read when both are there", async () => {
    expect(await warningsOf({ "field.csv": FIELD, "field.xlsx": xlsxOf([["round"]]), "Cities.CSV": CITIES })).toEqual([
      "DIR/Cities.CSV is not read: evidence file names are lower case (cities.csv)",
      "DIR/field.xlsx is not read: only field.csv is",
    ]);
  });

  it("is taken for a copy or another version when the evidence name is followed by anything but a letter", async () => {
    expect(
      await warningsOf({
        "survey.csv": SURVEY,
        "survey (1).csv": SURVEY,
        "sites - 副本.csv": "x\n",
        "facts_2023.csv": "x\n",
        "surveyors.csv": "x\n",
      }),
    ).toMatchInlineSnapshot(`
      [
        "DIR/facts_2023.csv is not read: the file must be named facts.csv",
        "DIR/sites - 副本.csv is not read: the file must be named sites.csv",
        "DIR/survey (1).csv is not read: only survey.csv is (is this a copy or another version of it?)",
        "DIR/surveyors.csv is not read: evidence files are cities.csv, sites.csv, field.csv, survey.csv, documents.csv, facts.csv, appeals.csv",
      ]
    `);
  });

  it("is recognised under the table's Chinese name or in the singular", async () => {
    expect(await warningsOf({ "实地考察.csv": FIELD, "site.csv": "x\n", "问卷调查.xlsx": xlsxOf([["round"]]) })).toEqual([
      "DIR/site.csv is not read: the file must be named sites.csv",
      "DIR/实地考察.csv is not read: the file must be named field.csv",
      "DIR/问卷调查.xlsx is not read: it is a workbook, and evidence is read from CSV files only: save it as survey.csv (CSV UTF-8)",
    ]);
  });

  it("is named in the error when cities.csv is missing and the file looks meant as it", async () => {
    const dir = evidenceDir({ "cities.xlsx": xlsxOf([["city_id", "name"]]), "facts.csv": "round,city_id,fact,value\n" });
    const error = await readFailure(dir);
    expect(error).toMatchObject({ code: "missing_cities", file: join(dir, "cities.csv") });
    expect(error.message.replaceAll(dir, "DIR")).toBe(
      "DIR/cities.csv is missing: every evidence directory needs cities.csv; DIR/cities.xlsx is not read: it is a workbook, and evidence is read from CSV files only: save it as cities.csv (CSV UTF-8)",
    );
  });
});

describe("a folder in the evidence directory", () => {
  it("is named when it holds files named as evidence, which must be in the directory itself", async () => {
    const dir = evidenceDir({ "cities.csv": CITIES });
    mkdirSync(join(dir, "2024"));
    writeFileSync(join(dir, "2024", "field.csv"), FIELD);
    writeFileSync(join(dir, "2024", "Survey.csv"), SURVEY);
    mkdirSync(join(dir, "photos"));
    writeFileSync(join(dir, "photos", "m1.jpg"), "");
    expect((await read(dir)).warnings).toEqual([
      `${join(dir, "2024")} is a folder and not read: evidence files (Survey.csv, field.csv) must be in ${dir} itself`,
    ]);
  });
});

describe("other files", () => {
  it("are each named, with the names of the evidence files", async () => {
    expect(await warningsOf({ "notes.docx": "x", "rejects.csv": "x\n" })).toEqual([
      "DIR/notes.docx is not read: evidence files are cities.csv, sites.csv, field.csv, survey.csv, documents.csv, facts.csv, appeals.csv",
      "DIR/rejects.csv is not read: evidence files are cities.csv, sites.csv, field.csv, survey.csv, documents.csv, facts.csv, appeals.csv",
    ]);
  });

  it("are listed in one warning, with their number, when there are more than ten", async () => {
    const scans = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`scan-${String(i + 1).padStart(2, "0")}.pdf`, "%PDF-1.7"]));
    expect(await warningsOf(scans)).toEqual([
      "DIR holds 12 other files that are not read (scan-01.pdf, scan-02.pdf, scan-03.pdf, scan-04.pdf, scan-05.pdf, scan-06.pdf, scan-07.pdf, scan-08.pdf, scan-09.pdf, scan-10.pdf, …): evidence files are cities.csv, sites.csv, field.csv, survey.csv, documents.csv, facts.csv, appeals.csv",
    ]);
  });

  it("are left out silently when hidden, an Office lock file, Windows folder metadata, a Markdown note, another command's input or a photo", async () => {
    const litter = {
      ".DS_Store": "x",
      "._cities.csv": "x",
      "~$field.xlsx": "x",
      "Thumbs.db": "x",
      "desktop.ini": "x",
      "README.md": "x",
      "register.csv": "x",
      "inspectors.csv": "x",
      "rectification.csv": "x",
      "survey-map.yaml": "x",
      "m1-K1.JPG": "x",
    };
    expect(await warningsOf(litter)).toEqual([]);
  });
});

describe("readEvidenceFile", () => {
  it("refuses a file that is not CSV text as what it is", async () => {
    const dir = evidenceDir({ "cities.csv": utf16("city_id,name\r\na,甲市\r\n") });
    const admission = createAdmission(ruleset, "2024");
    const read = readEvidenceFile(join(dir, "cities.csv"), "cities.csv", "cities", (layout) => admission.open(layout, "cities.csv"));
    await expect(read).rejects.toBeInstanceOf(EvidenceError);
    await expect(read).rejects.toMatchObject({ code: "unreadable", message: expect.stringContaining("cities.csv is UTF-16 text") });
  });
});
