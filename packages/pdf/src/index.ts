/**
 * @civitas/pdf — Chinese PDF documents of Civitas results, rendered with pdfmake and the
 * embedded Noto Sans SC fonts: one city's scorecard (测评成绩单, optionally with the change
 * since a previous round), a batch of scorecards in worker threads, the batch summary
 * (summary.pdf), and the documents across rounds: closure.pdf (责任清单), composite.pdf and
 * plan.pdf, and the feedback notice a city receives (测评问题反馈单). Output is byte-for-byte
 * reproducible.
 *
 * @example
 * import { renderScorecard, renderScorecards, renderSummary } from "@civitas/pdf";
 * const pdf = await renderScorecard(results, "hz", { ruleset, date: "2024-06-30", previous: results2023 });
 *
 * @packageDocumentation
 */

export { renderScorecard } from "./render-scorecard.js";
export { renderScorecards, defaultWorkerCount, type RenderedScorecard } from "./render-scorecards.js";
export { renderSummary } from "./render-summary.js";
export { renderClosure } from "./render-closure.js";
export { renderComposite } from "./render-composite.js";
export { renderPlan } from "./render-plan.js";
export { renderNoticePdf } from "./render-notice.js";
export type { CompositeOptions, RenderOptions, ScorecardOptions, ScorecardsOptions } from "./options.js";
export { DEFAULT_SCORECARD_LIMITS, type ScorecardLimits } from "./scorecard/scorecard-document.js";
export { FALLBACK_DATE } from "./document-date.js";
export { configurePdfmake } from "./pdf-engine.js";
