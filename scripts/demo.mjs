#!/usr/bin/env node
// The demo: scores fixtures/demo for rounds 2023 and 2024 with the national demo rule set (the
// 2024 scorecards show the change since 2023), then compares the rounds (销号清单, 责任清单),
// combines them (综合评价) and plans towards 优秀 — each with JSON, CSV and PDF — into out/demo/,
// and writes each city's feedback notice (测评问题反馈单, PDF and .docx, with photos) into
// out/demo/feedback/. Round 2024 is scored with its appeals applied (appeals.csv); its survey answers come from the 问卷星 export in fixtures/demo/exports, imported with
// its map (speeders and repeat submissions screened, bad cells rejected) into out/demo/survey-import/.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../packages/cli/bin/civitas.js", import.meta.url));
const ruleset = "rulesets/national/2021.1.0.yaml";
// 2023 is scored first beside out/demo (scoring 2024 replaces out/demo), then moved into it.
const staged2023 = "out/.demo-2023";
// round 2024's evidence: the demo's files, with survey.csv as imported from the 问卷星 export
const imported = "out/.demo-survey-import";
const evidence2024 = "out/.demo-evidence-2024";
const steps = [
  ["score", "--ruleset", ruleset, "--evidence", "fixtures/demo", "--round", "2023", "--out", staged2023],
  [
    "import",
    "survey",
    "--map",
    "fixtures/demo/exports/survey-map.yaml",
    "fixtures/demo/exports/wjx-2024.csv",
    "--out",
    `${imported}/survey.csv`,
  ],
  () => {
    mkdirSync(evidence2024, { recursive: true });
    for (const file of ["cities.csv", "sites.csv", "field.csv", "documents.csv", "facts.csv", "appeals.csv"]) {
      copyFileSync(`fixtures/demo/${file}`, `${evidence2024}/${file}`);
    }
    copyFileSync(`${imported}/survey.csv`, `${evidence2024}/survey.csv`);
  },
  [
    "score",
    "--ruleset",
    ruleset,
    "--evidence",
    evidence2024,
    "--round",
    "2024",
    "--out",
    "out/demo",
    "--previous",
    `${staged2023}/results.json`,
  ],
  () => {
    mkdirSync("out/demo/rounds", { recursive: true });
    renameSync(staged2023, "out/demo/rounds/2023");
    renameSync(imported, "out/demo/survey-import");
    rmSync(evidence2024, { recursive: true, force: true });
  },
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
  // each city's notice; the photos field.csv names are under fixtures/demo/photos
  [
    "feedback",
    "--results",
    "out/demo/results.json",
    "--evidence",
    "fixtures/demo",
    "--report-date",
    "2024-06-30",
    "--out",
    "out/demo/feedback",
  ],
];
for (const staged of [staged2023, imported, evidence2024]) rmSync(staged, { recursive: true, force: true });
for (const step of steps) {
  if (typeof step === "function") {
    step();
    continue;
  }
  console.log(`\n$ civitas ${step.join(" ")}`);
  const run = spawnSync(process.execPath, [cli, ...step], { stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`demo: civitas ${step[0]} exited with ${run.status}`);
    process.exit(run.status ?? 1);
  }
}
console.log(
  "\nDemo written to out/demo/: results.json, CSVs, scorecards/ (with the change since 2023) and summary.pdf; " +
    "rounds/2023/; survey-import/ (the 问卷星 export as survey.csv, with survey-rejects.csv); closure/, composite/ and plan/ (JSON, CSV and PDF each); " +
    "feedback/ (a notice per city, PDF and .docx).",
);
