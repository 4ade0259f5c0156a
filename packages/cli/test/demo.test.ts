/**
 * The demo evidence scores as its README promises: ten cities in three peer groups, the
 * deliberate bad rows (and only they) in rejects.csv, every row accounted for, the appeals of
 * appeals.csv applied (every decision; 赣州市 provisional while its appeal is pending).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Results } from "@civitas/core";
import { describe, expect, it } from "vitest";
import { resultsSchemaErrors } from "../../core/test/support/results-schema.js";
import { repoRoot, runCli } from "./support/run-cli.js";

describe("fixtures/demo", () => {
  it("scores round 2024 with every deliberate bad row rejected and every row accounted for", () => {
    const out = join(mkdtempSync(join(tmpdir(), "civitas-demo-")), "out");
    const run = runCli([
      "score",
      "--ruleset",
      "rulesets/national/2021.1.0.yaml",
      "--evidence",
      "fixtures/demo",
      "--round",
      "2024",
      "--out",
      out,
    ]);
    expect(run.status).toBe(0);
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as Results;
    expect(resultsSchemaErrors(results)).toEqual([]);
    expect(results.cities).toHaveLength(10);
    expect(new Set(results.cities.map((c) => c.peerGroup)).size).toBe(3);
    const bad = JSON.parse(readFileSync(join(repoRoot, "fixtures/demo/expected/bad-rows.json"), "utf8")) as Array<{
      file: string;
      line: number;
      code: string;
    }>;
    expect(results.rejects.map((r) => [r.file, r.line, r.code])).toEqual(bad.map((b) => [b.file, b.line, b.code]));
    for (const file of results.inputs.files) expect(file.accepted + file.skipped + file.rejected).toBe(file.rows);
    expect(results.inputs.files.find((f) => f.name === "documents.csv")?.encoding).toBe("gb18030");
    expect(results.inputs.files.find((f) => f.name === "cities.csv")?.encoding).toBe("utf8-bom");
    const byId = new Map(results.cities.map((c) => [c.cityId, c]));
    expect(byId.get("jinjiang")?.status).toBe("vetoed");
    expect(byId.get("jinan")?.adjustments.map((a) => a.id)).toEqual(["P01"]);
    expect(byId.get("ganzhou")?.standards.find((s) => s.id === "S8.1.1")?.status).toBe("insufficient");
    expect(
      byId
        .get("wuhu")
        ?.standards.filter((s) => s.method === "survey")
        .every((s) => s.status === "insufficient"),
    ).toBe(true);
    expect(byId.get("yiwu")?.standards.find((s) => s.id === "S7.2.3")?.status).toBe("notApplicable");
    // appeals.csv: 7 accepted (every decision), 4 rejected (listed in expected/bad-rows.json)
    expect(results.inputs.files.find((f) => f.name === "appeals.csv")).toMatchObject({ rows: 11, accepted: 7, rejected: 4 });
    const decisions = results.cities.flatMap((c) => c.appeals.map((a) => a.decision));
    expect(new Set(decisions)).toEqual(new Set(["withdrawn", "revised", "upheld", "pending"]));
    expect(results.cities.filter((c) => c.provisional).map((c) => c.cityId)).toEqual(["ganzhou"]);
    const hangzhou = byId.get("hangzhou");
    expect(hangzhou?.appeals[0]).toMatchObject({ appealId: "HZ-2024-01", decision: "withdrawn", pointsRestored: 3 });
    expect((hangzhou?.score ?? 0) - (hangzhou?.scoreBeforeAppeals ?? 0)).toBeCloseTo(3, 9);
    // ganzhou's penalty P04 was withdrawn on appeal: it holds no more
    expect(byId.get("ganzhou")?.adjustments).toEqual([]);
  });
});
