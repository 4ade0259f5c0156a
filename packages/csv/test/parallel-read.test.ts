/**
 * Evidence parsed on worker threads, in segments cut at record boundaries, is read exactly as
 * one thread reads it: the same accounting and hashes, the same rejects (line, code, reason,
 * raw) in the same order, the same admitted evidence, and the same error for a file that
 * cannot be read. Segments here are tiny, so that every file is cut many times.
 */
import { EVIDENCE_FILE_NAMES, EVIDENCE_KINDS, EvidenceError } from "@civitas/core";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { type EvidenceRead, prefetchEvidence, type ReadEvidenceOptions, readEvidence, releasePrefetchedEvidence } from "../src/index.js";
import { EVIDENCE_FILE_ORDER, evidencePaths, takePrefetchedEvidence } from "../src/parallel/prefetch.js";
import { SPLIT_MIN_BYTES } from "../src/parallel/read-in-parallel.js";
import { CITIES, evidenceDir, gb18030, removeTempDirs, ruleset, utf8Bom } from "./support/evidence.js";

afterAll(removeTempDirs);

const ONE_THREAD: ReadEvidenceOptions = { parallelFrom: Number.POSITIVE_INFINITY };
const WORKERS: ReadEvidenceOptions = { parallelFrom: 0, parallel: { segmentBytes: 300, workers: 2 } };

/** Everything a read produced, as plain data (maps in insertion order). */
function snapshot(read: EvidenceRead): unknown {
  const plain = (value: unknown): unknown =>
    value instanceof Map ? [...value].map(([k, v]) => [k, plain(v)]) : Array.isArray(value) ? value.map(plain) : value;
  const { cities, byCity } = read.admission.evidence();
  return { files: read.files, rejects: read.admission.rejects, cities: plain(cities), byCity: plain(byCity) };
}

async function both(files: Readonly<Record<string, string | Uint8Array>>): Promise<[unknown, unknown]> {
  const dir = evidenceDir(files);
  const once = (options: ReadEvidenceOptions) =>
    readEvidence(dir, ruleset, "2024", options).then(snapshot, (error: EvidenceError) => ({
      error: error.message,
      code: error.code,
      line: error.line,
    }));
  return [await once(WORKERS), await once(ONE_THREAD)];
}

const SITES = `round,city_id,site_id,site_type\n${Array.from({ length: 30 }, (_, i) => `2024,${i % 2 === 0 ? "a" : "b"},P${i},market`).join("\n")}\n`;

/** Rows of field.csv: mostly good, with every kind of trouble mixed in. */
const fieldRow = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .tuple(fc.constantFrom("a", "b"), fc.nat(29), fc.constantFrom("K1", "K2"), fc.nat(3))
      .map(([c, s, k, n]) => `2024,${c},P${s},${k},${n},积水,IMG_${s}.jpg`),
  },
  { weight: 2, arbitrary: fc.constantFrom('2024,a,P0,K1,1,"多行\n备注, 带""引号""",x.jpg', '2024,b,P1,K2,2,"=1+1",', "2023,a,P2,K1,1,,") },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "2024,z,P0,K1,1,,",
      "2024,a,P0,K9,1,,",
      "2024,a,P0,K1,-1,,",
      "2024,a,P0",
      "",
      " ",
      '2024,a,P0,K1,1,a"b,',
      '2024,a,"P0"x,K1,1,,',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('2024,a,P0,K1,1,"never closed', "2024,a,P0,K1,1,\r", "\uFEFF2024,a,P0,K1,1,,") },
);

const surveyRow = fc
  .tuple(fc.constantFrom("a", "b", "x"), fc.nat(40), fc.constantFrom("Q1", "Q1", "Q9"), fc.constantFrom("A", "B", "C", " A "))
  .map(([c, r, q, a]) => `2024,${c},R${r},${q},${a}`);

describe("evidence read on worker threads", () => {
  it("is read exactly as one thread reads it, whatever the rows", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fieldRow, { maxLength: 150 }),
        fc.array(surveyRow, { maxLength: 200 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        async (field, survey, eol, gb) => {
          const fieldText = `round,city_id,site_id,check_id,count,note,photo${eol}${field.join(eol)}${eol}`;
          const [workers, oneThread] = await both({
            "cities.csv": CITIES,
            "sites.csv": SITES,
            "field.csv": gb ? gb18030(fieldText) : fieldText,
            "survey.csv": `round,city_id,respondent_id,question_id,answer${eol}${survey.join(eol)}`,
          });
          expect(workers).toEqual(oneThread);
        },
      ),
      { numRuns: 12, endOnFailure: true },
    );
  }, 120_000);

  it.each([
    ["an empty file", { "facts.csv": "" }],
    ["a file of blank lines", { "facts.csv": "\n\n\n" }],
    ["a header without a required column", { "facts.csv": `round,city_id,fact\n${"2024,a,f,1\n".repeat(200)}` }],
    ["a broken header", { "facts.csv": `"round,city_id,fact,value\n${"2024,a,f,1\n".repeat(200)}` }],
    ["a BOM and a quoted header", { "facts.csv": utf8Bom(`"round","city_id","fact","value"\n${"2024,a,f,1\n2024,x,g,2\n".repeat(200)}`) }],
  ])("gives the same result for %s", async (_, files) => {
    const [workers, oneThread] = await both({ "cities.csv": CITIES, ...files });
    expect(workers).toEqual(oneThread);
  });

  it("fails with the first file's error, in file order", async () => {
    const [workers] = await both({ "cities.csv": "city_id\na\n", "facts.csv": "" });
    expect(workers).toMatchObject({ code: "missing_column" });
    expect(EvidenceError).toBeDefined();
  });
});

describe("a head start on the evidence (prefetch)", () => {
  it("lists the evidence files in the order the core admits them", () => {
    expect(EVIDENCE_FILE_ORDER).toEqual(EVIDENCE_KINDS.map((kind) => EVIDENCE_FILE_NAMES[kind]));
  });

  it("is taken over by the read of the same directory, which reads as one thread does", async () => {
    const rows = Array.from({ length: 240_000 }, (_, i) => `2024,${i % 3 === 0 ? "x" : "a"},R${i % 5000},Q1,${"ABC"[i % 3]}\n`);
    const survey = `round,city_id,respondent_id,question_id,answer\n${rows.join("")}`;
    expect(survey.length).toBeGreaterThan(SPLIT_MIN_BYTES);
    const dir = evidenceDir({ "cities.csv": CITIES, "survey.csv": survey });
    prefetchEvidence(dir);
    const taken = takePrefetchedEvidence(dir, evidencePaths(dir));
    expect(taken).toBeDefined();
    await taken?.close();
    prefetchEvidence(dir);
    const prefetched = snapshot(await readEvidence(dir, ruleset, "2024"));
    expect(takePrefetchedEvidence(dir, evidencePaths(dir))).toBeUndefined();
    const oneThread = snapshot(await readEvidence(dir, ruleset, "2024", ONE_THREAD));
    expect(prefetched).toEqual(oneThread);
  });

  it("is stopped when nobody reads it", async () => {
    const dir = evidenceDir({ "cities.csv": CITIES, "facts.csv": `round,city_id,fact,value\n${"2024,a,f,1\n".repeat(500_000)}` });
    prefetchEvidence(dir);
    await releasePrefetchedEvidence();
    expect(takePrefetchedEvidence(dir, evidencePaths(dir))).toBeUndefined();
  });
});
