/**
 * The rule-set directory (`--rulesets`): every `.yaml`, `.yml` and `.json` file below it
 * (`schema.json` excepted), in name order, read as a document for the resolver. A file that
 * cannot be read or parsed, or has no `id` and `version`, is skipped with a warning (a
 * skipped file may be the one looked for, so the warnings go with any failure).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { type RulesetFile, readRulesetFile } from "./read-ruleset-file.js";

/** What scanning a rule-set directory found. */
export interface RulesetCatalog {
  readonly dir: string;
  /** False when the directory does not exist or is not a directory. */
  readonly exists: boolean;
  readonly files: readonly RulesetFile[];
  readonly warnings: readonly string[];
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

/** Every rule-set file below `dir` with an `id` and a `version`. */
export function scanRulesets(dir: string): RulesetCatalog {
  const files: RulesetFile[] = [];
  const warnings: string[] = [];
  if (!isDirectory(dir)) return { dir, exists: false, files, warnings };
  for (const path of walk(dir)) {
    const read = readRulesetFile(path);
    if (!read.ok) {
      warnings.push(`${read.issues[0]?.file ?? path}: skipped, it cannot be parsed (${read.issues[0]?.message ?? "syntax error"})`);
      continue;
    }
    const { data } = read.file;
    if (typeof data.id !== "string" || typeof data.version !== "string") {
      warnings.push(`${read.file.path}: skipped, it has no id and version`);
      continue;
    }
    files.push(read.file);
  }
  return { dir, exists: true, files, warnings };
}
