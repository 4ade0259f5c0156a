/**
 * The date stamped into a PDF (creation and modification date, and the report date shown).
 * Never the wall clock: the `date` option, else `SOURCE_DATE_EPOCH` (seconds, the
 * reproducible-builds convention), else a fixed date, so the same results always give the
 * same bytes.
 */

/** The fixed fallback: 2000-01-01T00:00:00Z. */
export const FALLBACK_DATE = new Date(Date.UTC(2000, 0, 1));

/** A resolved document date; `shown` is false for the fixed fallback (not printed). */
export interface DocumentDate {
  readonly date: Date;
  readonly shown: boolean;
}

/** Accepts a Date or an ISO date/time string (`2024-06-30`, `2024-06-30T08:00:00Z`). */
export function parseDateOption(value: Date | string): Date {
  const date = typeof value === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid date: ${String(value)}`);
  return date;
}

/** Resolves the document date from the option and the environment. */
export function resolveDocumentDate(option: Date | string | undefined, env: NodeJS.ProcessEnv = process.env): DocumentDate {
  if (option !== undefined) return { date: parseDateOption(option), shown: true };
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch !== undefined && /^\d+$/.test(epoch)) return { date: new Date(Number(epoch) * 1000), shown: true };
  return { date: new Date(FALLBACK_DATE.getTime()), shown: false };
}

/** `2024年6月30日` (UTC). */
export function formatChineseDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}
