/**
 * Assembles the closure report (closure.pdf) of two rounds: the overview with the class
 * counts, the totals per city and per department, then 责任清单 — one section per department.
 * Built fresh on every call (pdfmake mutates definitions).
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { batchFactsOf } from "../batch-facts.js";
import { sectionHeading } from "../blocks.js";
import { framedDocument } from "../document-shell.js";
import { provenance } from "../scorecard/scorecard-document.js";
import { indexClosure, type ClosureInput } from "./closure-input.js";
import { cityTotals, closureOverview, departmentTotals } from "./closure-overview.js";
import { departmentLists } from "./department-lists.js";

/** A section heading that starts a new page. */
function onNewPage(heading: Content[]): Content[] {
  const [first, ...rest] = heading;
  return first === undefined ? heading : [{ ...(first as object), pageBreak: "before" } as Content, ...rest];
}

/** The closure report's document definition. */
export function closureDocument(input: ClosureInput): TDocumentDefinitions {
  const { closure, current } = input;
  const index = indexClosure(input);
  const rounds = `${closure.base.round} → ${closure.current.round}`;
  return framedDocument(
    { kind: "全国文明城市测评 · 问题销号与责任清单", subject: `${rounds} 轮次`, provenance: provenance(batchFactsOf(current)) },
    {
      title: `${rounds} 问题销号与责任清单`,
      subject: `${current.ruleset.title}（${current.ruleset.id}@${current.ruleset.version}）`,
      creator: `${current.engine.name} ${current.engine.version}`,
      keywords: `${closure.base.round} ${closure.current.round} ${closure.base.ruleset.hash} ${closure.current.ruleset.hash}`,
    },
    input.date,
    [
      ...closureOverview(input, index),
      ...sectionHeading(0, "各城市销号情况"),
      ...cityTotals(input, index),
      ...sectionHeading(1, "各责任单位销号情况"),
      ...departmentTotals(input, index),
      ...(index.departments.length === 0
        ? sectionHeading(2, "责任清单（按责任单位）")
        : onNewPage(sectionHeading(2, "责任清单（按责任单位）"))),
      ...departmentLists(input, index),
    ],
  );
}
