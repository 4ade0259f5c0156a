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
  // appeals.csv (SPEC section 8)
  unknown_appeal_target_kind: "an appeal names both a standard and an adjustment",
  bad_decision: "decision is not pending/upheld/revised/withdrawn",
  unknown_target: "the appeal's target does not exist or is not a problem of the city",
  survey_not_appealable: "a survey standard is not appealed",
  decision_not_allowed: "decision not allowed for the appeal's target",
  missing_revision: "a revised decision without its revised value",
  bad_revision: "revised value not valid for the target",
  reviewer_is_assessor: "the reviewer made the finding appealed",
  duplicate_appeal: "a second appeal on the same target",
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
