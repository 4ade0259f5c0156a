#!/usr/bin/env node
// npm run bench: generates synthetic national batches (deterministic seed) and measures, in one
// run: a naive split-by-line parse (the physical floor), a bare fast-csv parse (headers: true,
// one stream per file), `civitas score` to JSON and CSV at 1x, 2x and 4x the batch, and with
// PDFs at 1x; then profiles one 1x run. Every measurement is a fresh process; the parse and the
// score alternate, so that a busy machine slows both alike. Writes medians, CPU time, peak
// memory and rows per second to docs/benchmarks.md, keeping its hand-written sections.
//
//   BENCH_RUNS=5,3,3   runs per scale (1x, 2x, 4x)      BENCH_SCALES=1,2,4
//   BENCH_PDF=0        skip the PDF run                 BENCH_PROFILE=0  skip the profile
//   BENCH_SEED=n       another seed (data in bench-data/x<scale>-s<n>)
//   BENCH_EVIDENCE=dir measure an existing evidence directory (round 2024) instead
//   BENCH_OUT=file     write the figures elsewhere than docs/benchmarks.md
//   BENCH_SURVEY=0     skip the survey-import benchmark (scripts/bench/survey-import.mjs)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, release, tmpdir, totalmem } from "node:os";
import { basename, join } from "node:path";
import { EVIDENCE_FILES } from "./files.mjs";
import { profileRun } from "./profile.mjs";
import { surveyImportBench } from "./survey-import.mjs";

const RULESET = "rulesets/national/2021.1.0.yaml";
/** The command as installed (`npx civitas`): its entry starts parsing the evidence while the CLI loads. */
const CLI = "packages/cli/bin/civitas.js";
const {
  BENCH_OUT = "docs/benchmarks.md",
  BENCH_SCALES = "1,2,4",
  BENCH_RUNS = "5,3,3",
  BENCH_SEED,
  BENCH_EVIDENCE,
  BENCH_PDF,
  BENCH_PROFILE,
  BENCH_SURVEY,
} = process.env;
const DOC = BENCH_OUT;
const SCALES = BENCH_SCALES.split(",").map(Number);
const RUNS = BENCH_RUNS.split(",").map(Number);
const SEED = BENCH_SEED;
const HAND_WRITTEN = "## Where the time goes";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mib = (bytes) => bytes / 1024 / 1024;
const seconds = (s) => `${s.toFixed(2)} s`;
const thousands = (n) => Math.round(n).toLocaleString("en");

if (!existsSync("packages/cli/dist/main.js")) throw new Error("the CLI is not built: run `npm run build` first (npm run bench does)");

/** The batch of `scale` (generated once; regenerated when the generator or seed changed). */
function batch(scale) {
  const dir = `bench-data/x${scale}${SEED === undefined ? "" : `-s${SEED}`}`;
  const stamp = JSON.stringify({ scale, seed: SEED ?? null, generator: readFileSync("scripts/bench/generate.mjs", "utf8").length });
  const stampFile = join(dir, ".generated");
  if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) {
    console.log(`generating ${dir} …`);
    const args = ["scripts/bench/generate.mjs", "--scale", String(scale), "--out", dir, "--ruleset", RULESET];
    if (SEED !== undefined) args.push("--seed", SEED);
    const run = spawnSync(process.execPath, args, { encoding: "utf8" });
    if (run.status !== 0) throw new Error(run.stderr);
    writeFileSync(stampFile, stamp);
  }
  return { label: `${scale}x`, scale, dir };
}

const bytesOf = (dir) => EVIDENCE_FILES.reduce((sum, f) => sum + (existsSync(join(dir, f)) ? statSync(join(dir, f)).size : 0), 0);

/** Runs a node script as a fresh process; its wall time, and what it printed as JSON. */
function timed(args, env = {}) {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${args.join(" ")} failed (${run.status}): ${run.stderr}`);
  return { wall, out: run.stdout };
}

function naive(dir) {
  const { wall, out } = timed(["scripts/bench/naive-split.mjs", dir]);
  const r = JSON.parse(out);
  return { wall, cpu: r.cpuMs / 1000, rssMb: r.maxRssKb / 1024, rows: r.rows };
}

function bare(dir) {
  const { wall, out } = timed(["scripts/bench/bare-parse.mjs", dir]);
  const r = JSON.parse(out);
  return { wall, cpu: r.cpuMs / 1000, rssMb: r.maxRssKb / 1024, rows: r.rows };
}

function score(dir, formats) {
  const work = mkdtempSync(join(tmpdir(), "civitas-bench-"));
  const stats = join(work, "stats.json");
  try {
    const args = [
      CLI,
      "score",
      "--ruleset",
      RULESET,
      "--evidence",
      dir,
      "--round",
      "2024",
      "--out",
      join(work, "out"),
      "--formats",
      formats,
    ];
    const { wall, out } = timed(args, { CIVITAS_STATS_FILE: stats });
    const s = JSON.parse(readFileSync(stats, "utf8"));
    const cities = Number(/scored (\d+) cities/.exec(out)?.[1] ?? Number.NaN);
    return { wall, cpu: (s.userMs + s.systemMs) / 1000, rssMb: s.maxRssKb / 1024, cities };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Medians of `runs` alternating runs of each measurement. */
function measure(label, runs, measurements) {
  const samples = Object.fromEntries(Object.keys(measurements).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of Object.entries(measurements)) {
      const r = fn();
      samples[name].push(r);
      console.log(`${label} ${name} run ${i + 1}/${runs}: ${seconds(r.wall)} (cpu ${seconds(r.cpu)}, peak ${r.rssMb.toFixed(0)} MiB)`);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, rs]) => [
      name,
      {
        ...rs[0],
        wall: median(rs.map((r) => r.wall)),
        cpu: median(rs.map((r) => r.cpu)),
        rssMb: Math.max(...rs.map((r) => r.rssMb)),
        runs: rs.length,
      },
    ]),
  );
}

const started = performance.now();
const batches = BENCH_EVIDENCE ? [{ label: basename(BENCH_EVIDENCE), scale: 1, dir: BENCH_EVIDENCE }] : SCALES.map(batch);
const rows = [];
for (const [i, b] of batches.entries()) {
  const runs = RUNS[i] ?? RUNS[RUNS.length - 1] ?? 3;
  const m = measure(b.label, runs, {
    naive: () => naive(b.dir),
    bare: () => bare(b.dir),
    score: () => score(b.dir, "json,csv"),
  });
  rows.push({ ...b, bytes: bytesOf(b.dir), rows: m.bare.rows, runs, ...m });
}
const base = rows[0];
let pdf;
if (BENCH_PDF !== "0" && base !== undefined) {
  pdf = measure(`${base.label} with PDFs`, 3, { score: () => score(base.dir, "json,csv,pdf") }).score;
}
let profile = [];
if (BENCH_PROFILE !== "0" && base !== undefined) {
  console.log("profiling one run …");
  profile = profileRun(CLI, [
    "score",
    "--ruleset",
    RULESET,
    "--evidence",
    base.dir,
    "--round",
    "2024",
    "--out",
    join(tmpdir(), `civitas-profile-out-${process.pid}`),
    "--formats",
    "json,csv",
  ]);
  rmSync(join(tmpdir(), `civitas-profile-out-${process.pid}`), { recursive: true, force: true });
}

const cpu = cpus();
const ratio = (r) => r.score.wall / r.bare.wall;
const lines = [
  "# Benchmarks",
  "",
  "Written by `npm run bench` (scripts/bench/run.mjs); only the section from “Where the time goes” on is written by hand.",
  "",
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}, ${thousands(mib(totalmem()))} MiB RAM, ${process.platform} ${release()}, Node ${process.version}. ` +
    `Bench run took ${((performance.now() - started) / 60000).toFixed(1)} min.`,
  "",
  `Batch: the synthetic national round of \`scripts/bench/generate.mjs\` (seed ${SEED ?? "20241125"}): 1x = 300 cities, ~150 sites each, ` +
    "~300,000 field rows and ~1.4 million survey answers; 2x and 4x have 2 and 4 times the cities. Every figure is the median " +
    "of the runs shown, each run a fresh process (start-up included), the bare parse and the score alternating; CPU is user + " +
    "system time of all threads; peak memory is the largest maximum resident set size of any run.",
  "",
  "| batch | CSV size | rows | runs | naive split (floor) | bare fast-csv parse | civitas score json,csv | ratio to bare parse | rows/s | CPU time | peak memory |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...rows.map(
    (r) =>
      `| ${r.label} (${r.score.cities} cities) | ${mib(r.bytes).toFixed(1)} MiB | ${thousands(r.rows)} | ${r.runs} | ${seconds(r.naive.wall)} | ` +
      `${seconds(r.bare.wall)} | ${seconds(r.score.wall)} | **${ratio(r).toFixed(2)}** | ${thousands(r.rows / r.score.wall)} | ` +
      `${seconds(r.score.cpu)} | ${r.score.rssMb.toFixed(0)} MiB |`,
  ),
  "",
  "Targets: score within 1.5× the bare parse (aim: at or below it), peak memory under 600 MB at 1x.",
];
if (rows.length > 1) {
  const perRow = (r) => r.score.wall / r.rows;
  lines.push(
    "",
    `Linearity: time per row relative to ${base.label}: ${rows
      .slice(1)
      .map((r) => `${r.label} ${(perRow(r) / perRow(base)).toFixed(2)}`)
      .join(", ")} (1.00 = linear; below 1, start-up is spread over more rows). ` +
      `Peak memory relative to ${base.label}: ${rows
        .slice(1)
        .map((r) => `${r.label} ${(r.score.rssMb / base.score.rssMb).toFixed(2)}× for ${(r.rows / base.rows).toFixed(1)}× the rows`)
        .join(", ")}.`,
  );
}
if (pdf !== undefined) {
  const perCard = ((pdf.wall - base.score.wall) / pdf.cities) * 1000;
  lines.push(
    "",
    `With PDFs (${base.label}, median of ${pdf.runs}): ${seconds(pdf.wall)} in all, CPU ${seconds(pdf.cpu)}, peak ${pdf.rssMb.toFixed(0)} MiB — ` +
      `about ${perCard.toFixed(0)} ms of wall time per scorecard (${pdf.cities} scorecards and summary.pdf, rendered on worker threads).`,
  );
}
if (profile.length > 0) {
  lines.push("", `### One ${base.label} run, profiled (\`node --cpu-prof\`, every thread)`, "", ...profile);
}
if (BENCH_SURVEY !== "0") lines.push("", ...surveyImportBench());
const previous = existsSync(DOC) ? readFileSync(DOC, "utf8") : "";
const handWritten = previous.includes(HAND_WRITTEN) ? previous.slice(previous.indexOf(HAND_WRITTEN)) : "";
writeFileSync(DOC, `${lines.join("\n")}\n${handWritten === "" ? "" : `\n${handWritten}`}`);
// the repository's formatter lays out markdown tables (npm run lint checks it)
const biome = join("node_modules", ".bin", process.platform === "win32" ? "biome.cmd" : "biome");
if (existsSync(biome)) spawnSync(biome, ["format", "--write", DOC], { stdio: "ignore" });
console.log(`wrote ${DOC}`);
