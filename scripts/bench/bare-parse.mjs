#!/usr/bin/env node
// The reference of the benchmark: a bare fast-csv parse of an evidence directory, one stream
// per file, one file after the other (headers: true), counting rows and doing nothing else.
//   node scripts/bench/bare-parse.mjs <dir>   → {"rows":…,"maxRssKb":…,"cpuMs":…} on stdout
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { parse } from "@fast-csv/parse";
import { EVIDENCE_FILES } from "./files.mjs";

const dir = process.argv[2];
let rows = 0;
for (const file of EVIDENCE_FILES) {
  await new Promise((resolve, reject) =>
    createReadStream(join(dir, file))
      .pipe(parse({ headers: true }))
      .on("data", () => rows++)
      .on("end", resolve)
      .on("error", reject),
  );
}
const usage = process.resourceUsage();
console.log(JSON.stringify({ rows, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
