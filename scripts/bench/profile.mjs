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
  ["CSV and JSON outputs", (f) => /(write-round|atomic-output|write-table|result-tables|neutralise)\.js/.test(f.url)],
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

/** When the main thread first and last ran a function of one of these names (seconds). */
function phases(profile, names) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const first = {};
  const last = {};
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] / 1e6;
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const name = byId.get(id).callFrame.functionName;
      if (names.includes(name)) {
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
    const { first, last, end } = phases(main, ["readAll", "scoreAdmitted", "writeRound"]);
    const readStart = first.readAll ?? 0;
    const scoreStart = first.scoreAdmitted ?? readStart;
    const writeStart = first.writeRound ?? scoreStart;
    const writeEnd = last.writeRound ?? writeStart;
    const lines = [
      `Main thread, by wall clock (profiled, so a little slower): startup ${readStart.toFixed(2)} s, reading and admitting ` +
        `${(scoreStart - readStart).toFixed(2)} s, scoring ${(writeStart - scoreStart).toFixed(2)} s, writing the outputs ` +
        `${(writeEnd - writeStart).toFixed(2)} s, exit ${(end - writeEnd).toFixed(2)} s.`,
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
