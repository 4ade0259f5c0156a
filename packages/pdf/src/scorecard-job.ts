/**
 * A scorecard job as plain data, the same in this thread and in a worker: the batch facts,
 * names and date shared by every city of a batch, and one city to render (with its facts of
 * the previous round, when there is one).
 */
import { type CityResult, type Results, type NameBook, nameBookOf, Names } from "@civitas/core";
import { type BatchFacts, batchFactsOf } from "./batch-facts.js";
import { type DocumentDate, resolveDocumentDate } from "./document-date.js";
import type { ScorecardOptions } from "./options.js";
import { renderPdf } from "./pdf-engine.js";
import { type PreviousRoundFacts, previousRoundFacts } from "./previous-round.js";
import { DEFAULT_SCORECARD_LIMITS, type ScorecardLimits, scorecardDocument } from "./scorecard/scorecard-document.js";

/** What every scorecard of a batch shares (structured-cloneable). */
export interface SharedJobData {
  readonly batch: BatchFacts;
  readonly book: NameBook;
  readonly date: { readonly time: number; readonly shown: boolean };
  readonly limits: Partial<ScorecardLimits>;
}

/** The shared data of a batch, from the results and options. */
export function sharedJobData(results: Results, options: ScorecardOptions): SharedJobData {
  const date = resolveDocumentDate(options.date);
  return {
    batch: batchFactsOf(results),
    book: nameBookOf(options.ruleset, results),
    date: { time: date.date.getTime(), shown: date.shown },
    limits: { ...options.limits },
  };
}

/** The previous-round facts of every city, when the options give a previous round. */
export function previousOfBatch(results: Results, options: ScorecardOptions): Map<string, PreviousRoundFacts> | undefined {
  if (options.previous === undefined) return undefined;
  return previousRoundFacts(options.previous, results, options.limits?.persisting ?? DEFAULT_SCORECARD_LIMITS.persisting);
}

/** Renders one city with the shared data of its batch (and its previous-round facts). */
export function renderCity(shared: SharedJobData, city: CityResult, previous?: PreviousRoundFacts): Promise<Buffer> {
  const date: DocumentDate = { date: new Date(shared.date.time), shown: shared.date.shown };
  return renderPdf(
    scorecardDocument({
      city,
      batch: shared.batch,
      names: new Names(shared.book),
      date,
      limits: shared.limits,
      ...(previous === undefined ? {} : { previous }),
    }),
  );
}
