/**
 * The civitas command end to end: exit codes, messages naming file, line and field, outputs.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./support/run-cli.js";

const basic = join(repoRoot, "fixtures/cases/basic");
const scratch = () => mkdtempSync(join(tmpdir(), "civitas-cli-"));
const score = (evidence: string, out: string, ...extra: string[]) =>
  runCli(["score", "--ruleset", join(basic, "ruleset.yaml"), "--evidence", evidence, "--round", "2024", "--out", out, ...extra]);

describe("civitas score", () => {
  it("writes results.json, the CSV tables (UTF-8 with BOM), a scorecard per city and the summary", () => {
    const out = join(scratch(), "out");
    const run = score(join(basic, "evidence"), out);
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      ".civitas-output",
      "appeals.csv",
      "problems.csv",
      "rejects.csv",
      "results.csv",
      "results.json",
      "scorecards",
      "standards.csv",
      "summary.pdf",
    ]);
    expect(readdirSync(join(out, "scorecards")).sort()).toEqual(["a.pdf", "b.pdf", "c.pdf"]);
    expect(readFileSync(join(out, "summary.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    for (const name of ["results.csv", "standards.csv", "problems.csv", "rejects.csv", "appeals.csv"]) {
      expect([...readFileSync(join(out, name)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const results = readFileSync(join(out, "results.csv"), "utf8");
    expect(results).toContain("city_id,name,peer_group,score,max,ratio,grade,status,rank_overall,rank_peer_group");
    expect(results).toContain("甲市");
    expect(run.stderr).toContain("13 evidence rows were rejected");
  });

  it("gives byte-identical results.json and PDFs for the same inputs", () => {
    const a = join(scratch(), "a");
    const b = join(scratch(), "b");
    score(join(basic, "evidence"), a);
    score(join(basic, "evidence"), b);
    for (const name of ["results.json", "summary.pdf", "scorecards/a.pdf"])
      expect(readFileSync(join(a, name))).toEqual(readFileSync(join(b, name)));
  });

  it("re-renders the PDFs of a results.json with civitas render", () => {
    const out = join(scratch(), "out");
    score(join(basic, "evidence"), out, "--formats", "json");
    expect(existsSync(join(out, "summary.pdf"))).toBe(false);
    const pdfs = join(scratch(), "pdfs");
    const run = runCli(["render", join(out, "results.json"), "--out", pdfs, "--report-date", "2024-06-30"]);
    expect(run.status).toBe(0);
    expect(readdirSync(join(pdfs, "scorecards")).sort()).toEqual(["a.pdf", "b.pdf", "c.pdf"]);
  });

  it("maps city ids that are unsafe file names to safe scorecard names inside --out", () => {
    const evidence = scratch();
    writeFileSync(join(evidence, "cities.csv"), "city_id,name\n../evil,坏城市\nCON,设备名\n/abs,绝对路径\n");
    const parent = scratch();
    const out = join(parent, "out");
    const run = score(evidence, out);
    expect(run.status).toBe(0);
    expect(readdirSync(join(out, "scorecards")).sort()).toEqual(["%2E.%2Fevil.pdf", "%2Fabs.pdf", "%43ON.pdf"]);
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("exits 1 under --strict when rows were rejected, still writing the outputs", () => {
    const out = join(scratch(), "out");
    const run = score(join(basic, "evidence"), out, "--strict");
    expect(run.status).toBe(1);
    expect(existsSync(join(out, "rejects.csv"))).toBe(true);
  });

  it("exits 2 naming the file when cities.csv is missing", () => {
    const evidence = scratch();
    const run = score(evidence, join(scratch(), "out"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("cities.csv");
  });

  it("exits 2 naming file, line and column when a required column is missing", () => {
    const evidence = scratch();
    cpSync(join(basic, "evidence"), evidence, { recursive: true });
    writeFileSync(join(evidence, "facts.csv"), "round,city_id,fact\n2024,a,pm25\n");
    const run = score(evidence, join(scratch(), "out"));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/facts\.csv:1: required column "value"/);
  });

  it("leaves the previous output untouched when a run fails", () => {
    const out = join(scratch(), "out");
    score(join(basic, "evidence"), out);
    const before = readFileSync(join(out, "results.json"));
    const evidence = scratch();
    writeFileSync(join(evidence, "cities.csv"), "");
    const run = score(evidence, out);
    expect(run.status).toBe(2);
    expect(readFileSync(join(out, "results.json"))).toEqual(before);
    expect(readdirSync(join(out, "..")).filter((n) => n.includes("partial"))).toEqual([]);
  });

  it("exits 2 on an unknown format", () => {
    const run = score(join(basic, "evidence"), join(scratch(), "out"), "--formats", "json,xls");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown format "xls"');
  });

  it("exits 2 on bad usage (a missing flag)", () => {
    const run = runCli(["score", "--round", "2024"]);
    expect(run.status).toBe(2);
  });
});

describe("civitas ruleset validate", () => {
  it("accepts a valid rule set", () => {
    const run = runCli(["ruleset", "validate", join(basic, "ruleset.yaml")]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("ok: basic@1.0.0");
  });

  it("exits 2 naming every fault of a broken file with line and column", () => {
    const dir = scratch();
    const text = readFileSync(join(basic, "ruleset.yaml"), "utf8")
      .replace("deduction: 3", "deduction: -3")
      .replace("responsible: [cgj, scj]", "responsible: [cgj, nobody]")
      .replace("operator: greaterThan,", "operator: biggerThan,")
      .replace("points: 20", "points: 25\n            pionts: 3");
    writeFileSync(join(dir, "broken.yaml"), text);
    const run = runCli(["ruleset", "validate", join(dir, "broken.yaml")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/broken\.yaml:\d+:\d+ categories\[0\]\.contents\[0\]\.standards\[0\]\.checks\[1\]\.deduction/);
    expect(run.stderr).toContain('unknown department "nobody"');
    expect(run.stderr).toContain('unknown operator "biggerThan"');
    expect(run.stderr).toContain('unknown key "pionts"');
    expect(run.stderr).toContain("scale is 70");
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("civitas", () => {
  it("prints help and the version", () => {
    expect(runCli(["--help"]).stdout).toContain("score");
    expect(runCli(["--version"]).stdout).toMatch(/\d+\.\d+\.\d+/);
  });
});
