/**
 * The shell as a user meets it: usage errors on stderr with the command's usage line (exit 2),
 * help on stdout, no colour escapes under NO_COLOR or FORCE_COLOR=0, and a package that can be
 * imported without running anything.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nodeArgs, repoRoot, runCli } from "./support/run-cli.js";

const ESC = "\x1b";

describe("usage errors", () => {
  it("list every problem with the command's usage line on stderr, nothing on stdout, exit 2", () => {
    const run = runCli(["score", "--round", "2023", "--round", "2024", "--formats"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatchInlineSnapshot(`
      "civitas score: --formats needs a value: --formats LIST
      civitas score: --round is given 2 times ("2023", "2024"): give it once
      civitas score: missing required flag --ruleset PATH|ID@VERSION
      civitas score: missing required flag --evidence DIR
      civitas score: missing required flag --out DIR
      usage: civitas score --ruleset PATH|ID@VERSION --evidence DIR --round ROUND --out DIR [flags]
      Run \`civitas score --help\` for every flag and an example.
      "
    `);
  });

  it("ask for a command when none is named", () => {
    const run = runCli(["ruleset"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("civitas ruleset: name a command (validate, list, show, diff, schema, import)");
    expect(run.stderr).toContain("usage: civitas ruleset <validate|list|show|diff|schema|import> …");
  });
});

describe("help", () => {
  it("goes to stdout with exit 0, naming defaults, required flags and an example", () => {
    const run = runCli(["plan", "--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("--target RATIO|GRADE");
    expect(run.stdout).toContain("(required)");
    expect(run.stdout).toContain("(default: json,csv,pdf)");
    expect(run.stdout).toContain("civitas plan --results out/2024/results.json --target excellent --out out/plan");
  });
});

describe("colour", () => {
  it("is forced by FORCE_COLOR=1 and left out under FORCE_COLOR=0 and NO_COLOR", () => {
    const help = (env: Record<string, string | undefined>) => runCli(["--help"], repoRoot, { NO_COLOR: undefined, ...env }).stdout;
    expect(help({ FORCE_COLOR: "1" })).toContain(ESC);
    expect(help({ FORCE_COLOR: "0" })).not.toContain(ESC);
    expect(help({ FORCE_COLOR: "1", NO_COLOR: "1" })).not.toContain(ESC);
    expect(runCli(["--version"], repoRoot, { NO_COLOR: undefined, FORCE_COLOR: "0" }).stdout).toBe("civitas v0.1.0\n");
  });

  it.skipIf(!existsSync("/usr/bin/script"))("is left out on a terminal under FORCE_COLOR=0", () => {
    const onTerminal = (env: Record<string, string>) => {
      const command = [process.execPath, ...nodeArgs(["--help"])].map((a) => `'${a}'`).join(" ");
      const { NO_COLOR: _, ...rest } = process.env;
      return spawnSync("/usr/bin/script", ["-qec", command, "/dev/null"], { cwd: repoRoot, encoding: "utf8", env: { ...rest, ...env } })
        .stdout;
    };
    expect(onTerminal({ TERM: "xterm" })).toContain(ESC);
    expect(onTerminal({ TERM: "xterm", FORCE_COLOR: "0" })).not.toContain(ESC);
    expect(onTerminal({ TERM: "xterm", NO_COLOR: "1" })).not.toContain(ESC);
  });
});

describe("@civitas/cli", () => {
  it("can be imported without running a command", () => {
    const script = 'const cli = await import("@civitas/cli"); console.log(typeof cli.runCli, process.exitCode ?? "unset");';
    const run = spawnSync(process.execPath, ["--conditions=@civitas/source", "--import", "tsx", "--input-type=module", "-e", script], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: "function unset\n", stderr: "" });
  });
});
