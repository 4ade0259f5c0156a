import { writeFileSync } from "node:fs";
import { renderPdf } from "../src/pdf-engine.js";
import { scorecardDocument } from "../src/scorecard/scorecard-document.js";
import { batchFactsOf } from "../src/batch-facts.js";
import { nameBookOf, Names } from "../src/names.js";
import { resolveDocumentDate } from "../src/document-date.js";
import { syntheticRound } from "../test/support/synthetic.js";
const { ruleset, results } = await syntheticRound({ cities: 6, maxCount: 2 });
const city = results.cities[0]!;
const dd = scorecardDocument({
  city,
  batch: batchFactsOf(results),
  names: new Names(nameBookOf(ruleset)),
  date: resolveDocumentDate("2024-06-30"),
});
if (process.argv[2] === "nobreak") delete (dd as any).pageBreakBefore;
if (process.argv[2] === "log") {
  const f = dd.pageBreakBefore as any;
  (dd as any).pageBreakBefore = (n: any, q: any) => {
    const r = f(n, q);
    if (n.headlineLevel)
      console.log(n.headlineLevel, String(JSON.stringify(n.text)).slice(0, 30), n.startPosition.pageNumber, n.startPosition.top, r);
    return r;
  };
}
writeFileSync("/tmp/debug.pdf", await renderPdf(dd));
