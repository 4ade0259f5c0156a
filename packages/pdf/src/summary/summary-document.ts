/**
 * Assembles the batch summary (summary.pdf) as a pdfmake document definition: overview,
 * rankings overall and per peer group, ratio distribution, where the batch loses most,
 * vetoes and penalties, data quality and, when cities appealed, 申诉复核. Built fresh on every call.
 */
import type { Results, Names } from "@civitas/core";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";
import { batchFactsOf } from "../batch-facts.js";
import { sectionHeading } from "../blocks.js";
import type { DocumentDate } from "../document-date.js";
import { framedDocument } from "../document-shell.js";
import { provenance } from "../scorecard/scorecard-document.js";
import { adjustmentsSummary } from "./adjustments.js";
import { appealsSummary, hasAppeals } from "./appeals.js";
import { categoryLossesSection } from "./category-losses.js";
import { distributionSection } from "./distribution.js";
import { overview } from "./overview.js";
import { groupRankings, overallRanking } from "./rankings.js";
import { rejectsSection } from "./rejects.js";

/** The summary's document definition. */
export function summaryDocument(results: Results, names: Names, date: DocumentDate): TDocumentDefinitions {
  const frame = {
    kind: "全国文明城市测评 · 测评汇总报告",
    subject: `${results.round} 轮次 · ${results.cities.length} 个城市`,
    provenance: provenance(batchFactsOf(results)),
  };
  return framedDocument(
    frame,
    {
      title: `${results.round} 测评汇总报告`,
      subject: `${results.ruleset.title}（${results.ruleset.id}@${results.ruleset.version}）`,
      creator: `${results.engine.name} ${results.engine.version}`,
      keywords: `${results.round} ${results.ruleset.hash}`,
    },
    date,
    [
      ...overview(results, date),
      ...sectionHeading(0, "总排名"),
      ...overallRanking(results),
      ...sectionHeading(1, "分组排名"),
      ...groupRankings(results),
      ...sectionHeading(2, "得分率分布"),
      ...distributionSection(results),
      ...sectionHeading(3, "失分集中的测评项目"),
      ...categoryLossesSection(results, names),
      ...sectionHeading(4, "一票否决与负面清单"),
      ...adjustmentsSummary(results),
      ...sectionHeading(5, "证据数据质量"),
      ...rejectsSection(results),
      ...(hasAppeals(results) ? [...sectionHeading(6, "申诉复核"), ...appealsSummary(results)] : []),
    ],
  );
}
