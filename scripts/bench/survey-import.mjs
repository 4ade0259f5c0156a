#!/usr/bin/env node
// The survey-import benchmark: a 问卷星 export of a national survey (300 cities × 400
// respondents = 120,000 rows, 20 questions; scripts/bench/generate-survey-export.mjs) imported by
// `civitas import survey` with screens (minSeconds, duplicate 来自IP). Each run is a fresh
// process; the figures (median wall time, CPU time, peak memory) go into the survey section of
// docs/benchmarks.md. `npm run bench` runs it too; alone: `npm run bench:survey`.
//   BENCH_SURVEY_RUNS=3   runs      BENCH_OUT=file   write elsewhere than docs/benchmarks.md
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = "packages/cli/bin/civitas.js";
const { BENCH_SURVEY_RUNS = "3", BENCH_OUT = "docs/benchmarks.md" } = process.env;
const DATA = "bench-data/survey";
export const SURVEY_SECTION = "## Survey import";
const END = "<!-- end of the survey import section -->";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The export (generated once; again when the generator changed). */
function exportData() {
  const stamp = String(readFileSync("scripts/bench/generate-survey-export.mjs", "utf8").length);
  const stampFile = join(DATA, ".generated");
  if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) {
    console.log(`generating ${DATA} …`);
    const run = spawnSync(process.execPath, ["scripts/bench/generate-survey-export.mjs", "--out", DATA], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(run.stderr);
    writeFileSync(stampFile, stamp);
  }
  return { map: join(DATA, "survey-map.yaml"), export: join(DATA, "wjx-national.csv") };
}

function importOnce(data) {
  const work = mkdtempSync(join(tmpdir(), "civitas-bench-survey-"));
  const stats = join(work, "stats.json");
  try {
    const started = performance.now();
    const run = spawnSync(process.execPath, [CLI, "import", "survey", "--map", data.map, data.export, "--out", join(work, "survey.csv")], {
      encoding: "utf8",
      env: { ...process.env, CIVITAS_STATS_FILE: stats },
    });
    const wall = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`import survey failed (${run.status}): ${run.stderr}`);
    const s = JSON.parse(readFileSync(stats, "utf8"));
    const counts = /(\d+) answers written, (\d+) unanswered, (\d+) rejected, (\d+) screened/.exec(run.stdout);
    return {
      wall,
      cpu: (s.userMs + s.systemMs) / 1000,
      rssMb: s.maxRssKb / 1024,
      written: Number(counts?.[1]),
      screened: Number(counts?.[4]),
      rejected: Number(counts?.[3]),
      outBytes: statSync(join(work, "survey.csv")).size,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Measures the import; the lines of its section of docs/benchmarks.md. */
export function surveyImportBench(runs = Number(BENCH_SURVEY_RUNS)) {
  const data = exportData();
  const load = loadavg()[0] ?? 0;
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const r = importOnce(data);
    samples.push(r);
    console.log(`survey import run ${i + 1}/${runs}: ${r.wall.toFixed(2)} s (cpu ${r.cpu.toFixed(2)} s, peak ${r.rssMb.toFixed(0)} MiB)`);
  }
  const first = samples[0];
  const size = statSync(data.export).size / 1024 / 1024;
  return [
    SURVEY_SECTION,
    "",
    `\`civitas import survey\` of a 问卷星 export of 300 cities × 400 = 120,000 respondents × 20 questions (${size.toFixed(1)} MiB, ` +
      "`scripts/bench/generate-survey-export.mjs`), with minSeconds and duplicate-IP screens: " +
      `${first.written.toLocaleString("en")} answers written (${(first.outBytes / 1024 / 1024).toFixed(1)} MiB survey.csv), ` +
      `${first.screened.toLocaleString("en")} cells screened, ${first.rejected.toLocaleString("en")} rejected. Median of ${runs} runs, each a fresh process ` +
      `(load average ${load.toFixed(1)} on ${cpus().length} cores when it started: on a shared machine the wall time says more about the others than about the import; the CPU time does not).`,
    "",
    "| wall time | CPU time | peak memory | target |",
    "| --------: | -------: | ----------: | ------ |",
    `| ${median(samples.map((r) => r.wall)).toFixed(2)} s | ${median(samples.map((r) => r.cpu)).toFixed(2)} s | ` +
      `${Math.max(...samples.map((r) => r.rssMb)).toFixed(0)} MiB | under 10 s and 500 MB |`,
    "",
    "The export is parsed on worker threads (as large evidence is) after its header has been checked against the map; " +
      "the main thread judges each respondent and writes survey.csv in pieces.",
    END,
  ];
}

/** Puts `lines` in place of the survey section of `doc` (before the hand-written part when it has none). */
export function withSurveySection(doc, lines) {
  const text = lines.join("\n");
  const at = doc.indexOf(SURVEY_SECTION);
  if (at !== -1) {
    const end = doc.indexOf(END, at);
    return `${doc.slice(0, at)}${text}${end === -1 ? "" : doc.slice(end + END.length)}`;
  }
  const hand = doc.indexOf("## Where the time goes");
  return hand === -1 ? `${doc.trimEnd()}\n\n${text}\n` : `${doc.slice(0, hand)}${text}\n\n${doc.slice(hand)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync("packages/cli/dist/main.js"))
    throw new Error("the CLI is not built: run `npm run build` first (npm run bench:survey does)");
  const doc = BENCH_OUT;
  const lines = surveyImportBench();
  writeFileSync(doc, withSurveySection(existsSync(doc) ? readFileSync(doc, "utf8") : "# Benchmarks\n", lines));
  console.log(`wrote ${doc}`);
}
