/**
 * The options of the public render functions.
 */
import type { Results, Ruleset } from "@civitas/core";
import type { ScorecardLimits } from "./scorecard/scorecard-document.js";

/** Options shared by every document. */
export interface RenderOptions {
  /** The rule set the results were scored with: gives names to checks, departments and site types (ids are shown without it). */
  readonly ruleset?: Ruleset;
  /** The date stamped into the PDF and shown as 报告日期; default `SOURCE_DATE_EPOCH`, else a fixed date (not shown). */
  readonly date?: Date | string;
}

/** Options of a scorecard. */
export interface ScorecardOptions extends RenderOptions {
  /** How many items the long lists show. */
  readonly limits?: Partial<ScorecardLimits>;
  /**
   * The previous round's results (same rule-set id): the scorecard then shows the change since
   * that round (score, ratio, grade, ranks, categories) and what became of its problems.
   */
  readonly previous?: Results;
}

/** Options of a batch of scorecards. */
export interface ScorecardsOptions extends ScorecardOptions {
  /** Worker threads (default: available cores − 1, at most 4; 0 renders in this thread). */
  readonly workers?: number;
}

/** Options of the composite report. */
export interface CompositeOptions extends RenderOptions {
  /** The title under the heading (default: the rule set's title, else 全国文明城市测评), e.g. the latest round's `results.ruleset.title`. */
  readonly title?: string;
}
