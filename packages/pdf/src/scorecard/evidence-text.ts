/**
 * The evidence behind one standard's score, in words: for field standards the sites that lost
 * points (counts, assessor, date), for surveys the responses and the rate against floor and
 * target, for documents the verdicts, for data the value against floor and target.
 */
import type { StandardResult, Names } from "@civitas/core";
import type { Content } from "pdfmake/interfaces.js";
import { count, DASH, enumerate, fixed2, percent, percent1, plain } from "../format.js";
import { STATUS_LABELS, VERDICT_LABELS } from "../labels.js";

/** Sites listed per field standard; the rest are counted. */
export const SITES_SHOWN = 4;

const line = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, ...extra });
const detail = (text: string): Content => ({ text, style: "small", margin: [8, 1, 0, 0] });

/** A survey rate with its sampling error, as the spec writes it: `满意率 82.3%，95% 置信区间 78.1%–86.0%，n = 400`. */
export function surveyRateText(rate: number, low: number, high: number, responses: number): string {
  return `满意率 ${percent1(rate)}，95% 置信区间 ${percent1(low)}–${percent1(high)}，n = ${count(responses)}`;
}

/** The evidence lines of one standard. */
export function evidenceText(standard: StandardResult, names: Names): Content[] {
  const evidence = standard.evidence;
  if (evidence === null) return [line("对本市不适用")];
  const status = standard.status === "scored" ? "" : `【${STATUS_LABELS[standard.status]}】`;
  switch (evidence.method) {
    case "field": {
      const losing = evidence.sites.filter((s) => s.loss > 0).sort((a, b) => b.loss - a.loss || (a.siteId < b.siteId ? -1 : 1));
      if (evidence.siteCount === 0) return [line(`${status}未考察到该类点位（要求至少 ${evidence.minSites} 个），无实地证据`)];
      const head =
        standard.status === "insufficient"
          ? `${status}仅考察 ${evidence.siteCount} 个点位，少于要求的 ${evidence.minSites} 个`
          : `考察 ${evidence.siteCount} 个点位，${losing.length} 个有扣分，平均每点扣 ${fixed2(evidence.meanLoss ?? 0)} 分（单点上限 ${fixed2(evidence.capPerSite)}）`;
      const lines: Content[] = [line(head)];
      for (const site of losing.slice(0, SITES_SHOWN)) {
        const problems = site.problems.map((p) => `${names.check(p.checkId)}×${p.count}`).join("、");
        const who = [site.assessor, site.visitedAt].filter((x): x is string => x !== null).join(" ");
        const capped = site.rawLoss > site.loss ? `（原扣 ${fixed2(site.rawLoss)}，封顶）` : "";
        lines.push(
          detail(
            `· ${site.siteId}（${names.siteType(site.siteType)}）扣 ${fixed2(site.loss)}${capped}：${problems}${who ? `；${who}` : ""}`,
          ),
        );
      }
      if (losing.length > SITES_SHOWN) lines.push(detail(`… 另有 ${losing.length - SITES_SHOWN} 个点位有扣分`));
      return lines;
    }
    case "survey": {
      const range = `起评线 ${percent(evidence.floor)}，满分线 ${percent(evidence.target)}`;
      if (evidence.responses === 0) return [line(`${status}问卷题 ${evidence.question} 无有效回答（${range}）`)];
      const rate = `满意（正面）率 ${percent(evidence.rate)}`;
      if (standard.status === "insufficient") {
        return [
          line(
            `${status}问卷题 ${evidence.question} 仅 ${count(evidence.responses)} 份回答，少于要求的 ${count(evidence.minResponses)} 份；${rate}`,
          ),
        ];
      }
      if (evidence.rateLow === undefined || evidence.rateHigh === undefined) {
        // results written before the sampling error was recorded
        return [
          line(
            `问卷题 ${evidence.question}：${count(evidence.responses)} 份回答，正面 ${count(evidence.positive)} 份，${rate}（${range}）`,
          ),
        ];
      }
      const lines: Content[] = [
        line(`问卷题 ${evidence.question}：${count(evidence.responses)} 份回答，正面 ${count(evidence.positive)} 份（${range}）`),
        detail(surveyRateText(evidence.rate ?? 0, evidence.rateLow, evidence.rateHigh, evidence.responses)),
      ];
      if (evidence.scoreLow !== undefined && evidence.scoreHigh !== undefined) {
        lines.push(detail(`按置信区间，本项得分在 ${fixed2(evidence.scoreLow)}–${fixed2(evidence.scoreHigh)} 分之间`));
      }
      return lines;
    }
    case "document": {
      if (evidence.verdicts.length === 0) return [line(`${status}无材料评定`)];
      const verdicts = evidence.verdicts.map((v) => `${VERDICT_LABELS[v.verdict] ?? v.verdict}${v.reviewer ? `（${v.reviewer}）` : ""}`);
      const lines: Content[] = [
        line(`材料评定 ${evidence.verdicts.length} 份：${enumerate(verdicts)}；平均得分系数 ${fixed2(evidence.meanLevel ?? 0)}`),
      ];
      const notes = evidence.verdicts.map((v) => v.note).filter((n): n is string => n !== null && n !== "");
      for (const n of notes.slice(0, 2)) lines.push(detail(`· ${n}`));
      return lines;
    }
    case "data": {
      const direction = evidence.floor > evidence.target ? "越低越好" : "越高越好";
      const range = `起评线 ${plain(evidence.floor)}，满分线 ${plain(evidence.target)}，${direction}`;
      if (evidence.value === null) return [line(`${status}指标 ${evidence.fact} 无申报数据（${range}）`)];
      return [line(`指标 ${evidence.fact} = ${plain(evidence.value)}（${range}）`)];
    }
  }
  return [line(DASH)];
}
