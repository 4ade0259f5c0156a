/**
 * What the closure report is built from — the closure of two rounds and both rounds' results
 * (for names) — and the lookups derived from it: city names, the type of each site, the
 * departments in rule-set order and the items each department answers for.
 */
import type { Closure, ClosureItem, Results, Names } from "@civitas/core";
import type { DocumentDate } from "../document-date.js";

/** The department key of items without responsible departments. */
export const UNASSIGNED = "\u0000unassigned";

/** Everything the closure report is built from. */
export interface ClosureInput {
  readonly closure: Closure;
  readonly base: Results;
  readonly current: Results;
  readonly names: Names;
  readonly date: DocumentDate;
}

/** Lookups over a closure input. */
export interface ClosureIndex {
  /** City names (the current round's, else the base round's), by id. */
  readonly cityName: (cityId: string) => string;
  /** The site type id of a site, when a round's evidence names it. */
  readonly siteType: (siteId: string) => string | undefined;
  /** Departments with items, in the rule set's order (then by id), `UNASSIGNED` last. */
  readonly departments: readonly string[];
  /** The items of each department (an item with several departments is in each). */
  readonly itemsOf: (department: string) => readonly ClosureItem[];
  /** The department's name. */
  readonly departmentName: (department: string) => string;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the lookups. */
export function indexClosure(input: ClosureInput): ClosureIndex {
  const { closure, base, current, names } = input;
  const cityNames = new Map<string, string>();
  const siteTypes = new Map<string, string>();
  for (const results of [base, current]) {
    for (const city of results.cities) {
      cityNames.set(city.cityId, city.name);
      for (const standard of city.standards) {
        if (standard.evidence?.method !== "field") continue;
        for (const site of standard.evidence.sites) siteTypes.set(site.siteId, site.siteType);
      }
    }
  }
  const items = new Map<string, ClosureItem[]>();
  for (const item of closure.items) {
    const departments = item.responsible.length === 0 ? [UNASSIGNED] : [...new Set(item.responsible)];
    for (const department of departments) {
      const list = items.get(department) ?? [];
      list.push(item);
      items.set(department, list);
    }
  }
  const declared = [...current.ruleset.departments, ...base.ruleset.departments].map((d) => d.id);
  const order = new Map<string, number>();
  for (const id of declared) if (!order.has(id)) order.set(id, order.size);
  const departments = [...items.keys()].sort((a, b) => {
    if (a === UNASSIGNED || b === UNASSIGNED) return a === b ? 0 : a === UNASSIGNED ? 1 : -1;
    const oa = order.get(a);
    const ob = order.get(b);
    if (oa !== undefined && ob !== undefined) return oa - ob;
    if (oa !== undefined || ob !== undefined) return oa !== undefined ? -1 : 1;
    return byCodePoint(a, b);
  });
  return {
    cityName: (cityId) => cityNames.get(cityId) ?? cityId,
    siteType: (siteId) => siteTypes.get(siteId),
    departments,
    itemsOf: (department) => items.get(department) ?? [],
    departmentName: (department) => (department === UNASSIGNED ? "未指定责任单位" : names.department(department)),
  };
}
