/**
 * Every failure code is documented in docs/failures.md with the exit code the one mapping
 * (failure-report.ts) gives it, and failures read as the messages users know.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ClosureError,
  CompositeError,
  EvidenceError,
  FAILURE_CODES,
  MergeError,
  PlanError,
  ResultsError,
  RulesetError,
} from "@civitas/core";
import * as Effect from "effect/Effect";
import { describe, expect, it } from "vitest";
import { CLI_FAILURE_CODES, CliFailure } from "../src/failure.js";
import { reportExit, reportFailure } from "../src/failure-report.js";
import { USAGE_ISSUE_CODES } from "../src/shell/usage-issues.js";
import { repoRoot } from "./support/run-cli.js";

const doc = readFileSync(join(repoRoot, "docs/failures.md"), "utf8");
/** The documented rows: code and error → exit code. */
const documented = new Map(
  [...doc.matchAll(/^\| `([a-z_]+)` +\| `([A-Za-z]+)` +\| (\d+) +\|/gm)].map((m) => [`${m[2]} ${m[1]}`, Number(m[3])]),
);

function instance(tag: string, code: string): unknown {
  const details = { code, message: `${tag} ${code}`, file: "f" } as never;
  switch (tag) {
    case "EvidenceError":
      return new EvidenceError(details);
    case "RulesetError":
      return new RulesetError([]);
    case "ResultsError":
      return new ResultsError([], "results.json");
    case "ClosureError":
      return new ClosureError(details);
    case "CompositeError":
      return new CompositeError(details);
    case "MergeError":
      return new MergeError(details);
    default:
      return new PlanError(details);
  }
}

describe("failure codes", () => {
  it("are each documented with the exit code they give", () => {
    const actual = new Map<string, number | undefined>();
    for (const [tag, codes] of Object.entries(FAILURE_CODES))
      for (const code of codes) actual.set(`${tag} ${code}`, reportFailure(instance(tag, code))?.exitCode);
    for (const code of CLI_FAILURE_CODES)
      actual.set(`CliFailure ${code}`, reportFailure(new CliFailure({ code, message: code }))?.exitCode);
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(actual));
  });

  it("of the command line are each documented", () => {
    for (const code of USAGE_ISSUE_CODES) expect(doc).toContain(`| \`${code}\``);
  });

  it("read as the CLI has always worded them", () => {
    const merge = new MergeError({ code: "missing_shards", message: "missing shard(s): 2/3" });
    expect(reportFailure(merge)).toEqual({ text: "civitas: merge: missing shard(s): 2/3", exitCode: 2 });
    const results = new ResultsError([{ path: "round", message: "Invalid input" }], "a.json");
    expect(reportFailure(results)?.text).toBe("civitas: a.json: not a usable results.json (1 problem(s))\n  round: Invalid input");
    const strict = new CliFailure({ code: "rows_rejected", message: "--strict: rows were rejected" });
    expect(reportFailure(strict)).toEqual({ text: "civitas: --strict: rows were rejected", exitCode: 1 });
  });

  it("leave a bug a defect: exit 70 with its cause", async () => {
    const exit = await Effect.runPromiseExit(Effect.die(new TypeError("x is undefined")));
    const report = reportExit(exit);
    expect(report.exitCode).toBe(70);
    expect(report.text).toMatch(/^civitas: internal error/);
    expect(report.text).toContain("x is undefined");
  });
});
