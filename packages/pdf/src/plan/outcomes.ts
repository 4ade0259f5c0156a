/**
 * A plan's outcomes in words: a short label with its colour, and a plain sentence for each
 * city saying where it stands, what the steps achieve and, when the target stays out of reach,
 * why.
 */
import type { CityPlan, CityResult, PlanOutcome } from "@civitas/core";
import type { TableCell } from "pdfmake/interfaces.js";
import { fixed2, percent, percentPoints } from "../format.js";
import { COLORS } from "../theme.js";

export const OUTCOME_LABELS: Readonly<Record<PlanOutcome, { readonly text: string; readonly color: string }>> = {
  reached: { text: "整改可达标", color: COLORS.primary },
  alreadyMet: { text: "已达标", color: COLORS.good },
  notEnoughPoints: { text: "分值不足", color: COLORS.warn },
  vetoed: { text: "一票否决", color: COLORS.veto },
  noRatio: { text: "无得分率", color: COLORS.muted },
};

/** The outcome as a bold coloured label. */
export function outcomeTag(outcome: PlanOutcome): TableCell {
  const label = OUTCOME_LABELS[outcome];
  return { text: label.text, bold: true, color: label.color };
}

/** The points the steps gain together. */
export const totalGain = (plan: CityPlan): number => plan.steps.reduce((acc, s) => acc + s.gain, 0);

/** The plain sentence about a city's plan; `target` names it (e.g. 「优秀」（90.00%）). */
export function outcomeSentence(plan: CityPlan, city: CityResult | undefined, target: string): string {
  const now = percent(plan.ratio);
  switch (plan.outcome) {
    case "alreadyMet":
      return `当前得分率 ${now}，已达到目标${target}，无需为此整改。`;
    case "vetoed":
      return `本轮一票否决：否决事项不能靠提高得分挽回，任何整改都无法使本轮结果达到目标${target}；须先消除否决事项。`;
    case "noRatio":
      return `没有计分的测评标准（满分为 0），没有得分率，无法制定达标计划。`;
    case "reached":
      return `当前得分率 ${now}，距目标${target}差 ${percentPoints(plan.target - (plan.ratio ?? 0)).replace("+", "")}。按下表顺序完成 ${plan.steps.length} 项整改（共可提升 ${fixed2(totalGain(plan))} 分）后，得分率可达 ${percent(plan.ratioAfter)}，达到目标。`;
    case "notEnoughPoints": {
      const penalty = city !== undefined && city.penaltyPoints > 0 ? `负面清单扣分 ${fixed2(city.penaltyPoints)} 分无法通过整改挽回，` : "";
      return `当前得分率 ${now}。即使完成全部 ${plan.steps.length} 项整改，得分率也只能达到 ${percent(plan.ratioAfter)}，仍低于目标${target}：${penalty}可提升的分值不足。`;
    }
  }
}
