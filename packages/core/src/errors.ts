/**
 * Failures that stop a run: tagged errors carrying the file, line and field at fault.
 * (Rejected rows are data, not errors; see `RejectedRow`.)
 */
import { Data } from "effect";

/** Codes of evidence failures that stop a run. */
export type EvidenceErrorCode = "missing_cities" | "missing_column" | "duplicate_column" | "empty_file" | "unreadable" | "out_of_order";

/** Evidence that cannot be scored at all: no cities file, a header without a required column, … */
export class EvidenceError extends Data.TaggedError("EvidenceError")<{
  readonly code: EvidenceErrorCode;
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
  readonly message: string;
}> {}
