/**
 * Floating-point rounding, told apart from real differences. Scores are sums of products and
 * quotients of decimal numbers (a survey rate of 0.7 between 0.5 and 0.9 gives 20 × 0.4999…
 * = 9.999999999999998 points, not 10), so values equal by hand can differ in their last bits.
 * These bounds are far above such rounding (about 1e-13 on scores of up to a few thousand
 * points, 1e-16 on ratios) and far below any difference a rule set can make.
 */

/** Ratios closer than this are equal: they share a rank, and one this close below a minRatio reaches it. */
export const RATIO_TOLERANCE = 1e-12;

/** Points closer than this are equal: a gain or loss below it is 0, and gains this close sort as equal. */
export const POINTS_TOLERANCE = 1e-9;
