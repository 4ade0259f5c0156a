/**
 * One run at a time per --out: a run refuses an output another live run holds, takes over the
 * lock of a run that is gone, and removes the staging left by runs that are gone (only those).
 * And the summary points at the rejected rows where they were written.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./support/run-cli.js";

const basic = join(repoRoot, "fixtures/cases/basic");
const scratch = () => mkdtempSync(join(tmpdir(), "civitas-lock-"));
const score = (out: string, ...extra: string[]) =>
  runCli([
    "score",
    "--ruleset",
    join(basic, "ruleset.yaml"),
    "--evidence",
    join(basic, "evidence"),
    "--round",
    "2024",
    "--out",
    out,
    ...extra,
  ]);

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid as number;

describe("the lock beside --out", () => {
  it("makes a second run refuse while another run holds the output, naming it", () => {
    const parent = scratch();
    writeFileSync(join(parent, ".out.civitas-lock"), `${process.pid}\n`);
    const run = score(join(parent, "out"), "--formats", "json");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`is being written by another civitas run (pid ${process.pid})`);
    expect(run.stderr).toContain(join(parent, ".out.civitas-lock"));
    expect(existsSync(join(parent, "out"))).toBe(false);
    expect(run.stdout).not.toContain("scored");
  });

  it("is taken over from a run that is gone, and released when the run ends", () => {
    const parent = scratch();
    writeFileSync(join(parent, ".out.civitas-lock"), `${deadPid()}\n`);
    const run = score(join(parent, "out"), "--formats", "json");
    expect(run.status).toBe(0);
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("is released when the run fails", () => {
    const parent = scratch();
    const run = runCli([
      "compare",
      "--base",
      join(parent, "missing.json"),
      "--current",
      join(parent, "x.json"),
      "--out",
      join(parent, "out"),
    ]);
    expect(run.status).toBe(2);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe("staging left by a killed run", () => {
  it("is removed by the next run when its process is gone, and kept while it runs", () => {
    const parent = scratch();
    const stale = `.civitas-partial-${deadPid()}-abc`;
    const live = `.civitas-partial-${process.pid}-def`;
    for (const name of [stale, live, `${stale}.previous`]) mkdirSync(join(parent, name));
    writeFileSync(join(parent, stale, "results.json"), "{}");
    const run = score(join(parent, "out"), "--formats", "json");
    expect(run.status).toBe(0);
    expect(readdirSync(parent).sort()).toEqual([live, "out"].sort());
  });
});

describe("the summary of a round", () => {
  it("points at results.json's rejects when no CSV was written", () => {
    const out = join(scratch(), "out");
    const run = score(out, "--formats", "json");
    expect(run.stderr).toContain(`13 evidence rows were rejected: see "rejects" in ${out}/results.json`);
    expect(run.stderr).not.toContain("rejects.csv");
  });

  it("points at rejects.csv when it was written", () => {
    const out = join(scratch(), "out");
    expect(score(out, "--formats", "csv").stderr).toContain(`13 evidence rows were rejected: see ${out}/rejects.csv`);
  });
});
