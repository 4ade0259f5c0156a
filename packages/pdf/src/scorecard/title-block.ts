/**
 * The top of a scorecard: the city's name and the document title, then who and what was
 * assessed (peer group, round, rule set with its short hash, report date) and the evidence
 * behind the result (sites visited, survey answers, verdicts, data, the batch's input rows).
 */
import type { CityResult } from "@civitas/core";
import type { Content } from "pdfmake/interfaces.js";
import type { BatchFacts } from "../batch-facts.js";
import { documentTitle, keyValueGrid } from "../blocks.js";
import { type DocumentDate, formatChineseDate } from "../document-date.js";
import { count, DASH, shortHash } from "../format.js";
import { PROVISIONAL_MARK } from "./appeals.js";

/** Counts of the evidence a city was scored on. */
export interface CityEvidenceCounts {
  readonly sites: number;
  readonly fieldProblems: number;
  readonly surveyQuestions: number;
  readonly surveyResponses: number;
  readonly verdicts: number;
  readonly dataValues: number;
  readonly dataStandards: number;
}

/** Counts what a city's result was built from. */
export function evidenceCounts(city: CityResult): CityEvidenceCounts {
  const questions = new Map<string, number>();
  let verdicts = 0;
  let dataValues = 0;
  let dataStandards = 0;
  for (const standard of city.standards) {
    const evidence = standard.evidence;
    if (evidence === null) continue;
    if (evidence.method === "survey") questions.set(evidence.question, evidence.responses);
    if (evidence.method === "document") verdicts += evidence.verdicts.length;
    if (evidence.method === "data") {
      dataStandards += 1;
      if (evidence.value !== null) dataValues += 1;
    }
  }
  const fieldProblems = city.problems.reduce((acc, p) => acc + (p.count ?? 0), 0);
  return {
    sites: city.visitedSites.length,
    fieldProblems,
    surveyQuestions: questions.size,
    surveyResponses: [...questions.values()].reduce((a, b) => a + b, 0),
    verdicts,
    dataValues,
    dataStandards,
  };
}

/** The title block and the facts grid. */
export function titleBlock(city: CityResult, batch: BatchFacts, date: DocumentDate): Content[] {
  const ev = evidenceCounts(city);
  const rows = batch.files.reduce((acc, f) => acc + f.rows, 0);
  const accepted = batch.files.reduce((acc, f) => acc + f.accepted, 0);
  const skipped = batch.files.reduce((acc, f) => acc + f.skipped, 0);
  const group = city.peerGroup === null ? "未分组" : `${city.peerGroup}（本组 ${batch.groupSizes[city.peerGroup] ?? 0} 个城市）`;
  const lineage = batch.ruleset.lineage.length > 1 ? `，继承自 ${batch.ruleset.lineage.slice(0, -1).join(" → ")}` : "";
  return [
    documentTitle({
      title: city.name,
      suffix: city.provisional ? `测评成绩单 · ${PROVISIONAL_MARK}` : "测评成绩单",
      subtitle: batch.ruleset.title,
      figure: batch.round,
      figureLabel: "测评轮次",
    }),
    keyValueGrid(
      [
        ["城市代码", city.cityId],
        ["组别", group],
        ["测评体系", `${batch.ruleset.id}@${batch.ruleset.version}${lineage}`],
        ["体系哈希", `sha256 ${shortHash(batch.ruleset.hash)}`],
        ["实地考察", `${count(ev.sites)} 个点位，发现问题 ${count(ev.fieldProblems)} 处`],
        ["问卷调查", ev.surveyQuestions === 0 ? DASH : `${count(ev.surveyResponses)} 份回答（${ev.surveyQuestions} 道题）`],
        ["材料审核", ev.verdicts === 0 ? DASH : `${count(ev.verdicts)} 份评定`],
        ["数据指标", ev.dataStandards === 0 ? DASH : `${ev.dataValues} / ${ev.dataStandards} 项有申报数据`],
        ["报告日期", date.shown ? formatChineseDate(date.date) : DASH],
      ],
      [
        [
          "本批证据",
          `${batch.files.length} 个文件共 ${count(rows)} 行：本轮采纳 ${count(accepted)} 行${skipped > 0 ? `，其他轮次 ${count(skipped)} 行` : ""}，拒收 ${count(batch.rejected)} 行${batch.rejected > 0 ? "（见 rejects.csv）" : ""}`,
        ],
      ],
    ),
  ];
}
