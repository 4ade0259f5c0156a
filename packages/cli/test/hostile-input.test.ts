/**
 * Hostile evidence never crashes a batch, never drops a row silently, and an interrupted run
 * leaves the previous output as it was.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./support/run-cli.js";

const basic = join(repoRoot, "fixtures/cases/basic");
const evidenceWith = (files: Record<string, string | Buffer>) => {
  const dir = mkdtempSync(join(tmpdir(), "civitas-hostile-"));
  cpSync(join(basic, "evidence"), dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
};
const score = (evidence: string, out = join(mkdtempSync(join(tmpdir(), "civitas-out-")), "out")) => ({
  out,
  run: runCli(["score", "--ruleset", join(basic, "ruleset.yaml"), "--evidence", evidence, "--round", "2024", "--out", out]),
});
const results = (out: string) =>
  JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as {
    inputs: { files: Array<{ name: string; rows: number; accepted: number; skipped: number; rejected: number }> };
    rejects: Array<{ file: string; line: number; code: string }>;
  };

describe("hostile CSV input", () => {
  it("refuses a 0-byte file with exit 2, naming it", () => {
    const { run } = score(evidenceWith({ "survey.csv": "" }));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("survey.csv is empty");
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses a duplicate header column with exit 2, naming the file and the column", () => {
    const { run } = score(evidenceWith({ "facts.csv": "round,city_id,fact,value,VALUE\n2024,a,pm25,1,2\n" }));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/facts\.csv:1: column "VALUE" appears twice/);
  });

  it("accepts a header-only file as zero rows", () => {
    const { run, out } = score(evidenceWith({ "survey.csv": "round,city_id,respondent_id,question_id,answer\r\n" }));
    expect(run.status).toBe(0);
    expect(results(out).inputs.files.find((f) => f.name === "survey.csv")).toMatchObject({ rows: 0, accepted: 0 });
  });

  it("accounts for every row of a file with undecodable bytes, mixed line endings and a BOM in the middle", () => {
    const bytes = Buffer.concat([
      Buffer.from("round,city_id,fact,value\r\n2024,a,pm25,45\n2024,a,exposed,1\r"),
      Buffer.from("2024,\uFEFFa,other,1\n2024,a,bad"),
      Buffer.from([0xff, 0xfe, 0x80]),
      Buffer.from(",2\n"),
    ]);
    const { run, out } = score(evidenceWith({ "facts.csv": bytes }));
    expect(run.status).toBe(0);
    const facts = results(out).inputs.files.find((f) => f.name === "facts.csv");
    expect(facts?.rows).toBe(4);
    expect((facts?.accepted ?? 0) + (facts?.skipped ?? 0) + (facts?.rejected ?? 0)).toBe(4);
  });

  it("rejects a row with an unterminated quote and keeps every row before it", () => {
    const { run, out } = score(evidenceWith({ "facts.csv": 'round,city_id,fact,value\n2024,a,pm25,45\n2024,a,exposed,"1\n2024,a,x,1\n' }));
    expect(run.status).toBe(0);
    const r = results(out);
    expect(r.inputs.files.find((f) => f.name === "facts.csv")).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
    expect(r.rejects.find((x) => x.file === "facts.csv")).toMatchObject({ line: 3, code: "malformed_row" });
  });

  it("reads a multi-megabyte cell", () => {
    const note = "很长的备注".repeat(400_000);
    const { run, out } = score(
      evidenceWith({ "field.csv": `round,city_id,site_id,check_id,count,note\n2024,a,m1,K1,1,"${note}"\n2024,a,m2,K2,1,\n` }),
    );
    expect(run.status).toBe(0);
    expect(results(out).inputs.files.find((f) => f.name === "field.csv")).toMatchObject({ rows: 2, accepted: 2 });
  });
});

describe("--out", () => {
  const victim = () => {
    const dir = join(mkdtempSync(join(tmpdir(), "civitas-victim-")), "precious");
    mkdirSync(join(dir, "sub"), { recursive: true });
    writeFileSync(join(dir, "SENTINEL"), "keep me");
    return dir;
  };

  it("never replaces a directory Civitas did not write, the evidence, a file, or an empty name", () => {
    const precious = victim();
    const refusals: Array<[string, string]> = [
      [precious, "is a directory Civitas did not write"],
      [join(precious, "SENTINEL"), "exists and is not a directory"],
      ["", "--out is empty"],
      [join(basic, "evidence"), "holds the input"],
      [basic, "holds the input"],
      [repoRoot, "is (or contains) the working directory"],
    ];
    for (const [out, reason] of refusals) {
      const { run } = score(join(basic, "evidence"), out);
      expect(run.status, out).toBe(2);
      expect(run.stderr).toContain(reason);
    }
    expect(readFileSync(join(precious, "SENTINEL"), "utf8")).toBe("keep me");
    expect(readdirSync(precious).sort()).toEqual(["SENTINEL", "sub"]);
    expect(existsSync(join(basic, "evidence", "cities.csv"))).toBe(true);
  });

  it("replaces its own earlier output, an empty directory, and refuses to render over its own input", () => {
    const empty = mkdtempSync(join(tmpdir(), "civitas-empty-"));
    expect(score(join(basic, "evidence"), empty).run.status).toBe(0);
    expect(readdirSync(empty)).toContain(".civitas-output");
    expect(score(join(basic, "evidence"), empty).run.status).toBe(0);
    const render = runCli(["render", join(empty, "results.json"), "--out", empty]);
    expect(render.status).toBe(2);
    expect(render.stderr).toContain("holds the input");
    expect(existsSync(join(empty, "results.json"))).toBe(true);
  });

  it("says so, exit 2, when the output cannot be put beside --out", () => {
    const file = join(mkdtempSync(join(tmpdir(), "civitas-file-")), "afile");
    writeFileSync(file, "x");
    const { run } = score(join(basic, "evidence"), join(file, "sub"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("cannot create the output beside it");
    expect(run.stderr).not.toContain("internal error");
  });
});

describe("interrupted runs", () => {
  it("leave the previous output untouched and no partial directory behind", async () => {
    const parent = mkdtempSync(join(tmpdir(), "civitas-interrupt-"));
    const out = join(parent, "out");
    expect(score(join(basic, "evidence"), out).run.status).toBe(0);
    const before = readFileSync(join(out, "results.json"));
    const rows = ["round,city_id,respondent_id,question_id,answer"];
    for (let i = 0; i < 1_000_000; i++) rows.push(`2024,a,r${i},Q1,A`);
    const big = evidenceWith({ "survey.csv": rows.join("\n") });
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
    const child = spawn(
      process.execPath,
      [
        "--conditions=@civitas/source",
        "--import",
        "tsx",
        main,
        "score",
        "--ruleset",
        join(basic, "ruleset.yaml"),
        "--evidence",
        big,
        "--round",
        "2024",
        "--out",
        out,
      ],
      { cwd: repoRoot, stdio: "ignore" },
    );
    await new Promise((resolve) => setTimeout(resolve, 1200));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).not.toBe(0);
    expect(readFileSync(join(out, "results.json"))).toEqual(before);
    expect(readdirSync(parent)).toEqual(["out"]);
    expect(existsSync(join(out, "results.csv"))).toBe(true);
  });
});
