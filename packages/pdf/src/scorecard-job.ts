/**
 * A scorecard job as plain data, the same in this thread and in a worker: the batch facts,
 * names and date shared by every city of a batch, and one city to render.
 */
import type { CityResult, Results } from "@civitas/core";
import { type BatchFacts, batchFactsOf } from "./batch-facts.js";
import { type DocumentDate, resolveDocumentDate } from "./document-date.js";
import { type NameBook, nameBookOf, Names } from "./names.js";
import type { ScorecardOptions } from "./options.js";
import { renderPdf } from "./pdf-engine.js";
import { type ScorecardLimits, scorecardDocument } from "./scorecard/scorecard-document.js";

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

/** Renders one city with the shared data of its batch. */
export function renderCity(shared: SharedJobData, city: CityResult): Promise<Buffer> {
  const date: DocumentDate = { date: new Date(shared.date.time), shown: shared.date.shown };
  return renderPdf(scorecardDocument({ city, batch: shared.batch, names: new Names(shared.book), date, limits: shared.limits }));
}
