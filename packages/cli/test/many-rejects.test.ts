/**
 * A batch with more rejected rows than results.json lists (SPEC section 2: nothing is lost):
 * rejects.csv has every one, results.json the first 1,000 with the count of the rest, and the
 * commands that read results back (render, compare, merge) work on such a file.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../../pdf/test/support/pdf-text.js";
import { type CliRun, repoRoot, runCli, runCliAsync } from "./support/run-cli.js";

const basic = join(repoRoot, "fixtures/cases/basic");
const scratch = mkdtempSync(join(tmpdir(), "civitas-many-rejects-"));
const at = (...parts: string[]) => join(scratch, ...parts);
const BAD = 1234;

const runs: Record<string, CliRun> = {};

beforeAll(async () => {
  cpSync(join(basic, "evidence"), at("evidence"), { recursive: true });
  const facts = readFileSync(at("evidence", "facts.csv"), "utf8").trimEnd();
  // facts.csv's columns: round, city_id, fact, value — each added row names a city cities.csv lacks
  const bad = Array.from({ length: BAD }, (_, i) => `2024,nowhere-${i},pm25,1`);
  writeFileSync(at("evidence", "facts.csv"), `${facts}\n${bad.join("\n")}\n`);
  const score = ["score", "--ruleset", join(basic, "ruleset.yaml"), "--evidence", at("evidence"), "--round", "2024"];
  runs.score = runCli([...score, "--out", at("round"), "--report-date", "2024-06-30"]);
  const results = at("round", "results.json");
  [runs.render, runs.compare, runs.shard1, runs.shard2] = await Promise.all([
    runCliAsync(["render", results, "--out", at("render"), "--report-date", "2024-06-30"]),
    runCliAsync(["compare", "--base", results, "--current", results, "--out", at("closure"), "--formats", "json,csv"]),
    runCliAsync([...score, "--out", at("shard-1"), "--shard", "1/2", "--formats", "json"]),
    runCliAsync([...score, "--out", at("shard-2"), "--shard", "2/2", "--formats", "json"]),
  ]);
  runs.merge = runCli([
    "merge",
    at("shard-1", "results.json"),
    at("shard-2", "results.json"),
    "--out",
    at("merged"),
    "--formats",
    "json,csv",
  ]);
}, 180_000);

describe("more rejected rows than results.json lists", () => {
  it("writes every rejected row to rejects.csv and the first 1,000 to results.json, with the count of the rest", () => {
    expect(runs.score?.status).toBe(0);
    const results = JSON.parse(readFileSync(at("round", "results.json"), "utf8"));
    const total = results.inputs.rejected as number;
    expect(total).toBeGreaterThan(BAD);
    expect(results.rejects).toHaveLength(1000);
    expect(results.rejectsOmitted).toBe(total - 1000);
    const lines = readFileSync(at("round", "rejects.csv"), "utf8").trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + total);
    expect(results.inputs.files.find((f: { name: string }) => f.name === "facts.csv").rejectedBy.unknown_city).toBeGreaterThanOrEqual(BAD);
    expect(runs.score?.stderr).toContain(`${total} evidence rows were rejected`);
  });

  it("re-renders the PDFs from such a results.json, the summary counting every rejected row", async () => {
    expect(runs.render?.status).toBe(0);
    const quality = async (dir: string) => {
      const all = (await pdfText(readFileSync(at(dir, "summary.pdf")))).all;
      return all.slice(all.indexOf("六、证据数据质量"));
    };
    const rendered = await quality("render");
    expect(rendered).toMatch(/facts\.csvunknown_city未知城市1,2\d\d/);
    expect(rendered).toContain("另有");
    // the section score wrote from the full list (render has no rule set to name things: only this section is compared)
    expect(rendered).toBe(await quality("round"));
  });

  it("compares such results", () => {
    expect(runs.compare?.status).toBe(0);
    expect(readFileSync(at("closure", "closure.csv"), "utf8")).toContain("persisting");
  });

  it("merges shards into the unsharded results.json and rejects.csv", () => {
    expect([runs.shard1?.status, runs.shard2?.status, runs.merge?.status]).toEqual([0, 0, 0]);
    for (const name of ["results.json", "rejects.csv"])
      expect(readFileSync(at("merged", name)), name).toEqual(readFileSync(at("round", name)));
  });
});
