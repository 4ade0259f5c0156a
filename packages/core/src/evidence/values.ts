/**
 * Reading the values of evidence cells: counts, numbers, verdicts and city attributes.
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

/** A city attribute: a number when it parses as one, else the string. */
export function attributeValue(text: string): string | number {
  return parseNumber(text) ?? text;
}

/** A row as CSV text (fields quoted when they need it), for `rejects.csv`. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",");
}
