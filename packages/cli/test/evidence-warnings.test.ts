/**
 * What the evidence reader says reaches the user: files in the evidence directory that are not
 * read are named on stderr as warnings (the run goes on), and a file that is not CSV text stops
 * the run with exit 2, saying what it is.
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./support/run-cli.js";

const basic = join(repoRoot, "fixtures/cases/basic");
const evidenceWith = (files: Record<string, string | Buffer>) => {
  const dir = mkdtempSync(join(tmpdir(), "civitas-warnings-"));
  cpSync(join(basic, "evidence"), dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
};
const score = (evidence: string) =>
  runCli([
    "score",
    "--ruleset",
    join(basic, "ruleset.yaml"),
    "--evidence",
    evidence,
    "--round",
    "2024",
    "--out",
    join(mkdtempSync(join(tmpdir(), "civitas-out-")), "out"),
    "--formats",
    "json",
  ]);

describe("civitas score", () => {
  it("names on stderr every file of the evidence directory it does not read, and scores the rest", () => {
    const dir = evidenceWith({ "field (1).csv": "round,city_id,site_id,check_id,count\n", "Facts.CSV": "x\n", "notes.txt": "x" });
    const run = score(dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`warning: ${join(dir, "Facts.CSV")} is not read: evidence file names are lower case (facts.csv)\n`);
    expect(run.stderr).toContain(
      `warning: ${join(dir, "field (1).csv")} is not read: only field.csv is (is this a copy or another version of it?)\n`,
    );
    expect(run.stderr).toContain(`warning: ${join(dir, "notes.txt")} is not read: evidence files are cities.csv, sites.csv`);
    expect(run.stdout).toContain("scored 3 cities");
  });

  it("exits 2 naming a UTF-16 file as such, not as a file without its columns", () => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("round\tcity_id\tfact\tvalue\r\n2024\ta\tpm25\t40\r\n", "utf16le")]);
    const run = score(evidenceWith({ "facts.csv": text }));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`facts.csv is UTF-16 text (Excel's "Unicode 文本"); save it as CSV UTF-8`);
    expect(run.stderr).not.toContain("required column");
  });
});
