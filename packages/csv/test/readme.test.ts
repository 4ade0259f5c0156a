/**
 * The package's README lists exactly what each entry exports: every name a bullet of an entry's
 * section opens with is an export of that entry, and every export of the entry is listed there.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  exports: Record<string, { "@civitas/source": string }>;
};

/** The names an entry module exports, read from its `export … from` and `export` declarations. */
function exportsOf(source: string): string[] {
  const text = readFileSync(new URL(`../${source}`, import.meta.url), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
  const names: string[] = [];
  for (const match of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const item of (match[1] ?? "").split(",")) {
      const name = item
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .pop();
      if (name !== undefined && name !== "") names.push(name);
    }
  }
  for (const match of text.matchAll(
    /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|class|const|let|interface|type|enum)\s+(\w+)/gm,
  )) {
    if (match[1] !== undefined) names.push(match[1]);
  }
  return names.sort();
}

/** The names the bullets of the README section `## \`entry\`` open with (the code spans before " — "). */
function listedIn(entry: string): string[] {
  const start = readme.indexOf(`## \`${entry}\`\n`);
  if (start < 0) return [];
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const names: string[] = [];
  // a bullet's names may wrap onto the next lines, up to the dash
  for (const bullet of section.matchAll(/^- ((?:[^\n]|\n(?!- |\n))*?) — /gm)) {
    for (const span of (bullet[1] ?? "").matchAll(/`([A-Za-z_$][\w$]*)/g)) if (span[1] !== undefined) names.push(span[1]);
  }
  return names.sort();
}

describe("the README of @civitas/csv", () => {
  const entries = Object.entries(packageJson.exports).map(
    ([key, value]) => [`@civitas/csv${key.slice(1)}`, value["@civitas/source"]] as const,
  );

  it("has a section for every entry of package.json", () => {
    expect(entries.map(([entry]) => entry)).toEqual(["@civitas/csv", "@civitas/csv/effect", "@civitas/csv/prefetch"]);
  });

  it.each(entries)("lists exactly the exports of %s", (entry, source) => {
    const exported = [...new Set(exportsOf(source))].sort();
    expect(exported.length).toBeGreaterThan(0);
    expect([...new Set(listedIn(entry))].sort()).toEqual(exported);
  });

  it("reads every runtime export from the entry's source", async () => {
    const module = (await import("../src/index.js")) as Record<string, unknown>;
    expect(exportsOf("./src/index.ts")).toEqual(expect.arrayContaining(Object.keys(module)));
  });
});
