/**
 * The plans of the cities: an overview table (where each city stands and what its plan
 * achieves), then for each city with steps its sentence, the ordered steps (gain and the ratio
 * after each) and the steps grouped by responsible department.
 */
import type { CityPlan, CityResult, Plan, PlanStep, Names } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { note, subheading } from "../blocks.js";
import { count, DASH, enumerate, fixed2, percent } from "../format.js";
import { methodLabel, STATUS_LABELS } from "../labels.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";
import { OUTCOME_LABELS, outcomeSentence, outcomeTag, totalGain } from "./outcomes.js";

const NO_DEPARTMENT = "（未指定责任单位）";

/** 「优秀」（90.00%） or （得分率 90.00%）. */
export function targetText(plan: Plan, gradeName: string | null): string {
  return gradeName === null ? `（得分率 ${percent(plan.target.ratio)}）` : `「${gradeName}」（${percent(plan.target.ratio)}）`;
}

/** The overview table: one row per city. */
export function plansOverview(plan: Plan): Content[] {
  return [
    dataTable(
      [
        { header: "城市", width: "*" },
        { header: "当前得分率", width: 50, align: "right" },
        { header: "结果", width: 56 },
        { header: "整改事项", width: 40, align: "right" },
        { header: "可提升", width: 46, align: "right" },
        { header: "完成后得分率", width: 56, align: "right" },
      ],
      plan.cities.map((c) => [
        { text: [{ text: c.name }, { text: `  ${c.cityId}`, style: "small" }] },
        { text: percent(c.ratio) },
        outcomeTag(c.outcome),
        c.steps.length === 0 ? { text: DASH, color: COLORS.faint } : { text: `${count(c.steps.length)} 项` },
        c.steps.length === 0 ? { text: DASH, color: COLORS.faint } : { text: `+${fixed2(totalGain(c))}`, color: COLORS.good },
        {
          text: c.steps.length === 0 ? DASH : percent(c.ratioAfter),
          bold: c.outcome === "reached",
          color: c.steps.length === 0 ? COLORS.faint : COLORS.ink,
        },
      ]),
    ),
    note("整改事项按可提升分值从高到低逐项选取，每选一项后重新计算其余事项的可提升分值（同一点位的扣分有上限，事项之间会相互影响）。"),
  ];
}

function stepWhat(step: PlanStep, city: CityResult | undefined, names: Names): TableCell {
  const standard = city?.standards.find((s) => s.id === step.standardId);
  const standardName = names.standard(step.standardId, standard?.name);
  if (step.checkId !== null) {
    return {
      stack: [
        { text: `消除「${names.check(step.checkId)}」问题` },
        { text: `细则 ${step.checkId} · ${step.standardId} ${standardName}`, style: "small" },
      ],
    };
  }
  const status = standard?.status;
  const action =
    status === "missing" || status === "insufficient"
      ? `补齐证据（当前${STATUS_LABELS[status]}）`
      : standard?.method === "field"
        ? "消除该标准下全部点位问题"
        : "达到满分";
  return {
    stack: [
      { text: [{ text: standardName }, { text: `：${action}`, color: COLORS.muted }] },
      { text: `标准 ${step.standardId}${standard === undefined ? "" : ` · ${methodLabel(standard.method)}`}`, style: "small" },
    ],
  };
}

function stepsTable(plan: CityPlan, city: CityResult | undefined, names: Names, unbreakable: boolean): Content {
  return dataTable(
    [
      { header: "序号", width: 22 },
      { header: "整改事项", width: "*" },
      { header: "可提升", width: 40, align: "right" },
      { header: "完成后得分率", width: 54, align: "right" },
      { header: "责任单位", width: 120 },
    ],
    plan.steps.map((step, i) => [
      { text: String(i + 1), color: COLORS.muted },
      stepWhat(step, city, names),
      { text: `+${fixed2(step.gain)}`, bold: true, color: COLORS.good },
      { text: percent(step.ratioAfter), bold: i === plan.steps.length - 1 },
      { text: enumerate(names.departments(step.responsible)) },
    ]),
    { unbreakable },
  );
}

function departmentsTable(plan: CityPlan, names: Names, unbreakable: boolean): Content {
  const groups = new Map<string, { steps: number[]; gain: number }>();
  plan.steps.forEach((step, i) => {
    for (const id of step.responsible.length === 0 ? [null] : [...new Set(step.responsible)]) {
      const name = id === null ? NO_DEPARTMENT : names.department(id);
      const group = groups.get(name) ?? { steps: [], gain: 0 };
      group.steps.push(i + 1);
      group.gain += step.gain;
      groups.set(name, group);
    }
  });
  const rows = [...groups.entries()].sort((a, b) => b[1].gain - a[1].gain || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return dataTable(
    [
      { header: "责任单位", width: 130 },
      { header: "负责的整改事项（序号）", width: "*" },
      { header: "可提升合计", width: 56, align: "right" },
    ],
    rows.map(([name, g]) => [
      { text: name, bold: true },
      { text: `${g.steps.map((n) => `第 ${n} 项`).join("、")}（${g.steps.length} 项）` },
      { text: `+${fixed2(g.gain)}`, color: COLORS.good, bold: true },
    ]),
    { unbreakable },
  );
}

/** Plans of at most this many steps are kept on one page with their heading. */
const SHORT_PLAN = 14;

/**
 * One block per city: its sentence, and for cities with steps the steps and the departments.
 * Short plans are unbreakable blocks (no heading needs moving: pdfmake lays out the whole
 * document again for every heading it moves); long ones keep their heading with what follows.
 */
export function cityPlans(plan: Plan, cities: ReadonlyMap<string, CityResult>, names: Names, target: string): Content[] {
  const intro = note(
    "每个城市先说明结论，再按顺序列出整改事项（“完成后得分率”为完成该项及之前各项后的得分率），最后按责任单位归集；一项事项由多个单位共同负责时列入每个单位，其可提升分值也计入每个单位。",
    [0, 0, 0, 4],
  );
  return [
    intro,
    ...plan.cities.flatMap((c): Content[] => {
      const city = cities.get(c.cityId);
      const label = OUTCOME_LABELS[c.outcome];
      const short = c.steps.length <= SHORT_PLAN;
      const heading = subheading(
        [
          { text: c.name },
          { text: `  ${c.cityId}  `, style: "small" },
          { text: ` ${label.text} `, color: COLORS.white, background: label.color, fontSize: 8 },
        ],
        { kept: short },
      );
      const sentence: Content = {
        text: [{ text: "结论：", bold: true, color: COLORS.primary }, outcomeSentence(c, city, target)],
        margin: [0, 0, 0, 6],
      };
      if (c.steps.length === 0) return [{ stack: [heading, sentence], unbreakable: true }];
      const steps = stepsTable(c, city, names, short);
      const departments: Content[] = [
        { text: "按责任单位", style: "label", bold: true, margin: [0, 8, 0, 3] },
        departmentsTable(c, names, short),
      ];
      if (short)
        return [
          { stack: [heading, sentence, steps], unbreakable: true },
          { stack: departments, unbreakable: true },
        ];
      return [heading, sentence, steps, ...departments];
    }),
  ];
}
