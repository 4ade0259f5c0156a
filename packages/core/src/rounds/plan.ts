/**
 * Rectification plans (整改计划): for each city, the improvement items that together reach a
 * target ratio or grade, largest gain first, with gains recomputed after each item is taken —
 * checks of one field standard interact through the per-site and per-standard caps.
 */
import { PlanError } from "../errors.js";
import type { CityResult, Results, StandardResult } from "../results/model.js";
import { compareNullFirst } from "../order.js";
import { POINTS_TOLERANCE, RATIO_TOLERANCE } from "../scoring/rounding.js";

export interface PlanStep {
  readonly standardId: string;
  readonly checkId: string | null;
  /** Points gained by this step, given the steps before it. */
  readonly gain: number;
  /** The city's ratio once this step is done. */
  readonly ratioAfter: number;
  readonly responsible: readonly string[];
}

export type PlanOutcome = "reached" | "alreadyMet" | "vetoed" | "notEnoughPoints" | "noRatio";

export interface CityPlan {
  readonly cityId: string;
  readonly name: string;
  readonly ratio: number | null;
  readonly target: number;
  readonly outcome: PlanOutcome;
  /** Plain explanation of the outcome. */
  readonly message: string;
  readonly steps: readonly PlanStep[];
  /** The ratio once every step is done. */
  readonly ratioAfter: number | null;
  /** Steps per responsible department (indexes into `steps`). */
  readonly byDepartment: Readonly<Record<string, readonly number[]>>;
}

export interface Plan {
  readonly round: string;
  readonly target: { readonly ratio: number; readonly grade: string | null };
  readonly cities: readonly CityPlan[];
}

/** A field standard's state: per site, the loss of each remaining check. */
interface FieldState {
  readonly points: number;
  readonly cap: number;
  /** The sites with problems: check id → loss. */
  readonly sites: Array<Map<string, number>>;
  /** Every visited site (the mean is over all of them). */
  readonly siteCount: number;
}

interface StandardState {
  readonly result: StandardResult;
  score: number;
  readonly field: FieldState | null;
}

function fieldScore(state: FieldState): number {
  if (state.siteCount === 0) return 0;
  let total = 0;
  for (const site of state.sites) {
    let raw = 0;
    for (const loss of site.values()) raw += loss;
    total += Math.min(raw, state.cap);
  }
  return state.points - total / state.siteCount;
}

function stateOf(result: StandardResult): StandardState {
  const evidence = result.evidence;
  const field =
    evidence?.method === "field" && result.status === "scored"
      ? {
          points: result.points,
          cap: evidence.capPerSite,
          sites: evidence.sites.map((s) => new Map(s.problems.map((p) => [p.checkId, p.loss]))),
          siteCount: evidence.siteCount,
        }
      : null;
  return { result, score: result.score, field };
}

interface Candidate {
  readonly state: StandardState;
  readonly checkId: string | null;
  readonly gain: number;
  readonly apply: () => void;
}

/** Fixing every problem of a scored field standard at once. */
function wholeFieldStandard(state: StandardState, field: FieldState): Candidate {
  return {
    state,
    checkId: null,
    gain: state.result.max - state.score,
    apply: () => {
      for (const site of field.sites) site.clear();
      state.score = state.result.max;
    },
  };
}

/**
 * What can be done next: for a scored field standard, removing one check's problems (the
 * concrete rectification, whose gain depends on the checks already removed) — or, when no
 * single check gains anything because every site stays at its cap unless several checks are
 * fixed together, the standard as a whole; for any other standard below its max, the
 * standard as a whole.
 */
function candidates(states: readonly StandardState[]): Candidate[] {
  const found: Candidate[] = [];
  for (const state of states) {
    const field = state.field;
    if (field === null) {
      const gain = state.result.max - state.score;
      if (gain > POINTS_TOLERANCE) found.push({ state, checkId: null, gain, apply: () => (state.score = state.result.max) });
      continue;
    }
    const before = found.length;
    const checks = new Set(field.sites.flatMap((s) => [...s.keys()]));
    for (const checkId of checks) {
      const without = { ...field, sites: field.sites.map((s) => new Map([...s].filter(([id]) => id !== checkId))) };
      const gain = fieldScore(without) - state.score;
      if (gain <= POINTS_TOLERANCE) continue;
      found.push({
        state,
        checkId,
        gain,
        apply: () => {
          for (const site of field.sites) site.delete(checkId);
          state.score = fieldScore(field);
        },
      });
    }
    if (found.length === before && state.result.max - state.score > POINTS_TOLERANCE) found.push(wholeFieldStandard(state, field));
  }
  return found;
}

function planCity(city: CityResult, target: number): CityPlan {
  const base = { cityId: city.cityId, name: city.name, ratio: city.ratio, target };
  if (city.status === "vetoed") {
    return {
      ...base,
      outcome: "vetoed",
      message: "一票否决: a veto holds, no improvement can reach the target",
      steps: [],
      ratioAfter: city.ratio,
      byDepartment: {},
    };
  }
  if (city.ratio === null || city.max === 0) {
    return {
      ...base,
      outcome: "noRatio",
      message: "no standard counts for this city (max is 0)",
      steps: [],
      ratioAfter: null,
      byDepartment: {},
    };
  }
  if (city.ratio >= target - RATIO_TOLERANCE) {
    return { ...base, outcome: "alreadyMet", message: "the target is already met", steps: [], ratioAfter: city.ratio, byDepartment: {} };
  }
  const states = city.standards.map(stateOf);
  const ratioNow = () => Math.max(0, states.reduce((acc, s) => acc + s.score, 0) - city.penaltyPoints) / city.max;
  const steps: PlanStep[] = [];
  let ratio = ratioNow();
  while (ratio < target - RATIO_TOLERANCE) {
    const best = candidates(states).sort(
      (a, b) =>
        (Math.abs(a.gain - b.gain) > POINTS_TOLERANCE ? b.gain - a.gain : 0) ||
        compareNullFirst(a.state.result.id, b.state.result.id) ||
        compareNullFirst(a.checkId, b.checkId),
    )[0];
    if (best === undefined) break;
    best.apply();
    ratio = ratioNow();
    steps.push({
      standardId: best.state.result.id,
      checkId: best.checkId,
      gain: best.gain,
      ratioAfter: ratio,
      responsible: best.state.result.responsible,
    });
  }
  const byDepartment: Record<string, number[]> = {};
  steps.forEach((step, i) => {
    for (const department of step.responsible) (byDepartment[department] ??= []).push(i);
  });
  const reached = ratio >= target - RATIO_TOLERANCE;
  return {
    ...base,
    outcome: reached ? "reached" : "notEnoughPoints",
    message: reached
      ? `${steps.length} item(s) reach the target`
      : `not enough points left: fixing everything gives ${(ratio * 100).toFixed(2)}%, below the target ${(target * 100).toFixed(2)}%`,
    steps,
    ratioAfter: ratio,
    byDepartment,
  };
}

/**
 * Plans every city of `results` towards `target`: a ratio in [0, 1] or a grade id of the
 * rule set. Throws a `PlanError` on an unknown grade or a ratio outside [0, 1].
 */
export function planImprovements(results: Results, target: number | string): Plan {
  let ratio: number;
  let grade: string | null = null;
  if (typeof target === "number") {
    if (!(target >= 0 && target <= 1))
      throw new PlanError({ code: "target_out_of_range", message: `target ratio ${target} is not between 0 and 1`, field: "target" });
    ratio = target;
  } else {
    const found = results.ruleset.grades.find((g) => g.id === target || g.name === target);
    if (found === undefined)
      throw new PlanError({
        code: "unknown_grade",
        message: `unknown grade ${JSON.stringify(target)}; grades: ${results.ruleset.grades.map((g) => g.id).join(", ")}`,
        field: "target",
      });
    ratio = found.minRatio;
    grade = found.id;
  }
  return { round: results.round, target: { ratio, grade }, cities: results.cities.map((city) => planCity(city, ratio)) };
}
