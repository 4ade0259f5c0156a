/**
 * What changed between two rule sets: standards, checks and adjustments added, removed and
 * changed, and the points moved per category — for `civitas ruleset diff`.
 */
import { canonicalJson } from "./hash.js";
import type { Ruleset } from "./model.js";

/** One field of an item whose value differs. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface ItemChanges {
  readonly added: string[];
  readonly removed: string[];
  readonly changed: Array<{ readonly id: string; readonly changes: FieldChange[] }>;
}

export interface CategoryPoints {
  readonly id: string;
  readonly name: string;
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

/** The structural difference of two rule sets. */
export interface RulesetDiff {
  readonly from: string;
  readonly to: string;
  /** The rule-set hashes (an edited draft of the same id@version differs by its hash). */
  readonly fromHash: string;
  readonly toHash: string;
  /** Top-level settings that differ: title, dates, scale, missingEvidence, grades, dynamic, departments, siteTypes. */
  readonly settings: FieldChange[];
  readonly standards: ItemChanges;
  readonly checks: ItemChanges;
  readonly adjustments: ItemChanges;
  readonly categories: CategoryPoints[];
  readonly totalBefore: number;
  readonly totalAfter: number;
}

function compare<T extends { id: string }>(before: readonly T[], after: readonly T[], ignore: readonly string[] = []): ItemChanges {
  const a = new Map(before.map((x) => [x.id, x]));
  const b = new Map(after.map((x) => [x.id, x]));
  const changed: ItemChanges["changed"] = [];
  for (const [id, old] of a) {
    const now = b.get(id);
    if (now === undefined) continue;
    const fields = new Set([...Object.keys(old), ...Object.keys(now)]);
    const changes: FieldChange[] = [];
    for (const field of fields) {
      if (ignore.includes(field)) continue;
      const x = (old as Record<string, unknown>)[field];
      const y = (now as Record<string, unknown>)[field];
      if (canonicalJson(x) !== canonicalJson(y)) changes.push({ field, before: x ?? null, after: y ?? null });
    }
    if (changes.length > 0) changed.push({ id, changes });
  }
  return {
    added: [...b.keys()].filter((id) => !a.has(id)),
    removed: [...a.keys()].filter((id) => !b.has(id)),
    changed,
  };
}

const SETTINGS = [
  "title",
  "effectiveFrom",
  "effectiveTo",
  "scale",
  "missingEvidence",
  "grades",
  "dynamic",
  "departments",
  "siteTypes",
] as const satisfies ReadonlyArray<keyof Ruleset>;

const pointsOf = (ruleset: Ruleset, categoryId: string) =>
  ruleset.index.standards.filter((p) => p.category.id === categoryId).reduce((acc, p) => acc + p.standard.points, 0);

/** Compares two resolved rule sets. */
export function diffRulesets(a: Ruleset, b: Ruleset): RulesetDiff {
  const standardsOf = (r: Ruleset) => r.index.standards.map((p) => ({ ...p.standard, category: p.category.id, content: p.content.id }));
  const checksOf = (r: Ruleset) => [...r.index.checkById.values()].map(({ check, standard }) => ({ ...check, standard: standard.id }));
  const ids = [...new Set([...a.categories.map((c) => c.id), ...b.categories.map((c) => c.id)])];
  const categories = ids.map((id) => {
    const before = pointsOf(a, id);
    const after = pointsOf(b, id);
    const name = b.categories.find((c) => c.id === id)?.name ?? a.categories.find((c) => c.id === id)?.name ?? id;
    return { id, name, before, after, delta: after - before };
  });
  const settings: FieldChange[] = [];
  for (const field of SETTINGS) {
    const before = a[field] ?? null;
    const after = b[field] ?? null;
    if (canonicalJson(before) !== canonicalJson(after)) settings.push({ field, before, after });
  }
  return {
    from: `${a.id}@${a.version}`,
    to: `${b.id}@${b.version}`,
    fromHash: a.hash,
    toHash: b.hash,
    settings,
    standards: compare(standardsOf(a), standardsOf(b), ["checks"]),
    checks: compare(checksOf(a), checksOf(b)),
    adjustments: compare(a.adjustments, b.adjustments),
    categories,
    totalBefore: categories.reduce((acc, c) => acc + c.before, 0),
    totalAfter: categories.reduce((acc, c) => acc + c.after, 0),
  };
}
