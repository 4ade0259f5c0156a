/**
 * Sharding: `score --shard i/n` for every i, then `merge`, gives output byte-identical to an
 * unsharded run; a missing or doubled shard is refused.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/run-cli.js";

const scoreArgs = ["score", "--ruleset", "rulesets/national/2021.1.0.yaml", "--evidence", "fixtures/demo", "--round", "2024"];
const outputs = ["results.json", "results.csv", "standards.csv", "problems.csv", "rejects.csv", "summary.pdf", "scorecards/jinan.pdf"];

// six runs rendering PDFs: on a busy two-core machine that is minutes, not the default minute
const SIX_RUNS = 300_000;

describe("sharded runs", () => {
  it("merge into exactly the unsharded output", { timeout: SIX_RUNS }, () => {
    const dir = mkdtempSync(join(tmpdir(), "civitas-shards-"));
    expect(runCli([...scoreArgs, "--out", join(dir, "full")]).status).toBe(0);
    const shards = [1, 2, 3].map((i) => join(dir, `shard-${i}`));
    shards.forEach((out, i) => expect(runCli([...scoreArgs, "--out", out, "--shard", `${i + 1}/3`]).status).toBe(0));
    const merge = runCli(["merge", ...shards.map((s) => join(s, "results.json")), "--out", join(dir, "merged")]);
    expect(merge.status).toBe(0);
    for (const name of outputs) expect(readFileSync(join(dir, "merged", name)), name).toEqual(readFileSync(join(dir, "full", name)));
    // every shard read every file, and the shards' rows add up
    const counts = shards.map((s) => JSON.parse(readFileSync(join(s, "results.json"), "utf8")).cities.length as number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);

    const missing = runCli([
      "merge",
      join(shards[0] as string, "results.json"),
      join(shards[1] as string, "results.json"),
      "--out",
      join(dir, "bad"),
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("missing shard(s): 3/3");
    const twice = runCli(["merge", ...[0, 0, 1].map((i) => join(shards[i] as string, "results.json")), "--out", join(dir, "bad")]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain("given twice");
  });

  it("refuses a malformed --shard", () => {
    const run = runCli([...scoreArgs, "--out", join(tmpdir(), "never"), "--shard", "4/3"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--shard");
  });
});
