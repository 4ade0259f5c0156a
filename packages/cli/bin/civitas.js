#!/usr/bin/env node
// The civitas command. Runs the built CLI (dist/); in a checkout without a build it runs the
// TypeScript sources through tsx instead.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = new URL("../dist/main.js", import.meta.url);
if (existsSync(built)) {
  // `civitas score`: start parsing the evidence on worker threads while the CLI loads
  const { prefetchEvidenceFor } = await import(new URL("../dist/prefetch-evidence.js", import.meta.url).href);
  prefetchEvidenceFor(process.argv.slice(2));
  await import(built.href);
} else {
  const source = fileURLToPath(new URL("../src/main.ts", import.meta.url));
  const child = spawnSync(process.execPath, ["--conditions=@civitas/source", "--import", "tsx", source, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exitCode = child.status ?? 1;
}
