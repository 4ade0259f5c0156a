/**
 * The commands across rounds end to end, on two small rounds of the basic rule set: score with
 * --previous (scorecards show the change), compare, composite and plan writing their PDFs next
 * to JSON and CSV, and render --previous refusing results of another rule set.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../../pdf/test/support/pdf-text.js";
import { type CliRun, repoRoot, runCli, runCliAsync } from "./support/run-cli.js";

const ruleset = join(repoRoot, "fixtures/cases/basic/ruleset.yaml");
const scratch = mkdtempSync(join(tmpdir(), "civitas-rounds-"));
const at = (...parts: string[]) => join(scratch, ...parts);
const text = async (path: string) => (await pdfText(readFileSync(path))).all;

/**
 * Two rounds: in city a, K1 at m1 persists, K2 at m2 is resolved (m2 visited again), K1 at m3
 * goes unverified (m3 not visited in 2024) and K1 at m2 is new; city c is vetoed in 2024.
 */
function writeEvidence(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string[]> = {
    "cities.csv": ["city_id,name,peer_group,titled", "a,甲市,g1,1", "b,乙市,g1,0", "c,丙市,g2,1"],
    "sites.csv": [
      "round,city_id,site_id,site_type",
      ...["m1", "m2", "m3"].map((s) => `2023,a,${s},market`),
      ...["m1", "m2"].map((s) => `2024,a,${s},market`),
      "2023,b,m4,market",
      "2024,b,m4,market",
      "2023,c,m5,market",
      "2024,c,m5,market",
    ],
    "field.csv": [
      "round,city_id,site_id,check_id,count",
      "2023,a,m1,K1,2",
      "2023,a,m2,K2,1",
      "2023,a,m3,K1,1",
      "2024,a,m1,K1,1",
      "2024,a,m2,K1,1",
      "2023,b,m4,K2,1",
    ],
    "survey.csv": [
      "round,city_id,respondent_id,question_id,answer",
      ...["2023", "2024"].flatMap((round) =>
        ["a", "b", "c"].flatMap((city) =>
          ["A", "A", "C", round === "2024" ? "A" : "C"].map((answer, i) => `${round},${city},r${i},Q1,${answer}`),
        ),
      ),
    ],
    "documents.csv": ["round,city_id,standard_id,verdict", "2023,a,S3,partial", "2024,a,S3,met", "2023,b,S3,met", "2024,b,S3,met"],
    "facts.csv": ["round,city_id,fact,value", "2023,a,pm25,60", "2024,a,pm25,50", "2024,c,accidents,1", "2023,b,pm25,40", "2024,b,pm25,40"],
  };
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), `${lines.join("\n")}\n`);
}

const runs: Record<string, CliRun> = {};

beforeAll(async () => {
  writeEvidence(at("evidence"));
  const score = (round: string, ...extra: string[]) =>
    runCli(["score", "--ruleset", ruleset, "--evidence", at("evidence"), "--round", round, "--out", at(round), ...extra]);
  runs.score2023 = score("2023", "--formats", "json");
  runs.score2024 = score("2024", "--previous", at("2023", "results.json"), "--report-date", "2024-06-30");
  const [base, current] = [at("2023", "results.json"), at("2024", "results.json")];
  const other = JSON.parse(readFileSync(base, "utf8")) as { ruleset: { id: string } };
  other.ruleset.id = "other";
  writeFileSync(at("other.json"), JSON.stringify(other));
  // these four only read the two results: run them at once
  [runs.compare, runs.composite, runs.plan, runs.render] = await Promise.all([
    runCliAsync(["compare", "--base", base, "--current", current, "--out", at("closure"), "--formats", "json,pdf"]),
    runCliAsync(["composite", "--results", `${base}:0.4`, "--results", `${current}:0.6`, "--out", at("composite")]),
    runCliAsync(["plan", "--results", current, "--target", "excellent", "--out", at("plan"), "--report-date", "2024-06-30"]),
    runCliAsync(["render", current, "--out", at("render"), "--previous", at("other.json")]),
  ]);
}, 120_000);

describe("civitas score --previous", () => {
  it("shows on each scorecard the change since the previous round and what became of its problems", async () => {
    expect(runs.score2023?.status).toBe(0);
    expect(runs.score2024?.status).toBe(0);
    const card = await text(at("2024", "scorecards", "a.pdf"));
    expect(card).toMatch(/较2023轮：总得分[+-]\d+\.\d\d·得分率[+-]?\d+\.\d\d个百分点·总名次/);
    expect(card).toContain("二、较上轮（2023）变化");
    // a had 6 problems in 2023: 已销号 K2 at m2 and S3; 未复查 K1 at m3; 未整改 K1 at m1, S2 and S4; 新发现 K1 at m2
    expect(card).toContain("上轮问题整改情况（上轮问题6项）已销号2");
    expect(card).toContain("未复查1本轮未复查未整改3两轮均存在新发现1本轮首次发现");
    expect(card).toContain("地面有积水、垃圾K1·S1农贸市场环境卫生m1");
    // results.json is the same with or without --previous: only the PDFs change
    expect(Object.keys(JSON.parse(readFileSync(at("2024", "results.json"), "utf8")))).not.toContain("previous");
  });

  it("is refused by civitas render when the previous results use another rule set", () => {
    expect(runs.render?.status).toBe(2);
    expect(runs.render?.stderr).toContain("results of rule set other cannot be compared with rule set basic");
  });
});

describe("civitas compare, composite and plan", () => {
  it("compare writes the formats asked for, closure.pdf with a section per department", async () => {
    expect(runs.compare?.status).toBe(0);
    expect(readdirSync(at("closure")).sort()).toEqual([".civitas-output", "closure.json", "closure.pdf"]);
    expect(runs.compare?.stdout).toContain("wrote");
    const closure = await text(at("closure", "closure.pdf"));
    expect(closure).toContain("问题销号与责任清单");
    expect(closure).toContain("城市管理局cgj未整改");
    expect(closure).toContain("市场监督管理局scj未整改");
    // unverified: K1 at m3 of 甲市, found in 2023 (the site type by id: basic is not in --rulesets)
    expect(closure).toContain("未复查地面有积水、垃圾K1·S1农贸市场环境卫生m3market12.00——2023");
  });

  it("composite and plan write JSON, CSV and PDF", async () => {
    expect(runs.composite?.status).toBe(0);
    expect(readdirSync(at("composite")).sort()).toEqual([".civitas-output", "composite.csv", "composite.json", "composite.pdf"]);
    const composite = await text(at("composite", "composite.pdf"));
    expect(composite).toContain("综合测评与动态管理");
    expect(composite).toContain("2023权重0.42024权重0.6综合得分率");
    expect(runs.plan?.status).toBe(0);
    expect(readdirSync(at("plan")).sort()).toEqual([".civitas-output", "plan.csv", "plan.json", "plan.pdf"]);
    const plan = await text(at("plan", "plan.pdf"));
    expect(plan).toContain("整改计划");
    expect(plan).toContain("丙市c一票否决结论：本轮一票否决");
    expect(plan).toContain("2024年6月30日");
  });
});

describe("closure.csv and plan.csv", () => {
  it("name cities, standards, checks and departments beside their ids, and say since which round", () => {
    const [base, current] = [at("2023", "results.json"), at("2024", "results.json")];
    expect(runCli(["compare", "--base", base, "--current", current, "--out", at("closure-csv"), "--formats", "csv"]).status).toBe(0);
    const closure = readFileSync(at("closure-csv", "closure.csv"), "utf8").split(/\r?\n/);
    expect(closure[0]).toContain("city_id,city_name,standard_id,standard_name,check_id,check_name,site_id,class,class_name");
    expect(closure).toContain(
      "a,甲市,S1,农贸市场环境卫生,K1,地面有积水、垃圾,m1,persisting,未整改,cgj;scj,城市管理局;市场监督管理局,2023,2,4,1,2",
    );
    expect(runCli(["plan", "--results", current, "--target", "1", "--out", at("plan-csv"), "--formats", "csv"]).status).toBe(0);
    const plan = readFileSync(at("plan-csv", "plan.csv"), "utf8");
    expect(plan).toMatch(/,S1,农贸市场环境卫生,K1,地面有积水、垃圾,[\d.]+,[\d.]+,cgj;scj,城市管理局;市场监督管理局/);
  });
});

describe("civitas composite and plan arguments", () => {
  it("read a weight after the last colon in any decimal notation, and refuse a round given twice", () => {
    const [base, current] = [at("2023", "results.json"), at("2024", "results.json")];
    const run = runCli([
      "composite",
      "--results",
      `${base}:.5`,
      "--results",
      `${current}:1.5e0`,
      "--out",
      at("weights"),
      "--formats",
      "json",
    ]);
    expect(run.status).toBe(0);
    const composite = JSON.parse(readFileSync(at("weights", "composite.json"), "utf8")) as { rounds: Array<{ weight: number }> };
    expect(composite.rounds.map((r) => r.weight)).toEqual([0.5, 1.5]);
    const zero = runCli(["composite", "--results", `${base}:0`, "--out", at("zero")]);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain("the weight must be a positive number");
    const twice = runCli(["composite", "--results", base, "--results", `${base}:2`, "--out", at("twice")]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain("round 2023 is given twice");
  });

  it("plan refuses a target ratio outside [0, 1] or an unknown grade, naming the grades", () => {
    const current = at("2024", "results.json");
    const high = runCli(["plan", "--results", current, "--target", "1.5", "--out", at("p1")]);
    expect(high.status).toBe(2);
    expect(high.stderr).toContain("between 0 and 1");
    const grade = runCli(["plan", "--results", current, "--target", "platinum", "--out", at("p2")]);
    expect(grade.status).toBe(2);
    expect(grade.stderr).toContain("excellent (优秀)");
  });

  it("compare refuses results without section 5's lists, naming the file and every path", () => {
    const current = at("2024", "results.json");
    const stripped = JSON.parse(readFileSync(current, "utf8")) as { cities: Array<Record<string, unknown>> };
    for (const city of stripped.cities) delete city.problems;
    writeFileSync(at("stripped.json"), JSON.stringify(stripped));
    const run = runCli(["compare", "--base", at("stripped.json"), "--current", current, "--out", at("c")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${at("stripped.json")}: not a usable results.json (3 problem(s))`);
    expect(run.stderr).toContain("cities[2].problems: missing");
  });
});
