#!/usr/bin/env node
// Checks the one-way flow of the packages (core ← csv/pdf ← cli), that core stays pure
// (no file system, network, processes or clock), and that no module imports itself in a cycle.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const ALLOWED = {
  core: [],
  csv: ["core"],
  pdf: ["core"],
  photos: [],
  docx: ["core"],
  cli: ["core", "csv", "pdf", "photos", "docx"],
};
const IMPURE = /^(node:)?(fs|fs\/promises|net|http|https|child_process|worker_threads|dgram|dns|tls|os|process)$/;
const problems = [];

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
const importsOf = (text) => [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']/g)].map((m) => m[1]);

for (const pkg of Object.keys(ALLOWED)) {
  let sources;
  try {
    sources = files(join("packages", pkg, "src"));
  } catch {
    continue;
  }
  const graph = new Map();
  for (const file of sources) {
    const text = readFileSync(file, "utf8");
    const edges = [];
    for (const spec of importsOf(text)) {
      const ours = spec.match(/^@civitas\/([a-z]+)/);
      if (ours && !ALLOWED[pkg].includes(ours[1])) problems.push(`${file}: ${pkg} must not import ${spec}`);
      if (pkg === "core" && IMPURE.test(spec)) problems.push(`${file}: core is pure and must not import ${spec}`);
      if (spec.startsWith(".")) edges.push(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
    }
    if (pkg === "core" && /\bDate\.now\(|new Date\(\)|Math\.random\(/.test(text))
      problems.push(`${file}: core must not read the clock or randomness`);
    graph.set(resolve(file), edges);
  }
  const state = new Map();
  const visit = (node, stack) => {
    if (state.get(node) === "done") return;
    if (state.get(node) === "open") {
      problems.push(
        `import cycle: ${[...stack.slice(stack.indexOf(node)), node].map((p) => p.slice(process.cwd().length + 1)).join(" → ")}`,
      );
      return;
    }
    state.set(node, "open");
    for (const next of graph.get(node) ?? []) visit(next, [...stack, node]);
    state.set(node, "done");
  };
  for (const node of graph.keys()) visit(node, []);
}

if (problems.length > 0) {
  console.error(`layering: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("layering: ok (core pure; core ← csv, pdf, docx ← cli; photos ← cli; no import cycles)");
