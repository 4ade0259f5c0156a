/**
 * The sampling error of a survey rate (SPEC section 7): the Wilson score interval at 95%, and
 * the score range a survey standard gives over it. A rate from 400 respondents is an estimate;
 * the interval says how far the city's true rate may lie from it.
 */

/** The two-sided 95% normal quantile the spec fixes (Φ⁻¹(0.975)). */
export const WILSON_Z = 1.959963984540054;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** A rate's Wilson interval: `low` ≤ rate ≤ `high`, both in [0, 1]. */
export interface RateInterval {
  readonly low: number;
  readonly high: number;
}

/**
 * The Wilson score interval of a rate `r` observed over `n` answers (n ≥ 1), exactly as the
 * spec writes it: centre `(r + z²/(2n)) / (1 + z²/n)`, half-width
 * `z · sqrt(r(1−r)/n + z²/(4n²)) / (1 + z²/n)`, each end clamped to [0, 1].
 *
 * @example
 * wilsonInterval(0.823, 400); // { low: 0.7826…, high: 0.8573… }
 */
export function wilsonInterval(r: number, n: number): RateInterval {
  if (!(n >= 1) || !(r >= 0 && r <= 1)) throw new Error(`wilsonInterval: needs 0 <= r <= 1 and n >= 1, got r = ${r}, n = ${n}`);
  const z2 = WILSON_Z * WILSON_Z;
  const denominator = 1 + z2 / n;
  const centre = (r + z2 / (2 * n)) / denominator;
  const halfWidth = (WILSON_Z * Math.sqrt((r * (1 - r)) / n + z2 / (4 * n * n))) / denominator;
  return { low: clamp01(centre - halfWidth), high: clamp01(centre + halfWidth) };
}

/** A survey standard's score at `rate` (SPEC section 3): `points × clamp((rate − floor) / (target − floor), 0, 1)`. */
export function surveyScoreAt(
  rate: number,
  standard: { readonly points: number; readonly floor: number; readonly target: number },
): number {
  return standard.points * clamp01((rate - standard.floor) / (standard.target - standard.floor));
}
