/**
 * Finding and loading rule sets for the CLI: by path, or as `id@version` / `id` (with an
 * as-of date) in a rule-set directory; overlays resolved against that directory, each base
 * of the chain checked on its own first, so that every issue is reported in the file it is
 * in, with its line and column.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import {
  checkRuleset,
  compareVersions,
  formatIssue,
  isEffectiveOn,
  isIsoDate,
  isOverlay,
  readRulesetText,
  type Ruleset,
  type RulesetIssue,
} from "@civitas/core";
import { type CliFailure, usage } from "./failure.js";

/** Largest rule-set file read, in bytes (checked before reading). */
export const MAX_RULESET_FILE = 4 * 1024 * 1024;

/** A rule-set file found in a directory. */
export interface RulesetFile {
  readonly path: string;
  readonly data: Record<string, unknown>;
  readonly locate: (path: ReadonlyArray<string | number>) => { line: number; column: number } | undefined;
  readonly ref: string;
}

/** What scanning a rule-set directory found. */
export interface RulesetCatalog {
  readonly dir: string;
  /** False when the directory does not exist or is not a directory. */
  readonly exists: boolean;
  readonly files: RulesetFile[];
  readonly warnings: string[];
  readonly issues: RulesetIssue[];
}

const RULESET_FILE = /\.(ya?ml|json)$/i;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.isFile() && RULESET_FILE.test(entry.name) && entry.name !== "schema.json" ? [path] : [];
    });
}

const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** Reads one rule-set file: its data with a locator, or its syntax issues (with the file). */
export function readRulesetFile(path: string): { ok: true; file: RulesetFile } | { ok: false; issues: RulesetIssue[] } {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_RULESET_FILE) {
      return {
        ok: false,
        issues: [
          { code: "too_large", path: [], file: path, message: `rule-set file of ${size} bytes is larger than ${MAX_RULESET_FILE} bytes` },
        ],
      };
    }
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
  if (!isDirectory(dir)) return { dir, exists: false, files, warnings, issues };
  const seen = new Map<string, string>();
  for (const path of walk(dir)) {
    const read = readRulesetFile(path);
    if (!read.ok) {
      warnings.push(`${shown(path)}: skipped, it cannot be parsed (${read.issues[0]?.message ?? "syntax error"})`);
      continue;
    }
    const { data } = read.file;
    if (typeof data.id !== "string" || typeof data.version !== "string") {
      warnings.push(`${shown(path)}: skipped, it has no id and version`);
      continue;
    }
    const first = seen.get(read.file.ref);
    if (first !== undefined) {
      issues.push({
        code: "duplicate_ruleset",
        path: ["id"],
        file: path,
        message: `${read.file.ref} is defined twice (also in ${shown(first)})`,
      });
      continue;
    }
    seen.set(read.file.ref, path);
    files.push(read.file);
  }
  return { dir, exists: true, files, warnings, issues };
}

/** Picks `id@version`, or the newest version of `id` in force on `asOf`, among `files`. */
export function pickRuleset(files: readonly RulesetFile[], reference: string, asOf: string): RulesetFile | undefined {
  const [id, version] = reference.split("@");
  const candidates = files.filter(
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

type Loaded = { ruleset: Ruleset; file: RulesetFile; warnings: string[] };

/**
 * Checks `file` against the known rule sets: for an overlay, first each base of its chain on
 * its own (so a fault of a base is reported in the base's file), then the overlay resolved.
 */
function checkFile(
  file: RulesetFile,
  known: readonly RulesetFile[],
  asOf: string,
  chain: readonly RulesetFile[],
): Ruleset | RulesetIssue[] {
  const bases = known.map((f) => f.data);
  if (isOverlay(file.data) && typeof file.data.extends === "string") {
    const base = pickRuleset(known, file.data.extends, asOf);
    const loop = base === undefined ? -1 : [...chain, file].findIndex((f) => f.ref === base.ref);
    if (base !== undefined && loop >= 0) {
      const refs = [...chain, file].slice(loop).map((f) => f.ref);
      return locateIssues([{ code: "cycle", path: ["extends"], message: `cycle of extends: ${[...refs, base.ref].join(" → ")}` }], file);
    }
    if (base !== undefined) {
      const checked = checkFile(base, known, asOf, [...chain, file]);
      if (Array.isArray(checked)) {
        const note: RulesetIssue = {
          code: "unknown_base",
          path: ["extends"],
          message: `its base ${base.ref} (${shown(base.path)}) has problems, listed below`,
        };
        return [...(chain.length === 0 ? locateIssues([note], file) : []), ...checked];
      }
    }
  }
  const checked = checkRuleset(file.data, { bases, asOf });
  return checked.ok ? checked.ruleset : locateIssues(checked.issues, file);
}

/** Loads the rule set named by a path or a reference, or fails listing every issue. */
export function loadRuleset(reference: string, lookup: RulesetLookup): Loaded | CliFailure {
  if (!isIsoDate(lookup.asOf)) return usage(`--as-of ${lookup.asOf}: not a date (YYYY-MM-DD, e.g. 2024-06-30)`);
  const isPath = existsSync(reference) && statSync(reference).isFile();
  const catalog = scanRulesets(lookup.rulesetsDir);
  const fail = (failure: CliFailure) => withWarnings(failure, catalog.warnings);
  let file: RulesetFile;
  if (isPath) {
    const read = readRulesetFile(reference);
    if (!read.ok) return fail(invalid(read.issues));
    file = read.file;
  } else if (/^[a-z0-9-]+(@[^@\s/\\]+)?$/.test(reference)) {
    if (!catalog.exists) return usage(`rule set ${reference}: the rule-set directory ${lookup.rulesetsDir} does not exist (--rulesets)`);
    if (catalog.issues.length > 0) return fail(invalid(catalog.issues));
    const found = pickRuleset(catalog.files, reference, lookup.asOf);
    if (found === undefined) {
      const known = catalog.files.map((f) => f.ref).join(", ") || "none";
      return fail(
        usage(
          `no rule set ${reference}${reference.includes("@") ? "" : ` in force on ${lookup.asOf}`} in ${lookup.rulesetsDir} (known: ${known})`,
        ),
      );
    }
    file = found;
  } else {
    return usage(`rule set ${JSON.stringify(reference)} is neither a file nor an id@version`);
  }
  if (isOverlay(file.data)) {
    if (!catalog.exists) {
      return usage(
        `${shown(file.path)}: extends ${String(file.data.extends)}, but the rule-set directory ${lookup.rulesetsDir} does not exist (--rulesets)`,
      );
    }
    if (catalog.issues.length > 0) return fail(invalid(catalog.issues));
  }
  // The file itself is known too (when given by path it may lie outside the directory), so
  // that an overlay extending itself, directly or through others, is found as a cycle.
  const known = [...catalog.files.filter((f) => resolve(f.path) !== resolve(file.path)), file];
  const checked = checkFile(file, known, lookup.asOf, []);
  if (Array.isArray(checked)) return fail(invalid(checked));
  return { ruleset: checked, file, warnings: catalog.warnings };
}

/** A path as shown to the user: relative to the working directory when below it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/** The failure with the directory's warnings after it (a skipped file may be why it failed). */
function withWarnings(failure: CliFailure, warnings: readonly string[]): CliFailure {
  if (warnings.length === 0) return failure;
  return usage(`${failure.message}\n${warnings.map((w) => `  warning: ${w}`).join("\n")}`);
}

function invalid(issues: readonly RulesetIssue[]): CliFailure {
  const lines = issues.map((i) => formatIssue({ ...i, ...(i.file === undefined ? {} : { file: shown(i.file) }) }));
  return usage(`invalid rule set (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n${lines.map((l) => `  ${l}`).join("\n")}`);
}

export { invalid as invalidRuleset };
