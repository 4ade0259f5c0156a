/**
 * Display formatting: results keep full precision, documents show two decimals. Scores as
 * `823.45`, ratios as `82.35%`, ranks as `3 / 20`, missing values as an em dash.
 */

/** Shown where a value is absent (null ratio, no rank, no grade). */
export const DASH = "—";

/**
 * A number with two decimals, rounded half away from zero as written in decimal (82.345 →
 * 82.35, although the binary double is 82.3449999…); `-0.00` is shown as `0.00`.
 */
export function fixed2(value: number): string {
  if (!Number.isFinite(value)) return DASH;
  if (Math.abs(value) >= 1e15) return value.toFixed(2);
  const decimal = Number(Math.abs(value).toPrecision(15));
  const rounded = Math.sign(value) * Number(`${Math.round(Number(`${decimal}e2`))}e-2`);
  const text = rounded.toFixed(2);
  return text === "-0.00" ? "0.00" : text;
}

/** A ratio (0..1) as a percentage with two decimals, or a dash. */
export function percent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? DASH : `${fixed2(ratio * 100)}%`;
}

/** A ratio (0..1) as a percentage with one decimal (`82.3%`), rounded as `fixed2` rounds, or a dash. */
export function percent1(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return DASH;
  const decimal = Number(Math.abs(ratio * 100).toPrecision(15));
  const rounded = Math.sign(ratio) * Number(`${Math.round(Number(`${decimal}e1`))}e-1`);
  const text = rounded.toFixed(1);
  return `${text === "-0.0" ? "0.0" : text}%`;
}

/** `x / n`, or a dash when unranked. */
export function rankOf(rank: number | null, total: number): string {
  return rank === null ? DASH : `${rank} / ${total}`;
}

/** A plain count with thousands separators: `12,345`. */
export function count(value: number): string {
  return value.toLocaleString("en-US");
}

/** A number as written in data (up to 4 decimals, trailing zeros dropped). */
export function plain(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

/** The first characters of a rule-set hash: `sha256:1a2b3c4d…` → `1a2b3c4d`. */
export function shortHash(hash: string, length = 12): string {
  const hex = hash.startsWith("sha256:") ? hash.slice("sha256:".length) : hash;
  return hex.slice(0, length);
}

/** Joins a list with the Chinese enumeration comma, or a dash when empty. */
export function enumerate(items: readonly string[]): string {
  return items.length === 0 ? DASH : items.join("、");
}

/** A change with its sign and two decimals: `+1.20`, `-0.35`, `0.00`. */
export function signed2(delta: number): string {
  const text = fixed2(delta);
  return text === "0.00" || text.startsWith("-") || text === DASH ? text : `+${text}`;
}

/** A change of ratio in percentage points: `+0.91 个百分点`. */
export function percentPoints(delta: number): string {
  return `${signed2(delta * 100)} 个百分点`;
}
