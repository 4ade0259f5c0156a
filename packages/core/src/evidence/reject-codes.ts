/**
 * The stable codes of rejected evidence rows, with their readable reasons. Documented in
 * docs/evidence.md; never renamed once released.
 */

export const REJECT_CODES = {
  malformed_row: "malformed row",
  missing_value: "a required value is missing",
  unknown_city: "unknown city",
  unknown_site: "unknown site",
  unknown_site_type: "unknown site type",
  unknown_check: "unknown check",
  check_not_applicable: "check not applicable to the site's type",
  unknown_standard: "unknown standard",
  not_document_standard: "not a document standard",
  unknown_question: "unknown question",
  bad_verdict: "bad verdict",
  bad_count: "count is not a non-negative whole number",
  bad_value: "value is not a finite number",
  duplicate: "duplicate",
} as const;

export type RejectCode = keyof typeof REJECT_CODES;

/** One rejected row: data, never an exception. */
export interface RejectedRow {
  /** The evidence file name, e.g. `field.csv`. */
  readonly file: string;
  /** 1-based line of the row in its file; the header is line 1. */
  readonly line: number;
  readonly code: RejectCode;
  /** Readable reason naming the field and value at fault. */
  readonly reason: string;
  /** The raw row as CSV text. */
  readonly raw: string;
}
