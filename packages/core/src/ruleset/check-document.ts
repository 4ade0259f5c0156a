/**
 * Checks one document of a chain on its own: a base rule set against the format and the
 * cross-checks; an overlay against the overlay format, then applied to its resolved base and
 * the result checked like a base rule set — every problem at its path in the overlay (see
 * `overlayIssue`). Issues carry paths only; the resolver attributes them to files.
 */
import { crossCheck } from "./cross-check.js";
import { rulesetHash } from "./hash.js";
import { fromZodIssues, type RulesetIssue } from "./issues.js";
import { buildRuleset, type Ruleset } from "./model.js";
import { applyOverlay } from "./overlay/apply.js";
import { overlayIssue } from "./overlay/issue-origin.js";
import { BaseRulesetSchema, OverlayRulesetSchema } from "./schema.js";

/** A document checked: the rule set it resolves to, or every issue found in it. */
export type Checked = { readonly ok: true; readonly ruleset: Ruleset } | { readonly ok: false; readonly issues: RulesetIssue[] };

/**
 * Validates resolved data as a base rule set; `lineage` is the chain below it (`id@version`,
 * base first), to which its own `id@version` is appended.
 */
export function checkResolved(raw: unknown, lineage: readonly string[]): Checked {
  const parsed = BaseRulesetSchema.safeParse(raw, { reportInput: true });
  const issues = [...(parsed.success ? [] : fromZodIssues(parsed.error.issues)), ...crossCheck(raw)];
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  const data = parsed.data;
  return { ok: true, ruleset: buildRuleset(data, raw, rulesetHash(raw), [...lineage, `${data.id}@${data.version}`]) };
}

/** The overlay's own format problems (before it is applied to anything). */
export function overlayFormatIssues(data: unknown): RulesetIssue[] {
  const parsed = OverlayRulesetSchema.safeParse(data, { reportInput: true });
  return parsed.success ? [] : fromZodIssues(parsed.error.issues);
}

/**
 * Applies the overlay to its checked base and validates the result. When the overlay has
 * faults of its own, the resolution is still made and checked, so that the problems of the
 * resolved rule set are listed too (each problem once).
 */
export function checkOverlay(data: Record<string, unknown>, base: Ruleset): Checked {
  const own = overlayFormatIssues(data);
  const baseRef = `${base.id}@${base.version}`;
  const { issues, resolved, origins } = applyOverlay(base.resolved as Record<string, unknown>, data, baseRef);
  const checked = checkResolved(resolved, base.lineage);
  if (own.length === 0 && issues.length === 0 && checked.ok) return checked;
  const found = [...own, ...issues, ...(checked.ok ? [] : checked.issues.map((issue) => overlayIssue(issue, resolved, origins)))];
  const seen = new Set<string>();
  const unique: RulesetIssue[] = [];
  for (const issue of found) {
    const key = JSON.stringify([issue.code, issue.path, issue.message]);
    if (!seen.has(key)) unique.push(issue);
    seen.add(key);
  }
  return { ok: false, issues: unique };
}
