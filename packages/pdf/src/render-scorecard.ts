/**
 * `renderScorecard`: one city's 测评成绩单 as PDF bytes.
 */
import { type Results, nameBookOf, Names } from "@civitas/core";
import { batchFactsOf } from "./batch-facts.js";
import { resolveDocumentDate } from "./document-date.js";
import type { ScorecardOptions } from "./options.js";
import { renderPdf } from "./pdf-engine.js";
import { previousRoundFacts } from "./previous-round.js";
import { DEFAULT_SCORECARD_LIMITS, scorecardDocument } from "./scorecard/scorecard-document.js";

/**
 * Renders the scorecard of `cityId`. The same results and options give byte-identical PDFs.
 * With `previous`, it also shows the change since that round (a `ClosureError` when the two
 * results use different rule sets).
 *
 * @example
 * const pdf = await renderScorecard(results, "hz", { ruleset, date: "2024-06-30" });
 * await writeFile("scorecards/hz.pdf", pdf);
 */
export async function renderScorecard(results: Results, cityId: string, options: ScorecardOptions = {}): Promise<Buffer> {
  const city = results.cities.find((c) => c.cityId === cityId);
  if (city === undefined) throw new RangeError(`no city ${JSON.stringify(cityId)} in the results`);
  const limit = options.limits?.persisting ?? DEFAULT_SCORECARD_LIMITS.persisting;
  const previous = options.previous === undefined ? undefined : previousRoundFacts(options.previous, results, limit).get(cityId);
  return renderPdf(
    scorecardDocument({
      city,
      batch: batchFactsOf(results),
      names: new Names(nameBookOf(options.ruleset, results)),
      date: resolveDocumentDate(options.date),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...(previous === undefined ? {} : { previous }),
    }),
  );
}
