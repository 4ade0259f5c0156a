/**
 * Feedback notices for the tests of their writers (PDF, .docx): a real round scored with core —
 * city 甲市 with `problems` field problems (each with a photo `photos/p<n>.jpg` and a note), a
 * document standard below its max with a pending appeal, a penalty that holds — and its notice.
 */
import { type FeedbackNotice, feedbackNotices, type Results, scoreRound } from "../../src/index.js";
import { appealRow, cityRow, factRow, fieldRow, ROUND, siteRow, verdictRow } from "./evidence-builders.js";
import { documentStandard, fieldStandard, leaf, penalty, ruleset } from "./ruleset-builders.js";

export const noticeRuleset = ruleset([fieldStandard(), documentStandard()], {
  adjustments: [penalty("P1", 10, leaf("exposed", "greaterThanInclusive", 1))],
});

/** The round and the notice of city `a` (甲市): one field problem per site m1…m`problems`. */
export async function noticeOf(
  problems: number,
  reportDate: string | null = "2024-06-30",
): Promise<{ results: Results; notice: FeedbackNotice }> {
  const sites = Array.from({ length: problems }, (_, i) => `m${i + 1}`);
  const results = await scoreRound({
    ruleset: noticeRuleset,
    round: ROUND,
    evidence: {
      cities: [cityRow("a", { name: "甲市" })],
      sites: sites.map((site) => siteRow("a", site)),
      field: sites.map((site, i) => fieldRow("a", site, "K1", 1 + (i % 3), { note: `${site} 东门积水`, photo: `photos/p${i + 1}.jpg` })),
      documents: [verdictRow("a", "S3", "partial")],
      facts: [factRow("a", "exposed", 1)],
      appeals: [appealRow("a", "A1", { standard_id: "S3" }, "pending")],
    },
  });
  if (results.rejects.length > 0) throw new Error(JSON.stringify(results.rejects));
  const notice = feedbackNotices(results, { ruleset: noticeRuleset, ...(reportDate === null ? {} : { reportDate }) })[0];
  if (notice === undefined) throw new Error("no notice");
  return { results, notice };
}
