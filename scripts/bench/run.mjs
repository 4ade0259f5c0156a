#!/usr/bin/env node
// npm run bench: generates synthetic national batches (deterministic seed) and measures, in one
// run, a naive split-by-line parse (the physical floor), a bare fast-csv parse (headers: true,
// one stream), `civitas score` to JSON and CSV (1x, 2x and 4x the batch), and with PDFs; writes
// the medians, peak memory and rows per second to docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "@fast-csv/parse";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCALES = (process.env.BENCH_SCALES ?? "1,2,4").split(",").map(Number);
const RULESET = "rulesets/national/2021.1.0.yaml";
const FILES = ["cities.csv", "sites.csv", "field.csv", "survey.csv", "documents.csv", "facts.csv"];
const cli = "packages/cli/bin/civitas.js";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

function generate(scale) {
  const dir = `bench-data/x${scale}`;
  if (!existsSync(join(dir, "survey.csv"))) {
    const run = spawnSync(process.execPath, ["scripts/bench/generate.mjs", "--scale", String(scale), "--out", dir, "--ruleset", RULESET], {
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(run.stderr);
  }
  const bytes = FILES.reduce((acc, f) => acc + statSync(join(dir, f)).size, 0);
  return { dir, bytes };
}

async function bareParse(dir) {
  let rows = 0;
  const started = performance.now();
  for (const file of FILES) {
    await new Promise((resolve, reject) =>
      createReadStream(join(dir, file))
        .pipe(parse({ headers: true }))
        .on("data", () => rows++)
        .on("end", resolve)
        .on("error", reject),
    );
  }
  return { seconds: (performance.now() - started) / 1000, rows };
}

function naiveParse(dir) {
  let rows = 0;
  let cells = 0;
  const started = performance.now();
  for (const file of FILES) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    for (let i = 1; i < lines.length; i++) {
      if (lines[i] === "") continue;
      cells += lines[i].split(",").length;
      rows++;
    }
  }
  return { seconds: (performance.now() - started) / 1000, rows, cells };
}

function score(dir, formats) {
  const out = join(tmpdir(), `civitas-bench-${process.pid}`);
  const stats = join(tmpdir(), `civitas-bench-stats-${process.pid}.json`);
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [cli, "score", "--ruleset", RULESET, "--evidence", dir, "--round", "2024", "--out", out, "--formats", formats],
    {
      encoding: "utf8",
      env: { ...process.env, CIVITAS_STATS_FILE: stats },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`civitas score failed: ${run.stderr}`);
  const { maxRssKb } = JSON.parse(readFileSync(stats, "utf8"));
  const cities = JSON.parse(readFileSync(join(out, "results.json"), "utf8")).cities.length;
  rmSync(out, { recursive: true, force: true });
  return { seconds, maxRssMb: maxRssKb / 1024, cities };
}

async function measure(label, fn) {
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(await fn());
  const seconds = median(results.map((r) => r.seconds));
  console.log(`${label}: ${seconds.toFixed(2)} s`);
  return {
    ...results[0],
    seconds,
    maxRssMb: results.some((r) => r.maxRssMb) ? Math.max(...results.map((r) => r.maxRssMb ?? 0)) : undefined,
  };
}

const rows = [];
let base;
for (const scale of SCALES) {
  const { dir, bytes } = generate(scale);
  const naive = await measure(`x${scale} naive split`, () => naiveParse(dir));
  const bare = await measure(`x${scale} bare fast-csv`, () => bareParse(dir));
  const json = await measure(`x${scale} civitas score json,csv`, () => score(dir, "json,csv"));
  const entry = { scale, bytes, rows: bare.rows, naive, bare, json };
  if (scale === 1 && process.env.BENCH_PDF !== "0")
    entry.pdf = await measure("x1 civitas score json,csv,pdf", () => score(dir, "json,csv,pdf"));
  if (scale === 1) base = entry;
  rows.push(entry);
}

const cpu = cpus();
const lines = [
  "# Benchmarks",
  "",
  "Written by `npm run bench` (scripts/bench/run.mjs); do not edit by hand.",
  "",
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}, ${mb(totalmem())} MiB RAM, Node ${process.version}, ${process.platform}/${process.arch}.`,
  `Each figure is the median of ${RUNS} runs; peak memory is the largest maximum resident set size seen.`,
  "Batch: synthetic national round from `scripts/bench/generate.mjs` (seeded), scale 1 = 300 cities,",
  "~150 sites each, ~300,000 field rows and ~1.4 million survey answers.",
  "",
  "| batch | CSV size | rows | naive split (floor) | bare fast-csv parse | civitas score json,csv | ratio to bare parse | rows/s | peak memory |",
  "|---|---|---|---|---|---|---|---|---|",
  ...rows.map(
    (r) =>
      `| ${r.scale}x (${r.json.cities} cities) | ${mb(r.bytes)} MiB | ${r.rows.toLocaleString("en")} | ${r.naive.seconds.toFixed(2)} s | ${r.bare.seconds.toFixed(2)} s | ${r.json.seconds.toFixed(2)} s | ${(r.json.seconds / r.bare.seconds).toFixed(2)} | ${Math.round(r.rows / r.json.seconds).toLocaleString("en")} | ${r.json.maxRssMb.toFixed(0)} MiB |`,
  ),
  "",
  `Scaling: time per row at 2x and 4x relative to 1x: ${rows
    .filter((r) => r.scale !== 1)
    .map((r) => `${r.scale}x ${(r.json.seconds / r.rows / (base.json.seconds / base.rows)).toFixed(2)}`)
    .join(", ")} (1.00 = linear).`,
];
if (base?.pdf) {
  const perCard = (base.pdf.seconds - base.json.seconds) / base.json.cities;
  lines.push(
    "",
    `With PDFs (1x): ${base.pdf.seconds.toFixed(2)} s in all, peak ${base.pdf.maxRssMb.toFixed(0)} MiB — about ${(perCard * 1000).toFixed(0)} ms of wall time per scorecard (${base.json.cities} scorecards and a summary, rendered on worker threads).`,
  );
}
const notes = existsSync("docs/benchmarks-notes.md") ? readFileSync("docs/benchmarks-notes.md", "utf8") : "";
writeFileSync("docs/benchmarks.md", `${lines.join("\n")}\n${notes === "" ? "" : `\n${notes}`}`);
console.log("wrote docs/benchmarks.md");
