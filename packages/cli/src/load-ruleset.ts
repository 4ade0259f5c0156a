/**
 * Finding and loading rule sets for the CLI: by path, or as `id@version` / `id` (with an
 * as-of date) in a rule-set directory; overlays resolved against that directory. Every issue
 * is reported with its file and, where it can be found, line and column.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import {
  checkRuleset,
  compareVersions,
  formatIssue,
  isEffectiveOn,
  isOverlay,
  readRulesetText,
  type Ruleset,
  type RulesetIssue,
} from "@civitas/core";
import { type CliFailure, usage } from "./failure.js";

/** A rule-set file found in a directory. */
export interface RulesetFile {
  readonly path: string;
  readonly data: Record<string, unknown>;
  readonly locate: (path: ReadonlyArray<string | number>) => { line: number; column: number } | undefined;
  readonly ref: string;
}

/** What scanning a rule-set directory found. */
export interface RulesetCatalog {
  readonly files: RulesetFile[];
  readonly warnings: string[];
  readonly issues: RulesetIssue[];
}

const RULESET_FILE = /\.(ya?ml|json)$/i;

function walk(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.isFile() && RULESET_FILE.test(entry.name) && entry.name !== "schema.json" ? [path] : [];
    });
}

/** Reads one rule-set file: its data with a locator, or its syntax issues (with the file). */
export function readRulesetFile(path: string): { ok: true; file: RulesetFile } | { ok: false; issues: RulesetIssue[] } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { ok: false, issues: [{ code: "syntax", path: [], file: path, message: `cannot read: ${(error as Error).message}` }] };
  }
  const read = readRulesetText(text);
  if (!read.ok) return { ok: false, issues: read.issues.map((i) => ({ ...i, file: path })) };
  const data = read.value.data;
  const record = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return { ok: true, file: { path, data: record, locate: read.value.locate, ref: `${String(record.id)}@${String(record.version)}` } };
}

/** Every rule set below `dir`, known by `id@version`. */
export function scanRulesets(dir: string): RulesetCatalog {
  const files: RulesetFile[] = [];
  const warnings: string[] = [];
  const issues: RulesetIssue[] = [];
  const seen = new Map<string, string>();
  for (const path of walk(dir)) {
    const read = readRulesetFile(path);
    if (!read.ok) {
      warnings.push(`${path}: skipped, it cannot be parsed (${read.issues[0]?.message ?? "syntax error"})`);
      continue;
    }
    const { data } = read.file;
    if (typeof data.id !== "string" || typeof data.version !== "string") {
      warnings.push(`${path}: skipped, it has no id and version`);
      continue;
    }
    const first = seen.get(read.file.ref);
    if (first !== undefined) {
      issues.push({ code: "duplicate_ruleset", path: ["id"], file: path, message: `${read.file.ref} is defined twice (also in ${first})` });
      continue;
    }
    seen.set(read.file.ref, path);
    files.push(read.file);
  }
  return { files, warnings, issues };
}

/** Picks `id@version`, or the newest version of `id` in force on `asOf`. */
export function pickRuleset(catalog: RulesetCatalog, reference: string, asOf: string): RulesetFile | undefined {
  const [id, version] = reference.split("@");
  const candidates = catalog.files.filter(
    (f) => f.data.id === id && (version === undefined ? isEffectiveOn(f.data, asOf) : String(f.data.version) === version),
  );
  return candidates.sort((a, b) => compareVersions(String(b.data.version), String(a.data.version)))[0];
}

/** Where to look, and the date for references without a version. */
export interface RulesetLookup {
  readonly rulesetsDir: string;
  readonly asOf: string;
}

/** Adds file, line and column to issues whose path is in `file`. */
export function locateIssues(issues: readonly RulesetIssue[], file: RulesetFile): RulesetIssue[] {
  return issues.map((issue) => {
    if (issue.file !== undefined) return issue;
    const at = issue.line === undefined ? file.locate(issue.path) : undefined;
    return { ...issue, file: file.path, ...(at === undefined ? {} : { line: at.line, column: at.column }) };
  });
}

/** Loads the rule set named by a path or a reference, or fails listing every issue. */
export function loadRuleset(
  reference: string,
  lookup: RulesetLookup,
): { ruleset: Ruleset; file: RulesetFile; warnings: string[] } | CliFailure {
  const isPath = existsSync(reference) && statSync(reference).isFile();
  const catalog = scanRulesets(lookup.rulesetsDir);
  let file: RulesetFile;
  if (isPath) {
    const read = readRulesetFile(reference);
    if (!read.ok) return invalid(read.issues);
    file = read.file;
  } else if (/^[a-z0-9-]+(@[^@\s/\\]+)?$/.test(reference)) {
    if (catalog.issues.length > 0) return invalid(catalog.issues);
    const found = pickRuleset(catalog, reference, lookup.asOf);
    if (found === undefined) {
      const known = catalog.files.map((f) => f.ref).join(", ") || "none";
      return usage(
        `no rule set ${reference}${reference.includes("@") ? "" : ` in force on ${lookup.asOf}`} in ${lookup.rulesetsDir} (known: ${known})`,
      );
    }
    file = found;
  } else {
    return usage(`rule set ${JSON.stringify(reference)} is neither a file nor an id@version`);
  }
  const bases = catalog.files.filter((f) => resolve(f.path) !== resolve(file.path)).map((f) => f.data);
  if (isOverlay(file.data) && catalog.issues.length > 0) return invalid(catalog.issues);
  const checked = checkRuleset(file.data, { bases, asOf: lookup.asOf });
  if (!checked.ok) return invalid(locateIssues(checked.issues, file));
  return { ruleset: checked.ruleset, file, warnings: catalog.warnings };
}

function invalid(issues: readonly RulesetIssue[]): CliFailure {
  const lines = issues.map((i) =>
    formatIssue({ ...i, ...(i.file === undefined ? {} : { file: relative(process.cwd(), i.file) || i.file }) }),
  );
  return usage(`invalid rule set (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n${lines.map((l) => `  ${l}`).join("\n")}`);
}

export { invalid as invalidRuleset };
