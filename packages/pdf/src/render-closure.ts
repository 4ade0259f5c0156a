/**
 * `renderClosure`: the closure report of two rounds (closure.pdf) as PDF bytes.
 */
import { type Closure, type Results, nameBookOfRounds, Names } from "@civitas/core";
import { closureDocument } from "./closure/closure-document.js";
import { resolveDocumentDate } from "./document-date.js";
import type { RenderOptions } from "./options.js";
import { renderPdf } from "./pdf-engine.js";

/**
 * Renders the closure (`compareRounds(base, current)`) with the names both rounds' results
 * carry (and the rule set's, when given). The same inputs give byte-identical PDFs.
 *
 * @example
 * const closure = compareRounds(base, current);
 * await writeFile("closure.pdf", await renderClosure(closure, { base, current }, { date: "2024-06-30" }));
 */
export async function renderClosure(
  closure: Closure,
  rounds: { readonly base: Results; readonly current: Results },
  options: RenderOptions = {},
): Promise<Buffer> {
  const names = new Names(nameBookOfRounds(options.ruleset, [rounds.base, rounds.current]));
  return renderPdf(
    closureDocument({ closure, base: rounds.base, current: rounds.current, names, date: resolveDocumentDate(options.date) }),
  );
}
