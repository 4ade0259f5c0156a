/**
 * results.json as written (results/write-results.ts) and read back (results/read-results.ts):
 * a round lists its first 1,000 rejected rows and counts the rest, every file keeps its counts
 * (by reason code too), a shard lists every row so that merging shards gives the unsharded file
 * byte for byte, and both forms — and older files without the counts — read back. The result
 * model imports nothing of scoring.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  admitTables,
  type EvidenceRow,
  type EvidenceTables,
  EvidenceError,
  listedRejects,
  mergeShards,
  REJECTS_LISTED,
  type Results,
  readResults,
  resultsJson,
  resultsJsonPieces,
  type Ruleset,
  scoreAdmitted,
  scoreRound,
  shardOf,
} from "../src/index.js";
import { cityRow, factRow, fieldRow, ROUND, siteRow } from "./support/evidence-builders.js";
import { dataStandard, fieldStandard, ruleset } from "./support/ruleset-builders.js";
import { resultsSchemaErrors } from "./support/results-schema.js";

const rs = ruleset([fieldStandard(), dataStandard()]);
const cityIds = Array.from({ length: 12 }, (_, i) => `c${String(i).padStart(2, "0")}`);

/** Evidence of 12 cities with `bad` rejected rows: facts that are not numbers, then unknown sites. */
function evidenceWith(bad: number): EvidenceTables {
  const facts: EvidenceRow[] = cityIds.map((id) => factRow(id, "pm25", 50));
  const field: EvidenceRow[] = cityIds.map((id) => fieldRow(id, "m1", "K1", 1));
  for (let i = 0; i < bad; i++) {
    const city = cityIds[i % cityIds.length] as string;
    if (i % 3 === 2) field.push(fieldRow(city, `nowhere-${i}`, "K1", 1));
    else facts.push(factRow(city, `f${i}`, "n/a"));
  }
  return { cities: cityIds.map((id) => cityRow(id)), sites: cityIds.map((id) => siteRow(id, "m1")), field, facts };
}

/** The results of one shard (`--shard index+1/count`) of the evidence. */
async function shardOfRound(rules: Ruleset, tables: EvidenceTables, index: number, count: number): Promise<Results> {
  const admitted = admitTables(rules, ROUND, tables, { owns: (key) => shardOf(key, count) === index });
  if (admitted instanceof EvidenceError) throw admitted;
  const { admission, sha256 } = admitted;
  return scoreAdmitted({
    ruleset: rules,
    round: ROUND,
    evidence: admission.evidence(),
    files: admission.accounts.map((a) => ({ ...a, sha256: sha256.get(a.name) ?? "" })),
    rejects: admission.rejects,
    shard: { index, count },
  });
}

const written = (results: Results) => JSON.parse(resultsJson(results)) as Record<string, unknown> & Results;

describe("results.json of a round", () => {
  it("lists the first 1,000 rejected rows in the order found and counts the rest, the totals whole", async () => {
    const results = await scoreRound({ ruleset: rs, round: ROUND, evidence: evidenceWith(REJECTS_LISTED + 234) });
    expect(results.rejects).toHaveLength(REJECTS_LISTED + 234);
    expect(results.rejectsOmitted).toBe(0);
    const file = written(results);
    expect(file.rejects).toEqual(results.rejects.slice(0, REJECTS_LISTED));
    expect(file.rejectsOmitted).toBe(234);
    expect(file.inputs.rejected).toBe(REJECTS_LISTED + 234);
    expect(file.inputs.files.map((f) => [f.name, f.rejected, f.rejectedBy])).toEqual([
      ["cities.csv", 0, {}],
      ["sites.csv", 0, {}],
      ["field.csv", 411, { unknown_site: 411 }],
      ["facts.csv", 823, { bad_value: 823 }],
    ]);
    expect(Object.keys(file).slice(-2)).toEqual(["rejects", "rejectsOmitted"]);
    expect(resultsSchemaErrors(file)).toEqual([]);
  });

  it("lists every rejected row when there are at most 1,000, with none omitted", async () => {
    const results = await scoreRound({ ruleset: rs, round: ROUND, evidence: evidenceWith(REJECTS_LISTED) });
    const file = written(results);
    expect(file.rejects).toHaveLength(REJECTS_LISTED);
    expect(file.rejectsOmitted).toBe(0);
  });

  it("counts each file's rejected rows by code in the order of the codes, whatever order the rows come in", async () => {
    const results = await scoreRound({
      ruleset: rs,
      round: ROUND,
      evidence: {
        cities: [cityRow("a")],
        facts: [factRow("a", "pm25", "n/a"), factRow("zz", "pm25", 1), factRow("a", "x", 1), factRow("a", "x", 2)],
      },
    });
    const facts = results.inputs.files.find((f) => f.name === "facts.csv");
    expect(results.rejects.map((r) => r.code)).toEqual(["bad_value", "unknown_city", "duplicate"]);
    expect(Object.entries(facts?.rejectedBy ?? {})).toEqual([
      ["unknown_city", 1],
      ["bad_value", 1],
      ["duplicate", 1],
    ]);
  });

  it("comes in pieces whose concatenation is the file", async () => {
    const results = await scoreRound({ ruleset: rs, round: ROUND, evidence: evidenceWith(1500) });
    expect([...resultsJsonPieces(results)].join("")).toBe(resultsJson(results));
  });
});

describe("results.json read back", () => {
  it("reads a file that lists only the first rejected rows, and writes it again byte for byte", async () => {
    const text = resultsJson(await scoreRound({ ruleset: rs, round: ROUND, evidence: evidenceWith(1300) }));
    const read = readResults(JSON.parse(text));
    expect(read.rejects).toHaveLength(REJECTS_LISTED);
    expect(read.rejectsOmitted).toBe(300);
    expect(read.inputs.rejected).toBe(1300);
    expect(listedRejects(read)).toEqual({ rejects: read.rejects, omitted: 300 });
    expect(resultsJson(read)).toBe(text);
  });

  it("reads a file written before rejects were capped: none omitted, rejectsOmitted written after rejects", async () => {
    const results = await scoreRound({ ruleset: rs, round: ROUND, evidence: evidenceWith(5) });
    const older = written(results) as Record<string, unknown>;
    delete older.rejectsOmitted;
    for (const f of (older.inputs as { files: Record<string, unknown>[] }).files) delete f.rejectedBy;
    const read = readResults(older);
    expect(read.rejectsOmitted).toBe(0);
    expect(read.rejects).toHaveLength(5);
    expect(Object.keys(written(read)).slice(-2)).toEqual(["rejects", "rejectsOmitted"]);
  });

  it("takes a file without rejects or a total as none rejected, and names rejected rows that are not rows", async () => {
    const results = written(await scoreRound({ ruleset: rs, round: ROUND, evidence: evidenceWith(0) })) as Record<string, unknown>;
    const bare: Record<string, unknown> = { ...results, inputs: { files: [] } };
    delete bare.rejects;
    delete bare.rejectsOmitted;
    const read = readResults(bare);
    expect([read.rejects, read.rejectsOmitted, read.inputs.rejected]).toEqual([[], 0, 0]);
    expect(() => readResults({ ...results, rejects: [{ file: "facts.csv", line: "two" }] })).toThrow(/rejects\[0\]\.line/);
    expect(() => readResults({ ...results, rejectsOmitted: -1 })).toThrow(/rejectsOmitted/);
  });
});

describe("results.json of shards", () => {
  it("lists every rejected row of a shard, and the merge of the shards is the unsharded file byte for byte", async () => {
    const tables = evidenceWith(REJECTS_LISTED + 500);
    const unsharded = resultsJson(await scoreRound({ ruleset: rs, round: ROUND, evidence: tables }));
    const shards: Results[] = [];
    for (let index = 0; index < 3; index++) {
      const shard = await shardOfRound(rs, tables, index, 3);
      const text = resultsJson(shard);
      expect(JSON.parse(text).rejects).toHaveLength(shard.rejects.length);
      shards.push(readResults(JSON.parse(text)));
    }
    expect(shards.reduce((acc, s) => acc + s.rejects.length, 0)).toBe(REJECTS_LISTED + 500);
    const merged = mergeShards(shards);
    expect(merged.rejects).toHaveLength(REJECTS_LISTED + 500);
    expect(resultsJson(merged)).toBe(unsharded);
  });
});

describe("the result model", () => {
  it("is the ground floor: it imports nothing of scoring, rounds, tables or the writers", () => {
    const source = readFileSync(new URL("../src/results/model.ts", import.meta.url), "utf8");
    const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imports).toEqual(["../evidence/model.js", "../evidence/reject-codes.js", "../evidence/values.js", "../ruleset/schema.js"]);
  });
});
