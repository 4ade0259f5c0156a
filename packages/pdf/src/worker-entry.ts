/**
 * How to start the scorecard worker. From the built package the worker is
 * `dist/scorecard-worker.js`, started as is. From TypeScript sources (vitest, tsx in the
 * monorepo) it is `src/scorecard-worker.ts`: the worker then starts with a few lines of
 * JavaScript that register tsx's ESM loader in that thread (tsx does not register itself in
 * worker threads on Node 20) and import the TypeScript module.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** The file URL of tsx's ESM API (its `import` export: `require.resolve` would give the CommonJS one). */
function tsxEsmApi(moduleUrl: string): string {
  try {
    const manifestPath = createRequire(moduleUrl).resolve("tsx/package.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { exports?: Record<string, { import?: { default?: string } }> };
    const target = manifest.exports?.["./esm/api"]?.import?.default;
    if (target === undefined) throw new Error("tsx has no ./esm/api export");
    return pathToFileURL(join(dirname(manifestPath), target)).href;
  } catch (error) {
    throw new Error(
      `rendering scorecards in worker threads from TypeScript sources needs the \`tsx\` package (or build @civitas/pdf first): ${(error as Error).message}`,
    );
  }
}

/** The worker's entry: a module URL, or code to evaluate. */
export type WorkerEntry = { readonly kind: "module"; readonly url: URL } | { readonly kind: "eval"; readonly code: string };

/** The worker entry next to `moduleUrl` (a module of this package). */
export function workerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  if (!moduleUrl.endsWith(".ts")) return { kind: "module", url: new URL("./scorecard-worker.js", moduleUrl) };
  const api = tsxEsmApi(moduleUrl);
  const worker = new URL("./scorecard-worker.ts", moduleUrl).href;
  return {
    kind: "eval",
    code: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`,
  };
}
