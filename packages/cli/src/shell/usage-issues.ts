/**
 * Problems of a command line, each with a stable code (documented in docs/failures.md): found
 * all at once by `check-usage.ts` before anything runs, reported together with the command's
 * usage line (exit 2).
 */

export const USAGE_ISSUE_CODES = [
  "missing_command",
  "unknown_command",
  "unknown_flag",
  "missing_value",
  "bad_value",
  "repeated_flag",
  "missing_flag",
  "missing_argument",
  "unexpected_argument",
] as const;
export type UsageIssueCode = (typeof USAGE_ISSUE_CODES)[number];

/** One problem of a command line: its code, the flag or argument at fault, what is wrong. */
export interface UsageIssue {
  readonly code: UsageIssueCode;
  /** `--round`, `<results>` or the word at fault. */
  readonly at: string;
  readonly message: string;
}

/** Edits (insert, delete, replace) from `a` to `b`. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/** ` (did you mean x?)` for the known name closest to `name`, when one is close. */
export function suggestion(name: string, known: readonly string[], prefix = ""): string {
  const close = known
    .map((k) => ({ k, d: k.startsWith(name) || name.startsWith(k) ? 1 : distance(name, k) }))
    .filter((c) => c.d <= Math.max(1, Math.min(2, Math.floor(name.length / 2))))
    .sort((a, b) => a.d - b.d)[0];
  return close === undefined ? "" : ` (did you mean ${prefix}${close.k}?)`;
}
