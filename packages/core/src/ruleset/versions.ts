/**
 * Semantic-version ordering and effective-date lookup of rule sets.
 */

/** One pre-release identifier against another (SemVer 2.0.0 §11: numbers below words). */
function compareIdentifiers(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return Math.sign(Number(a) - Number(b));
  if (numeric.test(a) !== numeric.test(b)) return numeric.test(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares two semantic versions by SemVer precedence: major, minor, patch as numbers; a
 * pre-release sorts before its release, identifiers compared one by one (rc.2 < rc.10).
 */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = "", pre] = v.split("+")[0]?.split(/-(.*)/s) ?? [];
    return { parts: core.split(".").map((n) => Number.parseInt(n, 10) || 0), pre: pre?.split(".") };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === undefined || y.pre === undefined) return x.pre === y.pre ? 0 : x.pre === undefined ? 1 : -1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined || q === undefined) return p === q ? 0 : p === undefined ? -1 : 1;
    const d = compareIdentifiers(p, q);
    if (d !== 0) return d;
  }
  return 0;
}

/** True for an ISO calendar date (YYYY-MM-DD) that exists. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** True when `effectiveFrom <= date < effectiveTo` (dates as ISO strings). */
export function isEffectiveOn(ruleset: { effectiveFrom?: unknown; effectiveTo?: unknown }, date: string): boolean {
  const from = typeof ruleset.effectiveFrom === "string" ? ruleset.effectiveFrom : undefined;
  const to = typeof ruleset.effectiveTo === "string" ? ruleset.effectiveTo : undefined;
  return from !== undefined && from <= date && (to === undefined || date < to);
}
