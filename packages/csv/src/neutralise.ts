/**
 * Spreadsheet formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or CR is
 * prefixed with `'` unless it is a number (SPEC section 4).
 */

const DANGEROUS = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The text of a cell as it is safe to write. */
export function neutralise(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = String(value);
  return DANGEROUS.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}
