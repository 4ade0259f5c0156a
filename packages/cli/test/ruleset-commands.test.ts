/**
 * Rule-set versions and overlays through the CLI: lookup by id@version and by id with
 * --as-of, list, show, diff (with impact), schema and import.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot, runCli } from "./support/run-cli.js";

const basic = join(repoRoot, "fixtures/cases/basic");
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "civitas-rulesets-"));
  const v1 = readFileSync(join(basic, "ruleset.yaml"), "utf8").replace(
    "effectiveFrom: 2020-01-01",
    "effectiveFrom: 2020-01-01\neffectiveTo: 2024-01-01",
  );
  const v2 = v1
    .replace("version: 1.0.0", "version: 2.0.0")
    .replace("effectiveFrom: 2020-01-01\neffectiveTo: 2024-01-01", "effectiveFrom: 2024-01-01")
    .replace("scale: 70", "scale: 80")
    .replace("points: 20", "points: 30");
  mkdirSync(join(dir, "basic"));
  mkdirSync(join(dir, "local"));
  writeFileSync(join(dir, "basic/1.0.0.yaml"), v1);
  writeFileSync(join(dir, "basic/2.0.0.yaml"), v2);
  writeFileSync(
    join(dir, "local/city.yaml"),
    [
      "id: city",
      "version: 1.0.0",
      "title: 某市实施细则（示例）",
      "effectiveFrom: 2024-01-01",
      "extends: basic",
      "scale: 75",
      "patch:",
      "  standards: [ { id: S1, points: 25 } ]",
      "remove:",
      "  adjustments: [ P1 ]",
      "",
    ].join("\n"),
  );
  writeFileSync(join(dir, "notes.yaml"), "just: a note\n");
});

describe("rule-set lookup", () => {
  it("finds id@version in --rulesets", () => {
    const run = runCli(["ruleset", "validate", "basic@1.0.0", "--rulesets", dir]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("basic@1.0.0");
    expect(run.stderr).toContain("notes.yaml: skipped, it has no id and version");
  });

  it("picks the version in force on --as-of for a bare id", () => {
    expect(runCli(["ruleset", "validate", "basic", "--rulesets", dir, "--as-of", "2023-12-31"]).stdout).toContain("basic@1.0.0");
    expect(runCli(["ruleset", "validate", "basic", "--rulesets", dir, "--as-of", "2024-01-01"]).stdout).toContain("basic@2.0.0");
  });

  it("resolves an overlay's extends in the same directory, as of the date", () => {
    const run = runCli(["ruleset", "show", "city@1.0.0", "--rulesets", dir, "--as-of", "2024-06-01", "--format", "json"]);
    expect(run.status).toBe(0);
    const resolved = JSON.parse(run.stdout) as { id: string; scale: number; adjustments: Array<{ id: string }>; categories: unknown };
    expect(resolved.id).toBe("city");
    expect(resolved.scale).toBe(75);
    expect(resolved.adjustments.map((a) => a.id)).toEqual(["V1"]);
    expect(JSON.stringify(resolved.categories)).toContain('"points":25');
    expect(JSON.stringify(resolved.categories)).toContain('"points":30'); // S2 from basic@2.0.0
  });

  it("exits 2 when two files have the same id@version", () => {
    const twin = mkdtempSync(join(tmpdir(), "civitas-twin-"));
    const text = readFileSync(join(basic, "ruleset.yaml"), "utf8");
    writeFileSync(join(twin, "a.yaml"), text);
    writeFileSync(join(twin, "b.yaml"), text);
    const run = runCli(["ruleset", "validate", "basic@1.0.0", "--rulesets", twin]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("defined twice");
  });

  it("exits 2 naming the unknown base of an overlay", () => {
    const lonely = mkdtempSync(join(tmpdir(), "civitas-lonely-"));
    writeFileSync(join(lonely, "o.yaml"), "id: o\nversion: 1.0.0\ntitle: t\neffectiveFrom: 2024-01-01\nextends: nowhere@1.0.0\n");
    const run = runCli(["ruleset", "validate", join(lonely, "o.yaml"), "--rulesets", lonely]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/o\.yaml:5:\d+ extends: unknown base rule set "nowhere@1\.0\.0"/);
  });
});

describe("faults of a chain of rule sets, each in its own file", () => {
  const overlay = (id: string, base: string, extra = "") =>
    `id: ${id}\nversion: 1.0.0\ntitle: t\neffectiveFrom: 2024-01-01\nextends: ${base}\n${extra}`;

  it("finds a cycle of extends, direct or through others", () => {
    const loop = mkdtempSync(join(tmpdir(), "civitas-cycle-"));
    writeFileSync(join(loop, "a.yaml"), overlay("a", "b@1.0.0"));
    writeFileSync(join(loop, "b.yaml"), overlay("b", "c@1.0.0"));
    writeFileSync(join(loop, "c.yaml"), overlay("c", "a@1.0.0"));
    writeFileSync(join(loop, "self.yaml"), overlay("self", "self@1.0.0"));
    const run = runCli(["ruleset", "validate", "a@1.0.0", "--rulesets", loop]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/c\.yaml:5:\d+ extends: cycle of extends: a@1\.0\.0 → b@1\.0\.0 → c@1\.0\.0 → a@1\.0\.0/);
    const self = runCli(["ruleset", "validate", join(loop, "self.yaml"), "--rulesets", loop]);
    expect(self.status).toBe(2);
    expect(self.stderr).toContain("cycle of extends: self@1.0.0 → self@1.0.0");
  });

  it("reports a fault of the base in the base's file, at its line, and one the overlay causes at its patch entry", () => {
    const chain = mkdtempSync(join(tmpdir(), "civitas-chain-"));
    const base = readFileSync(join(basic, "ruleset.yaml"), "utf8");
    writeFileSync(join(chain, "broken.yaml"), base.replace("id: basic", "id: broken").replace("points: 20", "points: -20"));
    writeFileSync(join(chain, "basic.yaml"), base);
    writeFileSync(join(chain, "on-broken.yaml"), overlay("on-broken", "broken@1.0.0"));
    writeFileSync(join(chain, "to-data.yaml"), overlay("to-data", "basic@1.0.0", "patch:\n  standards:\n    - { id: S3, method: data }\n"));
    const line = base.split("\n").findIndex((l) => l.includes("points: 20")) + 1;
    const run = runCli(["ruleset", "validate", "on-broken@1.0.0", "--rulesets", chain]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/on-broken\.yaml:5:\d+ extends: its base broken@1\.0\.0 \(.*broken\.yaml\) has problems, listed below/);
    expect(run.stderr).toMatch(
      new RegExp(`broken\\.yaml:${line}:\\d+ categories\\[0\\]\\.contents\\[0\\]\\.standards\\[1\\]\\.points: must be greater than 0`),
    );
    const patched = runCli(["ruleset", "validate", "to-data@1.0.0", "--rulesets", chain]);
    expect(patched.status).toBe(2);
    expect(patched.stderr).toMatch(/to-data\.yaml:8:\d+ patch\.standards\[0\]: fact: required \(string\) \(in the item as patched\)/);
  });

  it("says which files were skipped when the lookup fails", () => {
    const skipped = mkdtempSync(join(tmpdir(), "civitas-skipped-"));
    writeFileSync(join(skipped, "base.yaml"), "id: base\nid: twice\n");
    writeFileSync(join(skipped, "o.yaml"), overlay("o", "base@1.0.0"));
    const run = runCli(["ruleset", "validate", "o@1.0.0", "--rulesets", skipped]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown base rule set "base@1.0.0"');
    expect(run.stderr).toMatch(/warning: .*base\.yaml: skipped, it cannot be parsed/);
  });

  it("refuses a date that is not one, and a rule-set directory that does not exist", () => {
    for (const date of ["abc", "2024-02-30"]) {
      const run = runCli(["ruleset", "validate", "basic", "--rulesets", dir, "--as-of", date]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`--as-of ${date}: not a date`);
    }
    const list = runCli(["ruleset", "list", "--rulesets", join(dir, "nowhere")]);
    expect(list.status).toBe(2);
    expect(list.stderr).toContain("not a directory");
    const byId = runCli(["ruleset", "validate", "basic@1.0.0", "--rulesets", join(dir, "nowhere")]);
    expect(byId.status).toBe(2);
    expect(byId.stderr).toContain("does not exist");
  });
});

describe("civitas ruleset list, diff, schema, import", () => {
  it("lists ids, versions, effective dates and extends", () => {
    const run = runCli(["ruleset", "list", "--rulesets", dir]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/basic\s+1\.0\.0\s+2020-01-01\s+2024-01-01/);
    expect(run.stdout).toMatch(/city\s+1\.0\.0\s+2024-01-01\s+basic/);
  });

  it("diffs two versions: changed standards and points moved per category", () => {
    const run = runCli(["ruleset", "diff", "basic@1.0.0", "basic@2.0.0", "--rulesets", dir, "--format", "json"]);
    expect(run.status).toBe(0);
    const diff = JSON.parse(run.stdout) as {
      standards: { changed: Array<{ id: string; changes: Array<{ field: string; before: unknown; after: unknown }> }> };
      categories: Array<{ id: string; before: number; after: number; delta: number }>;
      fromHash: string;
      toHash: string;
      settings: Array<{ field: string; before: unknown; after: unknown }>;
    };
    expect(diff.standards.changed).toEqual([{ id: "S2", changes: [{ field: "points", before: 20, after: 30 }] }]);
    expect(diff.fromHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(diff.toHash).not.toBe(diff.fromHash);
    expect(diff.settings).toEqual([
      { field: "effectiveFrom", before: "2020-01-01", after: "2024-01-01" },
      { field: "effectiveTo", before: "2024-01-01", after: null },
      { field: "scale", before: 70, after: 80 },
    ]);
    expect(diff.categories.find((c) => c.id === "C1")).toMatchObject({ before: 50, after: 60, delta: 10 });
  });

  it("shows the impact of a revision on every city", () => {
    const run = runCli([
      "ruleset",
      "diff",
      "basic@1.0.0",
      "basic@2.0.0",
      "--rulesets",
      dir,
      "--evidence",
      join(basic, "evidence"),
      "--round",
      "2024",
      "--format",
      "json",
    ]);
    expect(run.status).toBe(0);
    const { impact } = JSON.parse(run.stdout) as {
      impact: Array<{ cityId: string; before: { score: number; max: number }; after: { score: number; max: number } }>;
    };
    // b: S2 full marks (1 positive answer of 1) → 50/70 before, 60/80 after
    const b = impact.find((c) => c.cityId === "b");
    expect(b?.before).toMatchObject({ score: 50, max: 70 });
    expect(b?.after).toMatchObject({ score: 60, max: 80 });
  });

  it("prints a JSON Schema that rulesets/schema.json matches", () => {
    const run = runCli(["ruleset", "schema"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(join(repoRoot, "rulesets/schema.json"), "utf8")));
  });

  it("imports a GBK indicator table into a skeleton that validates, reporting rows it cannot place", () => {
    const table = [
      "测评项目,测评内容,测评标准,分值,测评方法,责任单位",
      "公共环境,市容环境卫生,农贸市场环境卫生,30,实地考察,城市管理局、市场监督管理局",
      ",,市民满意度,10,问卷调查,城市管理局",
      "生态环境,空气质量,PM2.5年均浓度,10,网上申报,生态环境局",
      "生态环境,工作机制,创建工作机制健全,5,材料审核,文明办",
      "生态环境,空气质量,没有分值,,实地考察,",
      "生态环境,空气质量,方法不明,5,电话抽查,",
    ].join("\r\n");
    const tableDir = mkdtempSync(join(tmpdir(), "civitas-import-"));
    writeFileSync(join(tableDir, "table.csv"), iconv.encode(table, "gb18030"));
    const out = join(tableDir, "imported.yaml");
    const run = runCli(["ruleset", "import", join(tableDir, "table.csv"), "--id", "imported", "--out", out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("imported 4 standards; 2 row(s) could not be placed");
    expect(run.stderr).toMatch(/table\.csv:6: 分值/);
    expect(run.stderr).toMatch(/table\.csv:7: 测评方法/);
    const data = parse(readFileSync(out, "utf8")) as { scale: number; departments: Array<{ name: string }> };
    expect(data.scale).toBe(55);
    expect(data.departments.map((d) => d.name)).toEqual(["城市管理局", "市场监督管理局", "生态环境局", "文明办"]);
    expect(runCli(["ruleset", "validate", out]).status).toBe(0);
  });
});
