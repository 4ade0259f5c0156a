/**
 * The command line checked before anything runs: every problem at once, each with its code;
 * help written from the command descriptions; colour decided by NO_COLOR and FORCE_COLOR.
 */
import { describe, expect, it } from "vitest";
import { civitasCommand } from "../src/commands/civitas.js";
import { checkUsage } from "../src/shell/check-usage.js";
import { colorsEnabled } from "../src/shell/colors.js";
import type { CommandInfo } from "../src/shell/define-command.js";
import { helpText, usageLines } from "../src/shell/help.js";

const root = civitasCommand.info;
const issuesOf = (...argv: string[]) => {
  const check = checkUsage(argv, root);
  return check.kind === "invalid" ? check.issues.map((i) => `${i.code} ${i.at}`) : check.kind;
};

/** Every command below `command`, with its path. */
const leaves = (command: CommandInfo, path: CommandInfo[] = []): CommandInfo[][] =>
  command.subcommands.length === 0 ? [[...path, command]] : command.subcommands.flatMap((c) => leaves(c, [...path, command]));

describe("the usage check", () => {
  it("reports every missing required flag at once", () => {
    expect(issuesOf("score", "--round", "2024")).toEqual(["missing_flag --ruleset", "missing_flag --evidence", "missing_flag --out"]);
  });

  it("refuses a single-value flag given twice, naming it, but lets --results repeat", () => {
    expect(issuesOf("score", "--ruleset", "r.yaml", "--evidence", "e", "--round", "2023", "--round=2024", "--out", "o")).toEqual([
      "repeated_flag --round",
    ]);
    expect(issuesOf("composite", "--results", "a.json", "--results", "b.json:2", "--out", "o")).toBe("run");
  });

  it("names unknown flags with the closest known one, flags without a value and values not among the choices", () => {
    const check = checkUsage(["ruleset", "show", "x", "--fromat", "--rulesets"], root);
    expect(check.kind === "invalid" && check.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "unknown flag --fromat (did you mean --format?)",
        "--rulesets needs a value: --rulesets DIR",
      ]
    `);
    expect(issuesOf("ruleset", "show", "x", "--format", "xml")).toEqual(["bad_value --format"]);
    expect(issuesOf("score", "--strict", "maybe", "--ruleset", "r", "--evidence", "e", "--round", "1", "--out", "o")).toEqual([
      "unexpected_argument maybe",
    ]);
  });

  it("reads switches, --name=value, negative numbers and -- as effect/cli does", () => {
    expect(issuesOf("score", "--strict", "true", "--ruleset=r", "--evidence", "e", "--round", "-1", "--out", "o")).toBe("run");
    expect(issuesOf("score", "--no-strict", "--ruleset", "r", "--evidence", "e", "--round", "1", "--out", "o")).toBe("run");
    expect(issuesOf("render", "--out", "o", "--", "--odd-name.json")).toBe("run");
  });

  it("reports missing and unexpected arguments", () => {
    expect(issuesOf("render", "--out", "o")).toEqual(["missing_argument <results>"]);
    expect(issuesOf("render", "a.json", "b.json", "--out", "o")).toEqual(["unexpected_argument b.json"]);
    expect(issuesOf("merge", "--out", "o")).toEqual(["missing_argument <shard-results>"]);
    expect(issuesOf("merge", "a.json", "b.json", "c.json", "--out", "o")).toBe("run");
  });

  it("asks for a command, and names an unknown one with the closest", () => {
    expect(issuesOf()).toEqual(["missing_command civitas"]);
    expect(issuesOf("ruleset")).toEqual(["missing_command civitas ruleset"]);
    const check = checkUsage(["scroe"], root);
    expect(check.kind === "invalid" && check.issues[0]?.message).toBe(
      'civitas: unknown command "scroe" (did you mean score?); commands: score, ruleset, render, compare, composite, plan, merge, import, feedback',
    );
  });

  it("leaves --help and --version to run, whatever else is on the line", () => {
    expect(checkUsage(["score", "--round", "1", "--help"], root)).toMatchObject({
      kind: "help",
      path: [{ name: "civitas" }, { name: "score" }],
    });
    expect(checkUsage(["--version"], root).kind).toBe("run");
  });
});

describe("help", () => {
  it("shows for every flag whether it is required or its default, and an example", () => {
    const help = helpText([root, root.subcommands.find((c) => c.name === "score") as CommandInfo], false);
    expect(help).toContain("  civitas score --ruleset PATH|ID@VERSION --evidence DIR --round ROUND --out DIR [flags]");
    expect(help).toMatch(/--round ROUND {2,}the round to score, e\.g\. 2024 \(required\)/);
    expect(help).toMatch(/--formats LIST {2,}comma-separated outputs: json, csv, pdf \(default: json,csv,pdf\)/);
    expect(help).toMatch(/--strict {2,}exit 1 when any evidence row was rejected \(default: off\)/);
    expect(help).toContain("EXAMPLE\n  civitas score --ruleset national@2024.1.0");
  });

  it("gives every command an example that passes the usage check", () => {
    for (const path of leaves(root)) {
      const command = path[path.length - 1] as CommandInfo;
      expect(command.examples.length, path.map((c) => c.name).join(" ")).toBeGreaterThan(0);
      for (const example of command.examples) {
        const argv = example.split(" ");
        expect(checkUsage(argv, root), example).toMatchObject({ kind: "run", path: path.map((c) => ({ name: c.name })) });
      }
    }
  });

  it("spells out the required flags and arguments in the usage line", () => {
    const compose = root.subcommands.find((c) => c.name === "composite") as CommandInfo;
    expect(usageLines([root, compose])).toEqual(["civitas composite --results RESULTS.JSON[:WEIGHT]… --out DIR [flags]"]);
    expect(usageLines([root])).toEqual(["civitas <score|ruleset|render|compare|composite|plan|merge|import|feedback> …"]);
  });

  it("has no escape sequences without colours, and bold headings with them", () => {
    const path = [root];
    expect(helpText(path, false)).not.toContain("\x1b");
    expect(helpText(path, true)).toContain("\x1b[1mUSAGE\x1b[22m");
  });
});

describe("colours", () => {
  it("are off under NO_COLOR or FORCE_COLOR=0, even on a terminal, and forced by FORCE_COLOR=1", () => {
    expect(colorsEnabled({ env: {}, isTTY: true })).toBe(true);
    expect(colorsEnabled({ env: {}, isTTY: false })).toBe(false);
    expect(colorsEnabled({ env: { NO_COLOR: "1" }, isTTY: true })).toBe(false);
    expect(colorsEnabled({ env: { FORCE_COLOR: "0" }, isTTY: true })).toBe(false);
    expect(colorsEnabled({ env: { FORCE_COLOR: "false" }, isTTY: true })).toBe(false);
    expect(colorsEnabled({ env: { FORCE_COLOR: "1" }, isTTY: false })).toBe(true);
    expect(colorsEnabled({ env: { FORCE_COLOR: "1", NO_COLOR: "1" }, isTTY: true })).toBe(false);
    expect(colorsEnabled({ env: { TERM: "dumb" }, isTTY: true })).toBe(false);
  });
});
