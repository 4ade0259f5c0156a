/**
 * Assembles the rectification plan (plan.pdf): the target, the outcomes counted, an overview
 * per city, then each city's plan — its outcome stated plainly, the ordered steps with their
 * gains and the ratio after each, and the steps per responsible department. Built fresh.
 */
import type { Plan, Results, Names } from "@civitas/core";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";
import { batchFactsOf } from "../batch-facts.js";
import { cardFigure, cardRow, documentTitle, keyValueGrid, sectionHeading, statCard } from "../blocks.js";
import { type DocumentDate, formatChineseDate } from "../document-date.js";
import { framedDocument } from "../document-shell.js";
import { count, DASH, percent } from "../format.js";
import { provenance } from "../scorecard/scorecard-document.js";
import { COLORS } from "../theme.js";
import { cityPlans, plansOverview, targetText } from "./city-plans.js";

/** Everything the plan is built from. */
export interface PlanInput {
  readonly plan: Plan;
  readonly results: Results;
  readonly names: Names;
  readonly date: DocumentDate;
}

/** The plan's document definition. */
export function planDocument({ plan, results, names, date }: PlanInput): TDocumentDefinitions {
  const grade = plan.target.grade === null ? undefined : results.ruleset.grades.find((g) => g.id === plan.target.grade);
  const target = targetText(plan, grade?.name ?? null);
  const by = (outcome: string) => plan.cities.filter((c) => c.outcome === outcome).length;
  const steps = plan.cities.reduce((acc, c) => acc + c.steps.length, 0);
  const blocked = by("vetoed") + by("notEnoughPoints") + by("noRatio");
  const cities = new Map(results.cities.map((c) => [c.cityId, c]));
  return framedDocument(
    {
      kind: "全国文明城市测评 · 整改计划",
      subject: `${plan.round} 轮次 · 目标${grade === undefined ? ` ${percent(plan.target.ratio)}` : ` ${grade.name}`}`,
      provenance: provenance(batchFactsOf(results)),
    },
    {
      title: `${plan.round} 整改计划`,
      subject: `${results.ruleset.title}（${results.ruleset.id}@${results.ruleset.version}）`,
      creator: `${results.engine.name} ${results.engine.version}`,
      keywords: `${plan.round} ${plan.target.grade ?? plan.target.ratio} ${results.ruleset.hash}`,
    },
    date,
    [
      documentTitle({ title: "整改计划", subtitle: results.ruleset.title, figure: plan.round, figureLabel: "测评轮次" }),
      keyValueGrid(
        [
          [
            "目标",
            grade === undefined ? `得分率 ${percent(plan.target.ratio)}` : `${grade.name}（得分率 ≥ ${percent(plan.target.ratio)}）`,
          ],
          ["测评体系", `${results.ruleset.id}@${results.ruleset.version}`],
          ["参评城市", `${count(plan.cities.length)} 个`],
          ["报告日期", date.shown ? formatChineseDate(date.date) : DASH],
        ],
        [],
      ),
      cardRow([
        statCard("整改可达标", cardFigure(count(by("reached"))), `共 ${count(steps)} 项整改事项`),
        statCard("已达标", cardFigure(count(by("alreadyMet")), COLORS.good), "无需为此整改"),
        statCard(
          "无法达标",
          cardFigure(count(blocked), blocked > 0 ? COLORS.veto : COLORS.primary),
          `一票否决 ${by("vetoed")} 个，分值不足 ${by("notEnoughPoints")} 个`,
          blocked > 0 ? COLORS.vetoSoft : COLORS.primarySoft,
        ),
        statCard("目标", cardFigure(grade?.name ?? percent(plan.target.ratio)), `得分率 ≥ ${percent(plan.target.ratio)}`),
      ]),
      ...sectionHeading(0, "总览"),
      ...plansOverview(plan),
      ...sectionHeading(1, "各城市整改计划"),
      ...cityPlans(plan, cities, names, target),
    ],
  );
}
