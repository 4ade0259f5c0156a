/**
 * The closed loop across rounds (SPEC section 5): every problem key of two rounds classified
 * as resolved (已销号), unverified (未复查), persisting (未整改) or new (新发现), with the
 * responsible departments and totals per city and per department (责任清单 / 销号清单).
 */
import { ClosureError } from "../errors.js";
import type { CityResult, Results } from "../results/model.js";
import { compareCodePoints, compareNullFirst } from "../order.js";

export const CLOSURE_CLASSES = ["resolved", "unverified", "persisting", "new"] as const;
export type ClosureClass = (typeof CLOSURE_CLASSES)[number];

/** Chinese names of the classes, for reports. */
export const CLOSURE_CLASS_NAMES: Readonly<Record<ClosureClass, string>> = {
  resolved: "已销号",
  unverified: "未复查",
  persisting: "未整改",
  new: "新发现",
};

export interface ClosureItem {
  readonly cityId: string;
  readonly standardId: string;
  readonly checkId: string | null;
  readonly siteId: string | null;
  readonly class: ClosureClass;
  readonly responsible: readonly string[];
  /** The problem as found in each round (null where absent). */
  readonly base: { readonly count: number | null; readonly loss: number } | null;
  readonly current: { readonly count: number | null; readonly loss: number } | null;
}

export type ClosureTotals = Record<ClosureClass, number>;

export interface Closure {
  readonly base: { readonly round: string; readonly ruleset: { readonly id: string; readonly version: string; readonly hash: string } };
  readonly current: { readonly round: string; readonly ruleset: { readonly id: string; readonly version: string; readonly hash: string } };
  /** True when the two results use different versions of the rule set. */
  readonly versionsDiffer: boolean;
  readonly items: readonly ClosureItem[];
  readonly totals: {
    readonly byCity: Readonly<Record<string, ClosureTotals>>;
    readonly byDepartment: Readonly<Record<string, ClosureTotals>>;
    readonly overall: ClosureTotals;
  };
}

export { ClosureError };

const keyOf = (cityId: string, p: { standardId: string; checkId: string | null; siteId: string | null }) =>
  JSON.stringify([cityId, p.standardId, p.checkId, p.siteId]);

const zero = (): ClosureTotals => ({ resolved: 0, unverified: 0, persisting: 0, new: 0 });

function reassessed(city: CityResult | undefined, standardId: string, siteId: string | null): boolean {
  if (city === undefined) return false;
  if (siteId !== null) return city.visitedSites.includes(siteId);
  return city.standards.some((s) => s.id === standardId && s.status === "scored");
}

/** Classifies every problem of `base` and `current`. Throws a `ClosureError` on different rule-set ids. */
export function compareRounds(base: Results, current: Results): Closure {
  if (base.ruleset.id !== current.ruleset.id) {
    throw new ClosureError({
      code: "different_rulesets",
      message: `cannot compare results of rule set ${base.ruleset.id} with results of rule set ${current.ruleset.id}`,
    });
  }
  const responsibleNow = new Map<string, readonly string[]>();
  for (const city of current.cities) for (const s of city.standards) responsibleNow.set(s.id, s.responsible);
  const baseCities = new Map(base.cities.map((c) => [c.cityId, c]));
  const currentCities = new Map(current.cities.map((c) => [c.cityId, c]));

  type Found = {
    cityId: string;
    standardId: string;
    checkId: string | null;
    siteId: string | null;
    count: number | null;
    loss: number;
    responsible: readonly string[];
  };
  const collect = (results: Results) => {
    const found = new Map<string, Found>();
    for (const city of results.cities) {
      for (const p of city.problems) {
        found.set(keyOf(city.cityId, p), {
          cityId: city.cityId,
          standardId: p.standardId,
          checkId: p.checkId,
          siteId: p.siteId,
          count: p.count ?? null,
          loss: p.loss,
          responsible: p.responsible,
        });
      }
    }
    return found;
  };
  const before = collect(base);
  const after = collect(current);

  const items: ClosureItem[] = [];
  for (const [key, p] of before) {
    const now = after.get(key);
    const cls: ClosureClass =
      now !== undefined ? "persisting" : reassessed(currentCities.get(p.cityId), p.standardId, p.siteId) ? "resolved" : "unverified";
    items.push({
      cityId: p.cityId,
      standardId: p.standardId,
      checkId: p.checkId,
      siteId: p.siteId,
      class: cls,
      responsible: responsibleNow.get(p.standardId) ?? p.responsible,
      base: { count: p.count, loss: p.loss },
      current: now === undefined ? null : { count: now.count, loss: now.loss },
    });
  }
  for (const [key, p] of after) {
    if (before.has(key)) continue;
    items.push({
      cityId: p.cityId,
      standardId: p.standardId,
      checkId: p.checkId,
      siteId: p.siteId,
      class: "new",
      responsible: responsibleNow.get(p.standardId) ?? p.responsible,
      base: null,
      current: { count: p.count, loss: p.loss },
    });
  }
  items.sort(
    (a, b) =>
      compareNullFirst(a.cityId, b.cityId) ||
      compareNullFirst(a.standardId, b.standardId) ||
      compareNullFirst(a.checkId, b.checkId) ||
      compareNullFirst(a.siteId, b.siteId),
  );

  const byCity: Record<string, ClosureTotals> = Object.create(null);
  const byDepartment: Record<string, ClosureTotals> = Object.create(null);
  const overall = zero();
  for (const cityId of [...new Set([...baseCities.keys(), ...currentCities.keys()])].sort(compareCodePoints)) byCity[cityId] = zero();
  for (const item of items) {
    (byCity[item.cityId] ??= zero())[item.class]++;
    overall[item.class]++;
    for (const department of new Set(item.responsible)) (byDepartment[department] ??= zero())[item.class]++;
  }
  const sortedDepartments: Record<string, ClosureTotals> = {};
  for (const id of Object.keys(byDepartment).sort(compareCodePoints)) sortedDepartments[id] = byDepartment[id] ?? zero();

  return {
    base: { round: base.round, ruleset: { id: base.ruleset.id, version: base.ruleset.version, hash: base.ruleset.hash } },
    current: { round: current.round, ruleset: { id: current.ruleset.id, version: current.ruleset.version, hash: current.ruleset.hash } },
    versionsDiffer: base.ruleset.version !== current.ruleset.version,
    items,
    totals: { byCity: { ...byCity }, byDepartment: sortedDepartments, overall },
  };
}
