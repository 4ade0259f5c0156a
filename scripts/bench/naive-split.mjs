#!/usr/bin/env node
// The physical floor of the benchmark: the naive parse — split each file by line, each line by
// comma (wrong for quoted cells, but no real parser can do less work).
//   node scripts/bench/naive-split.mjs <dir>   → {"rows":…,"cells":…,"maxRssKb":…,"cpuMs":…}
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EVIDENCE_FILES } from "./files.mjs";

const dir = process.argv[2];
let rows = 0;
let cells = 0;
for (const file of EVIDENCE_FILES) {
  const lines = readFileSync(join(dir, file), "utf8").split("\n");
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === "") continue;
    cells += lines[i].split(",").length;
    rows++;
  }
}
const usage = process.resourceUsage();
console.log(JSON.stringify({ rows, cells, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
