#!/usr/bin/env node
// The demo: scores fixtures/demo for round 2024 (and 2023) with the national demo rule set, then
// compares the rounds (销号清单), combines them (综合评价) and plans towards 优秀 — into out/demo/.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../packages/cli/bin/civitas.js", import.meta.url));
const ruleset = "rulesets/national/2021.1.0.yaml";
const steps = [
  ["score", "--ruleset", ruleset, "--evidence", "fixtures/demo", "--round", "2024", "--out", "out/demo"],
  ["score", "--ruleset", ruleset, "--evidence", "fixtures/demo", "--round", "2023", "--out", "out/demo/rounds/2023"],
  ["compare", "--base", "out/demo/rounds/2023/results.json", "--current", "out/demo/results.json", "--out", "out/demo/closure"],
  [
    "composite",
    "--results",
    "out/demo/rounds/2023/results.json:0.4",
    "--results",
    "out/demo/results.json:0.6",
    "--out",
    "out/demo/composite",
  ],
  ["plan", "--results", "out/demo/results.json", "--target", "excellent", "--out", "out/demo/plan"],
];
for (const args of steps) {
  console.log(`\n$ civitas ${args.join(" ")}`);
  const run = spawnSync(process.execPath, [cli, ...args], { stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`demo: civitas ${args[0]} exited with ${run.status}`);
    process.exit(run.status ?? 1);
  }
}
console.log("\nDemo written to out/demo/ (results.json, CSVs, rounds/2023, closure/, composite/, plan/).");
