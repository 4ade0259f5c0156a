/**
 * Failures that stop a run: tagged errors carrying the file, line and field at fault.
 * (Rejected rows are data, not errors; see `RejectedRow`.) Plain classes with a `_tag`, so
 * they work in Effect's typed error channel (`catchTag`) without tying the types to Effect.
 */

/** Codes of evidence failures that stop a run. */
export type EvidenceErrorCode = "missing_cities" | "missing_column" | "duplicate_column" | "empty_file" | "unreadable" | "out_of_order";

/** Evidence that cannot be scored at all: no cities file, a header without a required column, … */
export class EvidenceError extends Error {
  override readonly name = "EvidenceError";
  readonly _tag = "EvidenceError";
  readonly code: EvidenceErrorCode;
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  constructor(details: { code: EvidenceErrorCode; file: string; line?: number; field?: string; message: string }) {
    super(details.message);
    this.code = details.code;
    this.file = details.file;
    this.line = details.line;
    this.field = details.field;
  }
}
