/**
 * Loading the rule set a command names: a file path, or `id@version` / `id` (with --as-of)
 * in the rule-set directory. The CLI only finds and reads the files; core's `resolveRuleset`
 * picks versions, follows `extends`, catches cycles and checks each file of the chain, and
 * every problem comes back with its file, line and column.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { isIsoDate, isOverlay, type Ruleset, type RulesetDocument, resolveRuleset } from "@civitas/core";
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";
import type * as Option from "effect/Option";
import { type CliFailure, usage } from "../failure.js";
import { asOfOrToday } from "../flags.js";
import { invalidRuleset, withWarnings } from "./format-issues.js";
import { readRulesetFile } from "./read-ruleset-file.js";
import { scanRulesets } from "./scan-rulesets.js";

/** Where to look, and the date for references without a version. */
export interface RulesetLookup {
  readonly rulesetsDir: string;
  readonly asOf: string;
}

/** A rule set loaded: the chain of documents it was resolved from (base first) and the directory's warnings. */
export interface LoadedRuleset {
  readonly ruleset: Ruleset;
  readonly chain: readonly RulesetDocument[];
  readonly warnings: readonly string[];
}

/** `id@version` or `id`, as opposed to a path (which has no `/`, `\` or space in a version). */
const REFERENCE = /^[a-z0-9-]+(@[^@\s/\\]+)?$/;

/**
 * Loads the rule set named by a path or a reference (`--rulesets`, `--as-of`, default today),
 * its warnings (skipped files) on stderr, or fails listing every issue.
 */
export function loadRuleset(reference: string, rulesetsDir: string, asOf: Option.Option<string>): Effect.Effect<LoadedRuleset, CliFailure> {
  return Effect.suspend(() => findRuleset(reference, { rulesetsDir, asOf: asOfOrToday(asOf) })).pipe(
    Effect.tap((loaded) => Effect.forEach(loaded.warnings, (warning) => Console.error(`warning: ${warning}`))),
  );
}

/** The rule set named by a path or a reference in the lookup's directory. */
function findRuleset(reference: string, lookup: RulesetLookup): Effect.Effect<LoadedRuleset, CliFailure> {
  const { rulesetsDir, asOf } = lookup;
  if (!isIsoDate(asOf)) return Effect.fail(usage(`--as-of ${asOf}: not a date (YYYY-MM-DD, e.g. 2024-06-30)`));
  const isPath = existsSync(reference) && statSync(reference).isFile();
  if (!isPath && !REFERENCE.test(reference))
    return Effect.fail(usage(`rule set ${JSON.stringify(reference)} is neither a file nor an id@version`));
  const catalog = scanRulesets(rulesetsDir);
  const fail = (failure: CliFailure) => Effect.fail(withWarnings(failure, catalog.warnings));
  const noDirectory = `the rule-set directory ${rulesetsDir} does not exist (--rulesets)`;
  let resolution: ReturnType<typeof resolveRuleset>;
  if (isPath) {
    const read = readRulesetFile(reference);
    if (!read.ok) return fail(invalidRuleset(read.issues));
    const { file } = read;
    if (isOverlay(file.data) && !catalog.exists)
      return Effect.fail(usage(`${file.path}: extends ${String(file.data.extends)}, but ${noDirectory}`));
    // The file is known once (when given by path it may lie outside the directory), so that
    // an overlay extending itself, directly or through others, is found as a cycle.
    const documents = [...catalog.files.filter((f) => resolve(f.path) !== resolve(file.path)), file];
    resolution = resolveRuleset(documents, { path: file.path }, { asOf });
  } else {
    if (!catalog.exists) return Effect.fail(usage(`rule set ${reference}: ${noDirectory}`));
    resolution = resolveRuleset(catalog.files, reference, { asOf });
  }
  if (!resolution.ok) {
    const [only] = resolution.issues;
    if (resolution.issues.length === 1 && only?.code === "unknown_ruleset") {
      const known = catalog.files.map((f) => f.ref).join(", ") || "none";
      const when = reference.includes("@") ? "" : ` in force on ${asOf}`;
      return fail(usage(`no rule set ${reference}${when} in ${rulesetsDir} (known: ${known})`));
    }
    return fail(invalidRuleset(resolution.issues));
  }
  return Effect.succeed({ ruleset: resolution.ruleset, chain: resolution.chain, warnings: catalog.warnings });
}

export type { Ruleset };
