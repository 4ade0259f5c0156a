/**
 * Spreadsheet formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or CR is
 * prefixed with `'` unless it is a number (SPEC section 4).
 */

const DANGEROUS = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether a text starts with `=`, `+`, `-`, `@`, tab or CR (checked by char code: millions of cells go through here). */
const startsDangerously = (text: string): boolean => {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
};

/** The text of a cell as it is safe to write. */
export function neutralise(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = String(value);
  return startsDangerously(text) && DANGEROUS.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}
