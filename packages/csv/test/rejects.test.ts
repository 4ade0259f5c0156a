/**
 * Nothing is lost (SPEC section 2): every data row is accepted, skipped or rejected with its
 * file, line, code and raw text; a malformed row (wrong column count, broken quoting) is
 * rejected before anything else; each file is counted and hashed over its raw bytes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CITIES, evidenceDir, fileOf, gb18030, read, rejectsOf, removeTempDirs, sha256, utf8Bom } from "./support/evidence.js";

afterAll(removeTempDirs);

const FACTS = "round,city_id,fact,value";

describe("malformed rows", () => {
  it("reject broken quoting with file, line and raw text, keeping the rows around it", async () => {
    const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": `${FACTS}\n2024,a,p,1\n2024,a,"q"x,2\n2024,a,r,3\n` }));
    expect(rejectsOf(evidence, "facts.csv")).toEqual([
      { file: "facts.csv", line: 3, code: "malformed_row", reason: "malformed row: broken quoting", raw: '2024,a,"q"x,2' },
    ]);
    expect([...(evidence.admission.evidence().byCity.get("a")?.facts.keys() ?? [])]).toEqual(["p", "r"]);
  });

  it("reject a row with too few or too many fields, giving the count", async () => {
    const evidence = await read(
      evidenceDir({ "cities.csv": CITIES, "facts.csv": `${FACTS}\n2024,a,p\n2024,a,q,1,extra\n2024,a,"r,s",1\n` }),
    );
    expect(rejectsOf(evidence, "facts.csv")).toEqual([
      { file: "facts.csv", line: 2, code: "malformed_row", reason: "malformed row: 3 fields where the header has 4", raw: "2024,a,p" },
      {
        file: "facts.csv",
        line: 3,
        code: "malformed_row",
        reason: "malformed row: 5 fields where the header has 4",
        raw: "2024,a,q,1,extra",
      },
    ]);
    expect(fileOf(evidence, "facts.csv")).toMatchObject({ rows: 3, accepted: 1, rejected: 2 });
  });

  it("reject a quote never closed at the line it opens on, keeping every row before it", async () => {
    const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": `${FACTS}\n2024,a,p,1\n2024,a,"q,2\n2024,a,r,3\n` }));
    expect(rejectsOf(evidence, "facts.csv")).toEqual([
      {
        file: "facts.csv",
        line: 3,
        code: "malformed_row",
        reason: "malformed row: a quoted field is never closed (lines 3–4 read as this one record)",
        raw: '2024,a,"q,2\n2024,a,r,3',
      },
    ]);
    expect(fileOf(evidence, "facts.csv")).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
  });

  it("are rejected even when their round is not the one scored", async () => {
    const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": `${FACTS}\n2023,a,p\n2023,a,"q"x,1\n2023,a,r,1\n` }));
    expect(rejectsOf(evidence, "facts.csv").map((r) => r.code)).toEqual(["malformed_row", "malformed_row"]);
    expect(fileOf(evidence, "facts.csv")).toMatchObject({ rows: 3, accepted: 0, skipped: 1, rejected: 2 });
  });

  it("keep a row of empty cells with the right count as a row missing its values", async () => {
    const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": `${FACTS}\n,,,\n` }));
    expect(rejectsOf(evidence, "facts.csv")).toEqual([
      { file: "facts.csv", line: 2, code: "missing_value", reason: "required value round is empty", raw: ",,," },
    ]);
  });

  it("write the raw row of a multi-line or quoted row back as CSV", async () => {
    const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": `${FACTS}\n2024,x,"a ""b"", c\nd",1\n` }));
    expect(rejectsOf(evidence, "facts.csv")).toMatchObject([{ line: 2, code: "unknown_city", raw: '2024,x,"a ""b"", c\nd",1' }]);
  });
});

describe("order of judgement", () => {
  it("rejects a missing required value before skipping a row of another round", async () => {
    const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": `${FACTS}\n2023,,p,1\n2023,x,p,1\n,a,p,1\n` }));
    expect(rejectsOf(evidence, "facts.csv").map((r) => [r.line, r.code])).toEqual([
      [2, "missing_value"],
      [4, "missing_value"],
    ]);
    expect(fileOf(evidence, "facts.csv")).toMatchObject({ rows: 3, accepted: 0, skipped: 1, rejected: 2 });
  });

  it("skips a row of another round before checking its content", async () => {
    const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": `${FACTS}\n2023,x,p,not-a-number\n 2024 ,a,p,1\n` }));
    expect(fileOf(evidence, "facts.csv")).toMatchObject({ rows: 2, accepted: 1, skipped: 1, rejected: 0 });
  });
});

describe("each file's rejects", () => {
  it("name the file they come from, in file order", async () => {
    const dir = evidenceDir({
      "cities.csv": `${CITIES}a,重复,g1\n`,
      "sites.csv": "round,city_id,site_id,site_type\n2024,a,m1,market\n2024,a,r1,road\n2024,a,m1,market\n2024,x,m2,market\n2024,a,z,工地\n",
      "field.csv":
        "round,city_id,site_id,check_id,count\n2024,a,m1,K1,2\n2024,a,m9,K1,1\n2024,a,m1,K9,1\n2024,a,r1,K1,1\n2024,a,m1,K2,1.5\n",
      "survey.csv": "round,city_id,respondent_id,question_id,answer\n2024,a,r1,Q1,A\n2024,a,r1,Q1,B\n2024,a,r2,Q9,A\n",
      "documents.csv": "round,city_id,standard_id,verdict\n2024,a,S3,达标\n2024,a,S9,met\n2024,a,S1,met\n2024,a,S3,优秀\n",
      "facts.csv": `${FACTS}\n2024,a,pm25,45\n2024,a,pm25,40\n2024,a,x,1e999\n2024,a,y,一百\n`,
    });
    const evidence = await read(dir);
    expect(evidence.admission.rejects.map((r) => `${r.file}:${r.line} ${r.code}`)).toEqual([
      "cities.csv:4 duplicate",
      "sites.csv:4 duplicate",
      "sites.csv:5 unknown_city",
      "sites.csv:6 unknown_site_type",
      "field.csv:3 unknown_site",
      "field.csv:4 unknown_check",
      "field.csv:5 check_not_applicable",
      "field.csv:6 bad_count",
      "survey.csv:3 duplicate",
      "survey.csv:4 unknown_question",
      "documents.csv:3 unknown_standard",
      "documents.csv:4 not_document_standard",
      "documents.csv:5 bad_verdict",
      "facts.csv:3 duplicate",
      "facts.csv:4 bad_value",
      "facts.csv:5 bad_value",
    ]);
    for (const file of evidence.files) expect(file.rejected).toBe(rejectsOf(evidence, file.name).length);
  });
});

describe("per-file accounting", () => {
  const files = {
    "cities.csv": utf8Bom(`${CITIES}c,丙市,g1\n`),
    "sites.csv": gb18030("测评轮次,城市代码,点位编号,点位类型\r\n2024,a,m1,market\r\n2023,a,m1,market\r\n2024,x,m2,market\r\n"),
    "field.csv": 'round,city_id,site_id,check_id,count\n2024,a,m1,K1,2\n2024,a,m1,"K2\n',
    "survey.csv": "round,city_id,respondent_id,question_id,answer\n\n2024,a,r1,Q1,A\n2023,a,r1,Q1,A\n2024,b,r1,Q1,\n",
    "documents.csv": "round,city_id,standard_id,verdict\n2024,a,S3,met,extra\n2024,a,S3,partial\n",
    "facts.csv": Buffer.concat([Buffer.from(`${FACTS}\n2024,a,pm25,45\n2024,a,`), Buffer.from([0xff, 0xfe]), Buffer.from(",1\n")]),
  };

  it("has rows = accepted + skipped + rejected for every file", async () => {
    const evidence = await read(evidenceDir(files));
    expect(evidence.files.map(({ name, rows, accepted, skipped, rejected }) => ({ name, rows, accepted, skipped, rejected }))).toEqual([
      { name: "cities.csv", rows: 3, accepted: 3, skipped: 0, rejected: 0 },
      { name: "sites.csv", rows: 3, accepted: 1, skipped: 1, rejected: 1 },
      { name: "field.csv", rows: 2, accepted: 1, skipped: 0, rejected: 1 },
      { name: "survey.csv", rows: 3, accepted: 1, skipped: 1, rejected: 1 },
      { name: "documents.csv", rows: 2, accepted: 1, skipped: 0, rejected: 1 },
      // the fact name of bytes FF FE, undecodable, is a malformed row
      { name: "facts.csv", rows: 2, accepted: 1, skipped: 0, rejected: 1 },
    ]);
    for (const file of evidence.files) expect(file.rows).toBe(file.accepted + file.skipped + file.rejected);
    expect(rejectsOf(evidence, "facts.csv")).toMatchObject([{ line: 3, code: "malformed_row" }]);
  });

  it("hashes each file's raw bytes with SHA-256, as node:crypto does", async () => {
    const dir = evidenceDir(files);
    const evidence = await read(dir);
    for (const file of evidence.files) expect(file.sha256).toBe(sha256(readFileSync(join(dir, file.name))));
    expect(fileOf(evidence, "cities.csv").sha256).toBe(sha256(files["cities.csv"]));
  });

  it("hashes and counts a file larger than one 64 KiB read chunk", async () => {
    const rows = Array.from({ length: 8000 }, (_, i) => `${i % 2 === 0 ? 2024 : 2023},a,f${i},1\n`);
    const big = `${FACTS}\n${rows.join("")}`;
    const dir = evidenceDir({ "cities.csv": CITIES, "facts.csv": big });
    expect(fileOf(await read(dir), "facts.csv")).toMatchObject({ sha256: sha256(big), rows: 8000, accepted: 4000, skipped: 4000 });
  });

  it("lists only the files present, cities first, in dependency order", async () => {
    const evidence = await read(
      evidenceDir({ "facts.csv": `${FACTS}\n`, "cities.csv": CITIES, "sites.csv": "round,city_id,site_id,site_type\n" }),
    );
    expect(evidence.files.map((f) => f.name)).toEqual(["cities.csv", "sites.csv", "facts.csv"]);
  });
});
