/**
 * Semantic-version ordering and effective-date lookup of rule sets.
 */

/** Compares two semantic versions (pre-releases sort before their release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = "", pre] = v.split("+")[0]?.split(/-(.*)/s) ?? [];
    return { parts: core.split(".").map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** True when `effectiveFrom <= date < effectiveTo` (dates as ISO strings). */
export function isEffectiveOn(ruleset: { effectiveFrom?: unknown; effectiveTo?: unknown }, date: string): boolean {
  const from = typeof ruleset.effectiveFrom === "string" ? ruleset.effectiveFrom : undefined;
  const to = typeof ruleset.effectiveTo === "string" ? ruleset.effectiveTo : undefined;
  return from !== undefined && from <= date && (to === undefined || date < to);
}
