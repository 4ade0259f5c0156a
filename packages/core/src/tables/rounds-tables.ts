/**
 * The tables of the commands across rounds (SPEC section 5): closure.csv (销号清单, every
 * problem key of two rounds with its class), composite.csv (综合得分, every city's composite
 * ratio and dynamic-management flag, with one ratio column per round) and plan.csv (整改计划,
 * one row per step of a city's plan, or one row for a city without steps). Names of cities,
 * standards, checks and departments come from a `Names` (rule set first, then the results).
 */
import type { Names } from "../names.js";
import { CLOSURE_CLASS_NAMES, type Closure, type ClosureItem } from "../rounds/closure.js";
import type { Composite, CompositeCity } from "../rounds/composite.js";
import type { CityPlan, Plan, PlanStep } from "../rounds/plan.js";
import { column, type TableDefinition } from "./table.js";

/** A closure with the names its table shows. */
export interface NamedClosure {
  readonly closure: Closure;
  readonly names: Names;
}

/** A plan with the names its table shows. */
export interface NamedPlan {
  readonly plan: Plan;
  readonly names: Names;
}

/** A row of closure.csv: one item, with its closure and names. */
export interface ClosureRow extends NamedClosure {
  readonly item: ClosureItem;
}

/** A row of plan.csv: a step of a city's plan (its number from 1), or the city alone (no step). */
export interface PlanRow {
  readonly city: CityPlan;
  readonly step: PlanStep | null;
  readonly number: number | null;
  readonly names: Names;
}

const checkName = (names: Names, checkId: string | null) => (checkId === null ? null : names.check(checkId));

/** closure.csv (销号清单): every problem key of both rounds, its class and since which round. */
export const CLOSURE_TABLE: TableDefinition<NamedClosure, ClosureRow> = {
  name: "closure",
  title: "销号清单",
  columns: [
    column("city_id", "城市代码", "id", (r) => r.item.cityId),
    column("city_name", "城市名称", "text", (r) => r.names.city(r.item.cityId)),
    column("standard_id", "标准编号", "id", (r) => r.item.standardId),
    column("standard_name", "标准名称", "text", (r) => r.names.standard(r.item.standardId)),
    column("check_id", "问题代码", "id", (r) => r.item.checkId),
    column("check_name", "问题描述", "text", (r) => checkName(r.names, r.item.checkId)),
    column("site_id", "点位编号", "id", (r) => r.item.siteId),
    column("class", "销号状态代码", "code", (r) => r.item.class),
    column("class_name", "销号状态", "text", (r) => CLOSURE_CLASS_NAMES[r.item.class]),
    column("responsible", "责任单位代码", "list", (r) => r.item.responsible),
    column("responsible_names", "责任单位", "list", (r) => r.names.departments(r.item.responsible)),
    // a new problem is found in the current round; every other one was there in the base round
    column("since_round", "发现轮次", "id", (r) => (r.item.class === "new" ? r.closure.current.round : r.closure.base.round)),
    column("base_count", "上轮问题数量", "integer", (r) => r.item.base?.count ?? null),
    column("base_loss", "上轮扣分", "number", (r) => r.item.base?.loss ?? null),
    column("current_count", "本轮问题数量", "integer", (r) => r.item.current?.count ?? null),
    column("current_loss", "本轮扣分", "number", (r) => r.item.current?.loss ?? null),
  ],
  rows: (source) => source.closure.items.map((item) => ({ ...source, item })),
};

/** composite.csv (综合得分): one row per city, with its ratio in each round. */
export const COMPOSITE_TABLE: TableDefinition<Composite, CompositeCity> = {
  name: "composite",
  title: "综合得分",
  columns: [
    column("city_id", "城市代码", "id", (c) => c.cityId),
    column("name", "城市名称", "text", (c) => c.name),
    column("peer_group", "组别", "text", (c) => c.peerGroup),
    column("composite_ratio", "综合得分率", "ratio", (c) => c.ratio),
    column("status", "状态", "code", (c) => c.status),
    column("titled", "已获称号", "integer", (c) => (c.titled ? 1 : 0)),
    column("dynamic", "动态管理", "code", (c) => c.dynamic),
  ],
  // every city lists every round, in the composite's order
  columnsOf: (composite) =>
    composite.rounds.map(({ round }, i) =>
      column<CompositeCity>(`ratio_${round}`, `${round} 得分率`, "ratio", (c) => c.rounds[i]?.ratio ?? null),
    ),
  rows: (composite) => composite.cities,
};

/** plan.csv (整改计划): one row per step of each city's plan; a city without steps has one row. */
export const PLAN_TABLE: TableDefinition<NamedPlan, PlanRow> = {
  name: "plan",
  title: "整改计划",
  columns: [
    column("city_id", "城市代码", "id", (r) => r.city.cityId),
    column("name", "城市名称", "text", (r) => r.city.name),
    column("outcome", "结果", "code", (r) => r.city.outcome),
    column("ratio", "得分率", "ratio", (r) => r.city.ratio),
    column("target", "目标得分率", "ratio", (r) => r.city.target),
    column("step", "步骤", "integer", (r) => r.number),
    column("standard_id", "标准编号", "id", (r) => r.step?.standardId ?? null),
    column("standard_name", "标准名称", "text", (r) => (r.step === null ? null : r.names.standard(r.step.standardId))),
    column("check_id", "问题代码", "id", (r) => r.step?.checkId ?? null),
    column("check_name", "问题描述", "text", (r) => checkName(r.names, r.step?.checkId ?? null)),
    column("gain", "可增得分", "number", (r) => r.step?.gain ?? null),
    // after this step; for a city without steps, after its plan (its ratio as it is, or none)
    column("ratio_after", "整改后得分率", "ratio", (r) => (r.step === null ? r.city.ratioAfter : r.step.ratioAfter)),
    column("responsible", "责任单位代码", "list", (r) => r.step?.responsible ?? null),
    column("responsible_names", "责任单位", "list", (r) => (r.step === null ? null : r.names.departments(r.step.responsible))),
  ],
  *rows({ plan, names }) {
    for (const city of plan.cities) {
      if (city.steps.length === 0) yield { city, step: null, number: null, names };
      else for (const [i, step] of city.steps.entries()) yield { city, step, number: i + 1, names };
    }
  },
};
