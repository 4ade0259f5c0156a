/**
 * From data to a scorable rule set, for a caller holding the data of one rule set and of the
 * rule sets it may extend (no files): a thin convenience over `resolveRuleset`, the one
 * resolution path. Problems of a base are named by the base (`in base id@version: …`).
 */
import { type RulesetDocument, refOf } from "./documents.js";
import { RulesetError, type RulesetIssue } from "./issues.js";
import type { Ruleset } from "./model.js";
import { resolveRuleset } from "./resolve.js";

/** Options of `parseRuleset`: the rule sets an overlay may extend (as data). */
export interface ParseRulesetOptions {
  readonly bases?: readonly unknown[];
  /** ISO date picking the version of an `extends` given as a bare id (default: the newest). */
  readonly asOf?: string;
}

/** The name the rule set being checked goes by among the documents (never shown: its issues have no file). */
const CHECKED = "(the rule set checked)";

/**
 * Validates a rule set (base or overlay) and resolves it against `bases`.
 * Returns the issues rather than throwing.
 */
export function checkRuleset(
  data: unknown,
  options: ParseRulesetOptions = {},
): { ok: true; ruleset: Ruleset } | { ok: false; issues: RulesetIssue[] } {
  // the rule set itself may be among the bases (a directory's worth of data): it is known once
  const bases = (options.bases ?? []).filter((base) => base !== data);
  const documents: RulesetDocument[] = [{ path: CHECKED, data }, ...bases.map((base, i) => ({ path: `bases[${i}]`, data: base }))];
  const resolution = resolveRuleset(documents, { path: CHECKED }, options.asOf === undefined ? {} : { asOf: options.asOf });
  if (resolution.ok) return { ok: true, ruleset: resolution.ruleset };
  const refs = new Map(documents.map((d) => [d.path, refOf(d) ?? "?"]));
  const issues = resolution.issues
    // the prefix below says which base a problem is in: the note at the overlay's extends would repeat it
    .filter((issue) => issue.code !== "invalid_base")
    .map(({ file, line: _line, column: _column, ...issue }): RulesetIssue => {
      if (file === undefined || file === CHECKED) return issue;
      return { ...issue, message: `in base ${refs.get(file)}: ${issue.message}` };
    });
  return { ok: false, issues };
}

/**
 * Validates and resolves a rule set; throws a `RulesetError` listing every issue.
 *
 * @example
 * const ruleset = parseRuleset(YAML.parse(text));
 */
export function parseRuleset(data: unknown, options: ParseRulesetOptions = {}): Ruleset {
  const result = checkRuleset(data, options);
  if (!result.ok) throw new RulesetError(result.issues);
  return result.ruleset;
}
