/**
 * From data to a scorable rule set: schema, cross-checks, overlay resolution and hash.
 */
import { BaseRulesetSchema } from "./schema.js";
import { crossCheck } from "./cross-check.js";
import { fromZodIssues, RulesetError, type RulesetIssue } from "./issues.js";
import { rulesetHash } from "./hash.js";
import { buildRuleset, type Ruleset } from "./model.js";
import { isOverlay, overlayIssue, resolveOverlay } from "./overlay.js";

/** Options of `parseRuleset`: the rule sets an overlay may extend (as data). */
export interface ParseRulesetOptions {
  readonly bases?: readonly unknown[];
  /** ISO date picking the version of an `extends` given as a bare id (default: the newest). */
  readonly asOf?: string;
}

/** Validates a base rule set given as data; returns every issue found. */
export function validateBase(raw: unknown): { ok: true; ruleset: Ruleset } | { ok: false; issues: RulesetIssue[] } {
  return validateResolved(raw, []);
}

function validateResolved(
  raw: unknown,
  lineage: readonly string[],
): { ok: true; ruleset: Ruleset } | { ok: false; issues: RulesetIssue[] } {
  const parsed = BaseRulesetSchema.safeParse(raw, { reportInput: true });
  const issues = [...(parsed.success ? [] : fromZodIssues(parsed.error.issues)), ...crossCheck(raw)];
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  const data = parsed.data;
  const self = `${data.id}@${data.version}`;
  return { ok: true, ruleset: buildRuleset(data, raw, rulesetHash(raw), [...lineage, self]) };
}

/**
 * Validates a rule set (base or overlay) and resolves it against `bases`.
 * Returns the issues rather than throwing.
 */
export function checkRuleset(
  data: unknown,
  options: ParseRulesetOptions = {},
): { ok: true; ruleset: Ruleset } | { ok: false; issues: RulesetIssue[] } {
  if (!isOverlay(data)) return validateBase(data);
  const resolved = resolveOverlay(data, options.bases ?? [], options.asOf);
  const resolution = resolved.ok ? resolved : resolved.partial;
  if (resolution === undefined) return { ok: false, issues: resolved.ok ? [] : resolved.issues };
  const checked = validateResolved(resolution.value, resolution.lineage);
  if (resolved.ok && checked.ok) return checked;
  // Every problem at once: the overlay's own, then the resolved rule set's, those in what the
  // overlay wrote at their path in the overlay file (each problem once).
  const found = [
    ...(resolved.ok ? [] : resolved.issues),
    ...(checked.ok ? [] : checked.issues.map((issue) => overlayIssue(issue, resolution.value, resolution.origins))),
  ];
  const seen = new Set<string>();
  const issues: RulesetIssue[] = [];
  for (const issue of found) {
    const key = JSON.stringify([issue.code, issue.path, issue.message]);
    if (!seen.has(key)) issues.push(issue);
    seen.add(key);
  }
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
