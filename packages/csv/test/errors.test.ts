/**
 * Evidence that cannot be scored is a clear, typed error (SPEC section 2), never a partial
 * result: an `EvidenceError` naming the file, and the line and column where there is one.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { EvidenceError } from "@civitas/core";
import * as Effect from "effect/Effect";
import { afterAll, describe, expect, it } from "vitest";
import { readEvidenceEffect } from "../src/effect.js";
import { CITIES, evidenceDir, gb18030, read, readFailure, removeTempDirs, ruleset, tempDir, utf8Bom } from "./support/evidence.js";

afterAll(removeTempDirs);

describe("a missing cities.csv", () => {
  it("is a missing_cities error naming the file, even when the other files are there", async () => {
    const dir = evidenceDir({ "facts.csv": "round,city_id,fact,value\n2024,a,pm25,1\n" });
    const error = await readFailure(dir);
    expect(error).toBeInstanceOf(EvidenceError);
    expect(error).toMatchObject({ _tag: "EvidenceError", code: "missing_cities", file: join(dir, "cities.csv") });
    expect(error.message).toContain("cities.csv");
  });

  it("is distinct from a missing evidence directory, which is unreadable", async () => {
    const dir = join(tempDir(), "nowhere");
    expect(await readFailure(dir)).toMatchObject({ code: "unreadable", file: dir });
  });
});

describe("a missing required column", () => {
  it.each([
    ["cities.csv", "city_id,peer_group\na,g1\n", "name", "城市名称"],
    ["cities.csv", "name\n甲市\n", "city_id", "城市代码"],
    ["sites.csv", "round,city_id,site_id\n2024,a,m1\n", "site_type", "点位类型"],
    ["field.csv", "round,city_id,site_id,check_id\n", "count", "问题数量"],
    ["survey.csv", "round,city_id,respondent_id,answer\n", "question_id", "题号"],
    ["documents.csv", "round,city_id,standard_id\n", "verdict", "评定"],
    ["facts.csv", "city_id,fact,value\n", "round", "测评轮次"],
  ])("in %s is a missing_column error naming the file, line 1 and the column", async (file, text, column, alias) => {
    const files: Record<string, string> = { "cities.csv": CITIES, [file]: text };
    const error = await readFailure(evidenceDir(files));
    expect(error).toMatchObject({ code: "missing_column", file, line: 1, field: column });
    expect(error.message).toContain(`${file}:1:`);
    expect(error.message).toContain(`"${column}"`);
    expect(error.message).toContain(alias);
  });

  it("is named by its canonical name in a GB18030 file with Chinese headers", async () => {
    const error = await readFailure(evidenceDir({ "cities.csv": gb18030("城市代码,组别\na,东部\n") }));
    expect(error).toMatchObject({ code: "missing_column", file: "cities.csv", line: 1, field: "name" });
  });

  it("is reported at the header's line when blank lines come first", async () => {
    const error = await readFailure(evidenceDir({ "cities.csv": CITIES, "facts.csv": "\n\nround,city_id,fact\n" }));
    expect(error).toMatchObject({ code: "missing_column", file: "facts.csv", line: 3, field: "value" });
  });

  it("is not excused by a peer_group column, which alone may be absent", async () => {
    await expect(read(evidenceDir({ "cities.csv": "city_id,name\na,甲市\n" }))).resolves.toBeDefined();
  });
});

describe("an empty file", () => {
  it("of 0 bytes is an empty_file error naming it", async () => {
    const error = await readFailure(evidenceDir({ "cities.csv": CITIES, "survey.csv": "" }));
    expect(error).toMatchObject({ code: "empty_file", file: "survey.csv", line: 1 });
    expect(error.message).toContain("survey.csv is empty");
  });

  it("of 0 bytes is an error for cities.csv too", async () => {
    expect(await readFailure(evidenceDir({ "cities.csv": "" }))).toMatchObject({ code: "empty_file", file: "cities.csv", line: 1 });
  });

  it.each([
    ["only a BOM", utf8Bom("")],
    ["only blank lines", "\r\n\n  \n"],
  ])("holding %s has no header row", async (_, bytes) => {
    const error = await readFailure(evidenceDir({ "cities.csv": CITIES, "facts.csv": bytes }));
    expect(error).toMatchObject({ code: "empty_file", file: "facts.csv", line: 1 });
    expect(error.message).toContain("facts.csv has no header row");
  });

  it("with only a header is fine: zero rows", async () => {
    const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": "round,city_id,fact,value\r\n" }));
    expect(evidence.files.find((f) => f.name === "facts.csv")).toMatchObject({ rows: 0, accepted: 0, skipped: 0, rejected: 0 });
  });
});

describe("a duplicate header column", () => {
  it.each([
    ["the same name twice", "round,city_id,fact,value,value", "value"],
    ["the same name in another letter case", "round,city_id,fact,value,VALUE", "VALUE"],
    ["a name and its Chinese alias", "round,city_id,城市代码,fact,value", "城市代码"],
  ])("(%s) is a duplicate_column error naming the file, line and column", async (_, header, column) => {
    const error = await readFailure(evidenceDir({ "cities.csv": CITIES, "facts.csv": `${header}\n` }));
    expect(error).toMatchObject({ code: "duplicate_column", file: "facts.csv", line: 1, field: column });
    expect(error.message).toMatch(new RegExp(`^facts\\.csv:1: column "${column}" appears twice in the header \\(columns \\d and \\d\\)`));
  });

  it("is refused for an extra attribute column of cities.csv too", async () => {
    const error = await readFailure(evidenceDir({ "cities.csv": "city_id,name,titled,Titled\na,甲市,1,0\n" }));
    expect(error).toMatchObject({ code: "duplicate_column", file: "cities.csv", line: 1, field: "Titled" });
  });
});

describe("an unreadable file", () => {
  it("whose header never closes a quote is an unreadable error at line 1", async () => {
    const error = await readFailure(evidenceDir({ "cities.csv": 'city_id,"name\na,甲市\n' }));
    expect(error).toMatchObject({ code: "unreadable", file: "cities.csv", line: 1 });
    expect(error.message).toContain("cities.csv:1: the header row cannot be read");
  });

  it("that is a directory is an unreadable error naming it", async () => {
    const dir = evidenceDir({ "cities.csv": CITIES });
    mkdirSync(join(dir, "facts.csv"));
    const error = await readFailure(dir);
    expect(error).toMatchObject({ code: "unreadable", file: "facts.csv" });
    expect(error.message).toContain("facts.csv cannot be read");
  });
});

describe("an evidence name that is not a regular file", () => {
  it("is an error naming it when it is a link to nothing, or a FIFO that would never end", async () => {
    const dangling = evidenceDir({ "cities.csv": CITIES });
    symlinkSync(join(dangling, "nowhere.csv"), join(dangling, "facts.csv"));
    const error = await readFailure(dangling);
    expect(error).toMatchObject({ code: "unreadable", file: "facts.csv" });
    expect(error.message).toContain("symbolic link to nothing readable");
    const fifo = evidenceDir({ "cities.csv": CITIES });
    execFileSync("mkfifo", [join(fifo, "survey.csv")]);
    const stuck = await readFailure(fifo);
    expect(stuck).toMatchObject({ code: "unreadable", file: "survey.csv" });
    expect(stuck.message).toContain("it is a FIFO");
  });

  it("is followed when it is a link to a file", async () => {
    const dir = evidenceDir({ "cities.csv": CITIES, "elsewhere.txt": "round,city_id,fact,value\n2024,a,pm25,40\n" });
    symlinkSync(join(dir, "elsewhere.txt"), join(dir, "facts.csv"));
    expect((await read(dir)).admission.evidence().byCity.get("a")?.facts.get("pm25")).toBe(40);
  });
});

describe("a CSV file the reader does not read", () => {
  it("is named in a warning, with the name it probably meant", async () => {
    const dir = evidenceDir({ "cities.csv": CITIES, "Field.csv": "x\n", "notes.csv": "x\n" });
    const { warnings } = await read(dir);
    expect(warnings).toEqual([
      `${join(dir, "Field.csv")} is not read: evidence file names are lower case (field.csv)`,
      expect.stringContaining(`${join(dir, "notes.csv")} is not read: evidence files are cities.csv, sites.csv`),
    ]);
  });
});

describe("the first file that cannot be read", () => {
  it("stops the read in dependency order", async () => {
    const dir = evidenceDir({ "cities.csv": CITIES, "sites.csv": "round,city_id\n", "facts.csv": "" });
    expect(await readFailure(dir)).toMatchObject({ code: "missing_column", file: "sites.csv" });
  });
});

describe("@civitas/csv/effect", () => {
  it("fails with the same EvidenceError in the error channel, and succeeds with the same read", async () => {
    const failure = await Effect.runPromise(Effect.flip(readEvidenceEffect(evidenceDir({}), ruleset, "2024")));
    expect(failure).toBeInstanceOf(EvidenceError);
    expect(failure).toMatchObject({ _tag: "EvidenceError", code: "missing_cities" });
    const read = await Effect.runPromise(readEvidenceEffect(evidenceDir({ "cities.csv": CITIES }), ruleset, "2024"));
    expect(read.files.map((f) => f.name)).toEqual(["cities.csv"]);
  });
});
