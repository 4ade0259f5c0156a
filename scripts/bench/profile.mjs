// Where the time of `civitas score` goes: runs it once under `node --cpu-prof` (every thread
// writes a profile) and sums each thread's samples by what they were doing, and the main
// thread's phases (startup, reading, scoring, writing) by wall clock.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What a sample was doing: the first rule matching its stack, from the leaf up. */
const RULES = [
  ["garbage collection", (f) => f.functionName === "(garbage collector)"],
  ["waiting", (f) => f.functionName === "(idle)"],
  ["fast-csv parser", (f) => f.url.includes("@fast-csv/parse")],
  ["fast-csv formatter", (f) => f.url.includes("@fast-csv/format")],
  ["row judgement (core admission)", (f) => /core\/dist\/evidence\//.test(f.url)],
  ["scoring (core)", (f) => /core\/dist\/(scoring|rounds)\//.test(f.url) || f.url.includes("json-rules-engine")],
  [
    "CSV and JSON outputs",
    (f) => /(write-round|round-files|atomic-output|write-table|write-results|round-tables|neutralise)\.js/.test(f.url),
  ],
  ["ingest around the parser (reading, decoding, segments, rows to the main thread)", (f) => /csv\/dist\//.test(f.url)],
  ["loading modules", (f) => /node:internal\/modules|esm\/|cjs\//.test(f.url) || f.functionName === "compileSourceTextModule"],
];

function categorise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const categoryOf = (id) => {
    if (memo.has(id)) return memo.get(id);
    const frame = byId.get(id).callFrame;
    const rule = RULES.find(([, test]) => test(frame));
    const up = parent.get(id);
    const category = rule?.[0] ?? (up === undefined ? "other (runtime, CLI)" : categoryOf(up));
    memo.set(id, category);
    return category;
  };
  const totals = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1e6;
    total += dt;
    const category = categoryOf(profile.samples[i]);
    totals.set(category, (totals.get(category) ?? 0) + dt);
  }
  return { total, totals };
}

/** When the main thread first and last ran code matching each test (seconds). */
function phases(profile, tests) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const first = {};
  const last = {};
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] / 1e6;
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id).callFrame;
      for (const [name, test] of Object.entries(tests)) {
        if (!test(frame)) continue;
        first[name] ??= t;
        last[name] = t;
      }
    }
  }
  return { first, last, end: t };
}

/** Profiles one `civitas score` run; returns markdown lines. */
export function profileRun(cli, args) {
  const dir = mkdtempSync(join(tmpdir(), "civitas-profile-"));
  try {
    const run = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, cli, ...args], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`profiled run failed: ${run.stderr}`);
    const files = readdirSync(dir).sort();
    const threads = files.map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
    // the main thread's profile is the one written first (thread 0)
    const main = threads[0];
    const { first, last, end } = phases(main, {
      admit: (f) => /core\/dist\/evidence\//.test(f.url),
      score: (f) => /core\/dist\/scoring\//.test(f.url),
      write: (f) => f.functionName === "writeRound" || f.functionName === "writePieces",
    });
    const readStart = first.admit ?? 0;
    const scoreStart = first.score ?? readStart;
    const writeStart = first.write ?? scoreStart;
    const writeEnd = last.write ?? writeStart;
    const lines = [
      `Main thread by wall clock (profiled, so slower than unprofiled): start-up (loading the CLI and the rule set) ${readStart.toFixed(2)} s, ` +
        `admitting rows ${(scoreStart - readStart).toFixed(2)} s, scoring ${(writeStart - scoreStart).toFixed(2)} s, writing the outputs ` +
        `${(writeEnd - writeStart).toFixed(2)} s (${end.toFixed(2)} s in all). The workers start at once (bin/civitas.js), while the CLI loads.`,
      "",
    ];
    const summaries = threads.map(categorise);
    const categories = [...new Set(summaries.flatMap((s) => [...s.totals.keys()]))].sort(
      (a, b) => summaries.reduce((n, s) => n + (s.totals.get(b) ?? 0), 0) - summaries.reduce((n, s) => n + (s.totals.get(a) ?? 0), 0),
    );
    const names = threads.map((_, i) => (i === 0 ? "main thread" : `worker ${i}`));
    lines.push(`| seconds | ${names.join(" | ")} |`, `|---|${names.map(() => "---:").join("|")}|`);
    for (const category of categories) {
      lines.push(`| ${category} | ${summaries.map((s) => (s.totals.get(category) ?? 0).toFixed(2)).join(" | ")} |`);
    }
    lines.push(`| **thread lifetime** | ${summaries.map((s) => `**${s.total.toFixed(2)}**`).join(" | ")} |`);
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
