/**
 * `renderPlan`: the rectification plan (plan.pdf) as PDF bytes.
 */
import { type Plan, type Results, nameBookOfRounds, Names } from "@civitas/core";
import { resolveDocumentDate } from "./document-date.js";
import type { RenderOptions } from "./options.js";
import { renderPdf } from "./pdf-engine.js";
import { planDocument } from "./plan/plan-document.js";

/**
 * Renders a plan (`planImprovements(results, target)`) with the names of the results it was
 * made from (and the rule set's, when given). The same inputs give byte-identical PDFs.
 *
 * @example
 * const plan = planImprovements(results, "excellent");
 * await writeFile("plan.pdf", await renderPlan(plan, results, { date: "2024-06-30" }));
 */
export async function renderPlan(plan: Plan, results: Results, options: RenderOptions = {}): Promise<Buffer> {
  const names = new Names(nameBookOfRounds(options.ruleset, [results]));
  return renderPdf(planDocument({ plan, results, names, date: resolveDocumentDate(options.date) }));
}
