/**
 * Released rule sets are immutable data: each file validates, and its hash is locked here — an
 * edit to a released file fails this test (release a new version instead).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkRuleset, readRulesetText } from "../src/index.js";

const root = fileURLToPath(new URL("../../../rulesets/", import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".yaml") ? [path] : [];
  });
const data = files(root).map((path) => {
  const read = readRulesetText(readFileSync(path, "utf8"));
  if (!read.ok) throw new Error(`${path}: ${read.issues[0]?.message}`);
  return { path: path.slice(root.length), data: read.value.data as Record<string, unknown> };
});

const LOCKED: Record<string, string> = {
  "national@2021.1.0": "sha256:71f3cc243dd9abfc03b1cb72bdf9d419148613ae45835d487256b0a8a625171b",
  "national@2024.1.0": "sha256:81eb0b95d16863d5c3964eff488cc1da73d991cc6f444415d7b2095faef1fac5",
  "hangzhou@2024.1.0": "sha256:11908cd7d8587ed9b023ab865dcf43153dbf2fdb0d4ec650f843498650a0a877",
};

describe("released rule sets", () => {
  it.each(data.map((d) => [d.path, d.data] as const))("%s validates, says it is illustrative and keeps its hash", (path, ruleset) => {
    const result = checkRuleset(ruleset, { bases: data.map((d) => d.data) });
    expect(result.ok, JSON.stringify(result.ok ? [] : result.issues.slice(0, 3))).toBe(true);
    if (!result.ok) return;
    const ref = `${result.ruleset.id}@${result.ruleset.version}`;
    expect(path).toBe(`${result.ruleset.lineage.length > 1 ? "local/" : ""}${result.ruleset.id}/${result.ruleset.version}.yaml`);
    expect(result.ruleset.title).toContain("示例");
    expect(result.ruleset.hash, `${ref} changed: release a new version instead of editing a released file`).toBe(LOCKED[ref]);
  });

  it("the national demo system has eight categories, 40+ standards of all four methods, 12+ site types and 60+ checks", () => {
    const national = checkRuleset(data.find((d) => d.path === "national/2021.1.0.yaml")?.data);
    expect(national.ok).toBe(true);
    if (!national.ok) return;
    const { ruleset } = national;
    expect(ruleset.categories).toHaveLength(8);
    expect(ruleset.index.standards.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ruleset.index.standards.map((p) => p.standard.method))).toEqual(new Set(["field", "survey", "document", "data"]));
    expect(ruleset.siteTypes.length).toBeGreaterThanOrEqual(12);
    expect(ruleset.index.checkById.size).toBeGreaterThanOrEqual(60);
    expect(ruleset.index.standards.every((p) => p.standard.responsible.length > 0)).toBe(true);
    expect(ruleset.adjustments.some((a) => a.kind === "veto") && ruleset.adjustments.some((a) => a.kind === "penalty")).toBe(true);
  });
});
