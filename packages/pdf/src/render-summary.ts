/**
 * `renderSummary`: the batch summary (summary.pdf) as PDF bytes.
 */
import { type Results, nameBookOf, Names } from "@civitas/core";
import { resolveDocumentDate } from "./document-date.js";
import type { RenderOptions } from "./options.js";
import { renderPdf } from "./pdf-engine.js";
import { summaryDocument } from "./summary/summary-document.js";

/**
 * Renders the summary of a round. The same results and options give byte-identical PDFs.
 *
 * @example
 * await writeFile("summary.pdf", await renderSummary(results, { ruleset }));
 */
export async function renderSummary(results: Results, options: RenderOptions = {}): Promise<Buffer> {
  return renderPdf(summaryDocument(results, new Names(nameBookOf(options.ruleset, results)), resolveDocumentDate(options.date)));
}
