/**
 * Golden cases as data: every folder of fixtures/cases holds a rule set, evidence, the round
 * and the expected results (hand-computed); the CLI must reproduce them to 1e-6, in a
 * results.json that conforms to results.schema.json.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resultsSchemaErrors } from "../../core/test/support/results-schema.js";
import { mismatches } from "./support/match.js";
import { repoRoot, runCli } from "./support/run-cli.js";

const casesDir = join(repoRoot, "fixtures/cases");
const cases = readdirSync(casesDir).filter((name) => existsSync(join(casesDir, name, "case.json")));

describe("golden cases", () => {
  it.each(cases)("%s scores as computed by hand", (name) => {
    const dir = join(casesDir, name);
    const spec = JSON.parse(readFileSync(join(dir, "case.json"), "utf8")) as { ruleset: string; round: string; rulesets?: string };
    const out = join(mkdtempSync(join(tmpdir(), `civitas-${name}-`)), "out");
    const run = runCli([
      "score",
      "--ruleset",
      join(dir, spec.ruleset),
      "--rulesets",
      join(dir, spec.rulesets ?? "."),
      "--evidence",
      join(dir, "evidence"),
      "--round",
      spec.round,
      "--out",
      out,
    ]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.status).toBe(0);
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
    expect(resultsSchemaErrors(results)).toEqual([]);
    expect(mismatches(results, expected)).toEqual([]);
  });
});
