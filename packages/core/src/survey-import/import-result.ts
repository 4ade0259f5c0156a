/**
 * What a survey import gives (SPEC section 7): the respondents with their answer codes, every
 * rejected or screened respondent and answer, and what became of each export's respondent ×
 * question cells — written, unanswered, rejected or screened, which always add up.
 */
import type { SurveyReject } from "./import-codes.js";

/** What became of one export's respondent × mapped-question cells, and of its respondents. */
export interface ImportCounts {
  /** Respondent rows read (rows with no value at all are not rows). */
  readonly respondents: number;
  /** Cells written into survey.csv as answers. */
  readonly written: number;
  /** Empty cells (and 问卷星's `(跳过)`): counted, not written. */
  readonly unanswered: number;
  /** Cells rejected: one answer each, or every question of a rejected respondent. */
  readonly rejected: number;
  /** Cells of respondents a quality screen dropped. */
  readonly screened: number;
  /** Respondents rejected whole, and respondents screened out. */
  readonly respondentsRejected: number;
  readonly respondentsScreened: number;
}

/** The counts of one export. */
export interface ExportCounts extends ImportCounts {
  readonly file: string;
  readonly sheet: string | null;
}

/** One respondent written into survey.csv: its answer code per mapped question (map order). */
export interface ImportedRespondent {
  readonly round: string;
  readonly cityId: string;
  readonly respondentId: string;
  /** Per question of `SurveyImportResult.questions`; undefined where nothing is written. */
  readonly answers: ReadonlyArray<string | undefined>;
}

/** Everything an import produced. */
export interface SurveyImportResult {
  /** The mapped question ids, in map order. */
  readonly questions: readonly string[];
  /** Respondents with at least one answer written, in export and row order. */
  readonly respondents: readonly ImportedRespondent[];
  /** Every rejected or screened respondent and answer, in export and row order. */
  readonly rejects: readonly SurveyReject[];
  readonly exports: readonly ExportCounts[];
  readonly totals: ImportCounts;
}
