/**
 * The stable codes of survey-rejects.csv (SPEC section 7), with their readable reasons:
 * respondents and answers an import rejects, and respondents its quality screens drop.
 * Documented in docs/surveys.md; never renamed once released.
 */

/** Codes of what an import rejects: a whole respondent, or one answer of a respondent. */
export const SURVEY_REJECT_CODES = {
  malformed_row: "malformed row",
  missing_value: "a required value is missing",
  unknown_city: "unknown city",
  duplicate_respondent: "respondent id given twice in one export",
  bad_duration: "the time taken cannot be read",
  unknown_answer: "answer text not in the map",
  multiple_answers: "several answers to a single-answer question",
} as const;

/** Codes of what the quality screens drop: a whole respondent each. */
export const SURVEY_SCREEN_CODES = {
  min_seconds: "answered faster than minSeconds",
  duplicate: "a second respondent with the same duplicateBy values",
} as const;

export type SurveyRejectCode = keyof typeof SURVEY_REJECT_CODES;
export type SurveyScreenCode = keyof typeof SURVEY_SCREEN_CODES;

/** One row of survey-rejects.csv: data, never an exception. */
export interface SurveyReject {
  /** The export's file name. */
  readonly file: string;
  /** The sheet of a workbook export; null for CSV. */
  readonly sheet: string | null;
  /** 1-based line (CSV) or sheet row (workbook); the header is line 1. */
  readonly line: number;
  /** The respondent id as written into survey.csv, when the row has one. */
  readonly respondentId: string | null;
  /** The question of a rejected answer; null when the whole respondent is rejected or screened. */
  readonly questionId: string | null;
  /** The export's header of that question's column, or null. */
  readonly column: string | null;
  /** `rejected` (bad data) or `screened` (a quality screen dropped the respondent). */
  readonly outcome: "rejected" | "screened";
  readonly code: SurveyRejectCode | SurveyScreenCode;
  /** Readable reason naming the question, column and value at fault. */
  readonly reason: string;
  /** The respondent's row as CSV text. */
  readonly raw: string;
}
