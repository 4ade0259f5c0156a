/**
 * `renderComposite`: the composite of several rounds (composite.pdf) as PDF bytes.
 */
import type { Composite } from "@civitas/core";
import { compositeDocument } from "./composite/composite-document.js";
import { resolveDocumentDate } from "./document-date.js";
import type { CompositeOptions } from "./options.js";
import { renderPdf } from "./pdf-engine.js";

/**
 * Renders a composite (`composeRounds(...)`); the title (or the rule set's) only titles it.
 * The same inputs give byte-identical PDFs.
 *
 * @example
 * const composite = composeRounds([{ results: r2023, weight: 0.4 }, { results: r2024, weight: 0.6 }]);
 * await writeFile("composite.pdf", await renderComposite(composite, { title: r2024.ruleset.title, date: "2024-06-30" }));
 */
export async function renderComposite(composite: Composite, options: CompositeOptions = {}): Promise<Buffer> {
  const title = options.title ?? options.ruleset?.title ?? null;
  return renderPdf(compositeDocument({ composite, title, date: resolveDocumentDate(options.date) }));
}
