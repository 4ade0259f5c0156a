/**
 * The `civitas` program: runs the command line of this process and sets its exit code. Loaded
 * by bin/civitas.js (after it has started the evidence head start); importing it runs the
 * command, so integrations import the package (index.ts) instead.
 */
import { writeFileSync } from "node:fs";
import { runCli } from "./run-cli.js";

// For benchmarks: peak memory and CPU of this process, written at exit.
const statsFile = process.env.CIVITAS_STATS_FILE;
if (statsFile !== undefined && statsFile !== "") {
  process.once("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      statsFile,
      JSON.stringify({ maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }),
    );
  });
}

process.exitCode = await runCli(process.argv.slice(2));
