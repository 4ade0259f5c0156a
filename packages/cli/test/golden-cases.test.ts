/**
 * Golden cases as data: every folder of fixtures/cases holds a rule set, evidence, the round
 * and the expected results (hand-computed); the CLI must reproduce them to 1e-6, in a
 * results.json that conforms to results.schema.json. A case with `import` first turns its
 * survey-platform exports into the evidence's survey.csv (`civitas import survey`), checks what
 * the import rejected and screened, and must score exactly as its equivalent long answers.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resultsSchemaErrors } from "../../core/test/support/results-schema.js";
import { mismatches } from "./support/match.js";
import { repoRoot, runCli } from "./support/run-cli.js";

const casesDir = join(repoRoot, "fixtures/cases");
const cases = readdirSync(casesDir).filter((name) => existsSync(join(casesDir, name, "case.json")));

interface CaseSpec {
  readonly ruleset: string;
  readonly round: string;
  readonly rulesets?: string;
  /** A survey import before scoring: the map, the exports, and the equivalent long survey.csv. */
  readonly import?: { readonly map: string; readonly exports: readonly string[]; readonly long: string };
}

/** Scores `evidence` as the case says (all formats, or only `json`); the parsed results.json. */
function score(dir: string, spec: CaseSpec, evidence: string, name: string, formats = "json,csv,pdf") {
  const out = join(mkdtempSync(join(tmpdir(), `civitas-${name}-`)), "out");
  const run = runCli([
    "score",
    "--ruleset",
    join(dir, spec.ruleset),
    "--rulesets",
    join(dir, spec.rulesets ?? "."),
    "--evidence",
    evidence,
    "--round",
    spec.round,
    "--out",
    out,
    "--formats",
    formats,
  ]);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.status).toBe(0);
  return JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
}

/** survey-rejects.csv's rows as `{file, line, code, questionId}`. */
function surveyRejects(path: string) {
  const [, ...lines] = readFileSync(path, "utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n");
  return lines
    .filter((l) => l !== "")
    .map((l) => {
      const [file, , line, , questionId, , , code] = l.split(",");
      return { file, line: Number(line), code, questionId: questionId === "" ? null : questionId };
    });
}

describe("golden cases", () => {
  it.each(cases)("%s scores as computed by hand", (name) => {
    const dir = join(casesDir, name);
    const spec = JSON.parse(readFileSync(join(dir, "case.json"), "utf8")) as CaseSpec;
    let evidence = join(dir, "evidence");
    if (spec.import !== undefined) {
      evidence = join(mkdtempSync(join(tmpdir(), `civitas-${name}-evidence-`)), "evidence");
      cpSync(join(dir, "evidence"), evidence, { recursive: true });
      const imported = runCli([
        "import",
        "survey",
        "--map",
        join(dir, spec.import.map),
        ...spec.import.exports.map((e) => join(dir, e)),
        "--out",
        join(evidence, "survey.csv"),
      ]);
      expect(imported.stderr).not.toMatch(/internal error/);
      expect(imported.status).toBe(0);
      const expectedImport = JSON.parse(readFileSync(join(dir, "expected-import.json"), "utf8"));
      const { totals, exports, rejects } = expectedImport;
      expect(imported.stdout).toContain(
        `${totals.written} answers written, ${totals.unanswered} unanswered, ${totals.rejected} rejected, ${totals.screened} screened`,
      );
      for (const e of exports) {
        expect(imported.stdout).toMatch(
          new RegExp(
            `${e.file}\\s+${e.respondents} respondents: ${e.written} written, ${e.unanswered} unanswered, ${e.rejected} rejected, ${e.screened} screened`,
          ),
        );
      }
      expect(surveyRejects(join(evidence, "survey-rejects.csv"))).toEqual(rejects);
    }
    const results = score(dir, spec, evidence, name);
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
    expect(resultsSchemaErrors(results)).toEqual([]);
    expect(mismatches(results, expected)).toEqual([]);
    if (spec.import !== undefined) {
      // the same answers written long score exactly alike
      const long = join(mkdtempSync(join(tmpdir(), `civitas-${name}-long-`)), "evidence");
      cpSync(join(dir, "evidence"), long, { recursive: true });
      cpSync(join(dir, spec.import.long), join(long, "survey.csv"));
      expect(score(dir, spec, long, name, "json").cities).toEqual(results.cities);
    }
  });
});
