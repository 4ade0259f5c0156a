/**
 * `civitas import survey` as an assessor runs it: the demo's 问卷星 export imported, its
 * deliberate faults (and only they) in survey-rejects.csv, and scoring the imported answers
 * gives the cities the demo's long survey.csv gives; a bad map or a missing column stops the
 * import with every problem named (exit 2) before anything is written.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Results } from "@civitas/core";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./support/run-cli.js";

const demo = join(repoRoot, "fixtures/demo");
const map = join(demo, "exports/survey-map.yaml");
const wjx = join(demo, "exports/wjx-2024.csv");
const temp = () => mkdtempSync(join(tmpdir(), "civitas-import-"));

describe("civitas import survey", () => {
  it("imports the demo's 问卷星 export, rejects and screens exactly its deliberate faults, and scores as the long answers", () => {
    const dir = temp();
    const evidence = join(dir, "evidence");
    const run = runCli(["import", "survey", "--map", map, wjx, "--out", join(evidence, "survey.csv")]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("imported 465 respondents × 8 questions from 1 export");
    expect(run.stdout).toContain("wjx-2024.csv  465 respondents: 3608 written, 14 unanswered, 10 rejected, 88 screened (utf8-bom)");
    expect(run.stderr).toContain("1 respondent rejected whole, 11 screened out, 2 answers rejected: see");
    const [header, ...rows] = readFileSync(join(evidence, "survey-rejects.csv"), "utf8").split("\r\n");
    expect(header).toBe("\uFEFFfile,sheet,line,respondent_id,question_id,column,outcome,code,reason,raw");
    const bad = JSON.parse(readFileSync(join(demo, "exports/bad-rows.json"), "utf8")) as { line: number; code: string }[];
    expect(
      rows.map((r) =>
        r
          .split(",")
          .slice(2, 8)
          .filter((_, i) => i === 0 || i === 5)
          .join(" "),
      ),
    ).toEqual(bad.map((b) => `${b.line} ${b.code}`));
    for (const file of ["cities.csv", "sites.csv", "field.csv", "documents.csv", "facts.csv", "appeals.csv"])
      copyFileSync(join(demo, file), join(evidence, file));
    const scored = (from: string, out: string) => {
      const score = runCli([
        "score",
        "--ruleset",
        "rulesets/national/2021.1.0.yaml",
        "--evidence",
        from,
        "--round",
        "2024",
        "--out",
        out,
        "--formats",
        "json",
      ]);
      expect(score.status).toBe(0);
      return JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as Results;
    };
    expect(scored(evidence, join(dir, "imported")).cities).toEqual(scored(demo, join(dir, "long")).cities);
  });

  it("refuses an invalid map with every problem, file, line and path, and writes nothing", () => {
    const dir = temp();
    const bad = join(dir, "map.yaml");
    writeFileSync(
      bad,
      "platform: sojump\nround: 2024\ncity: { value: hangzhou }\nquestions:\n  Q01: { colum: 3、, answers: { 满意: B } }\n",
    );
    const run = runCli(["import", "survey", "--map", bad, wjx, "--out", join(dir, "survey.csv")]);
    expect(run.status).toBe(2);
    expect(run.stderr.replaceAll(dir, "DIR")).toMatchInlineSnapshot(`
      "civitas: invalid survey map DIR/map.yaml: 3 problem(s)
      DIR/map.yaml:1:11 platform: must be wjx (问卷星), kobo (KoboToolbox) or wide (any other wide table)
      DIR/map.yaml:5:8 questions.Q01.column: required (string)
      DIR/map.yaml:5:17 questions.Q01.colum: unknown key "colum"
      "
    `);
    expect(existsSync(join(dir, "survey.csv"))).toBe(false);
  });

  it("refuses a map whose question the export lacks, naming the export and the map path", () => {
    const dir = temp();
    const other = join(dir, "map.yaml");
    writeFileSync(other, readFileSync(map, "utf8").replace("column: 10、", "column: 11、"));
    const run = runCli(["import", "survey", "--map", other, wjx, "--out", join(dir, "survey.csv")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('wjx-2024.csv questions.Q08.column: question Q08: no header is or starts with "11、" in wjx-2024.csv');
    expect(existsSync(join(dir, "survey-rejects.csv"))).toBe(false);
  });

  it("exits 1 under --strict when anything was rejected, and never writes over an input", () => {
    const dir = temp();
    expect(runCli(["import", "survey", "--map", map, wjx, "--out", join(dir, "survey.csv"), "--strict"]).status).toBe(1);
    const overwrite = runCli(["import", "survey", "--map", map, wjx, "--out", wjx]);
    expect([overwrite.status, overwrite.stderr]).toEqual([2, expect.stringContaining("is an input of this import")]);
  });
});
