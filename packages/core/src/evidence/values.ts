/**
 * Reading the values of evidence cells: counts, numbers, verdicts, appeal decisions and city
 * attributes.
 */

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number written in decimal notation, or undefined. */
export function parseNumber(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A whole non-negative number written in digits, or undefined. A count beyond 2^53 is still a
 * whole number (its loss is capped by the standard's points anyway), read to the nearest
 * double; only one too large for a finite number (over 300 digits) is refused.
 */
export function parseCount(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export type Verdict = "met" | "partial" | "unmet";

const VERDICTS: ReadonlyMap<string, Verdict> = new Map([
  ["met", "met"],
  ["partial", "partial"],
  ["unmet", "unmet"],
  ["达标", "met"],
  ["基本达标", "partial"],
  ["未达标", "unmet"],
]);

/** `met`/`partial`/`unmet` (any case) or 达标/基本达标/未达标, or undefined. */
export function parseVerdict(text: string): Verdict | undefined {
  return VERDICTS.get(text.toLowerCase());
}

/** A reviewer's decision on an appeal (复核结论, SPEC section 8). */
export type AppealDecision = "pending" | "upheld" | "revised" | "withdrawn";

const DECISIONS: ReadonlyMap<string, AppealDecision> = new Map([
  ["pending", "pending"],
  ["upheld", "upheld"],
  ["revised", "revised"],
  ["withdrawn", "withdrawn"],
  ["待复核", "pending"],
  ["维持", "upheld"],
  ["改判", "revised"],
  ["撤销", "withdrawn"],
]);

/** `pending`/`upheld`/`revised`/`withdrawn` (any case) or 待复核/维持/改判/撤销, or undefined. */
export function parseDecision(text: string): AppealDecision | undefined {
  return DECISIONS.get(text.toLowerCase());
}

/**
 * Significant digits a double always keeps: any decimal of at most 15 of them reads back from
 * the double it becomes (DBL_DIG).
 */
const KEPT_DIGITS = 15;
/** The smallest positive double of full precision; below it digits are lost. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * Whether the number `value` read from decimal `text` keeps every digit written: no leading
 * zero before other digits (`0571`, `00.5`, `-0571`), at most `KEPT_DIGITS` significant digits
 * (counted from the first non-zero digit to the last digit written, so `0.000123` has 3 and
 * `1.50` has 3, an 18-digit ID-card number 18), and not so small that the double loses them.
 */
function keepsDigits(text: string, value: number): boolean {
  const unsigned = text.charCodeAt(0) === 43 /* + */ || text.charCodeAt(0) === 45 /* - */ ? text.slice(1) : text;
  const exponent = unsigned.search(/[eE]/);
  const mantissa = exponent === -1 ? unsigned : unsigned.slice(0, exponent);
  const point = mantissa.indexOf(".");
  const whole = point === -1 ? mantissa : mantissa.slice(0, point);
  if (whole.length > 1 && whole.charCodeAt(0) === 48 /* 0 */) return false;
  const significant = (point === -1 ? whole : whole + mantissa.slice(point + 1)).replace(/^0+/, "");
  if (significant.length > KEPT_DIGITS) return false;
  return significant === "" || Math.abs(value) >= SMALLEST_NORMAL;
}

/**
 * A city attribute (SPEC section 2): a number when the text is a decimal number whose digits a
 * double keeps (see `keepsDigits`), else the text as it is — `0571`, an 18-digit ID-card
 * number and a credit code stay strings; `0`, `0.5`, `1194`, `1.88e4` are numbers (`-0` is 0).
 */
export function attributeValue(text: string): string | number {
  const value = parseNumber(text);
  if (value === undefined || !keepsDigits(text, value)) return text;
  return value === 0 ? 0 : value;
}

/** A row as CSV text (fields quoted when they need it), for `rejects.csv`. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",");
}
