/**
 * Conditions on city facts, evaluated with json-rules-engine: one engine holds every
 * adjustment and every `appliesTo` as a rule, and runs once per city on that city's
 * aggregated facts. A leaf naming a fact the city lacks is false (before any `not` above it)
 * and is reported as a warning; the engine's own operators are replaced so that no operator
 * treats an absent fact as a match.
 */
import { Engine, type RuleProperties, type TopLevelCondition } from "json-rules-engine";
import type { Condition } from "../ruleset/conditions.js";
import type { Ruleset } from "../ruleset/model.js";
import type { ConditionOutcome, LeafTrace } from "../results/model.js";

/** The facts a city's conditions see: its attributes and its facts for the round. */
export type CityFacts = ReadonlyMap<string, string | number>;

type Operand = unknown;
const isNumeric = (v: Operand): boolean =>
  typeof v === "number" ? Number.isFinite(v) : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v));
const numeric = (compare: (a: number, b: number) => boolean) => (a: Operand, b: Operand) =>
  isNumeric(a) && isNumeric(b) && compare(Number(a), Number(b));
const contains = (a: Operand, b: Operand): boolean =>
  Array.isArray(a) ? a.includes(b) : typeof a === "string" && typeof b === "string" && a.includes(b);
const present = (a: Operand) => a !== undefined && a !== null;

/** The spec's operators, with an absent fact making every one of them false. */
const OPERATORS: Record<string, (a: Operand, b: Operand) => boolean> = {
  equal: (a, b) => present(a) && a === b,
  notEqual: (a, b) => present(a) && a !== b,
  lessThan: numeric((a, b) => a < b),
  lessThanInclusive: numeric((a, b) => a <= b),
  greaterThan: numeric((a, b) => a > b),
  greaterThanInclusive: numeric((a, b) => a >= b),
  in: (a, b) => present(a) && Array.isArray(b) && b.includes(a),
  notIn: (a, b) => present(a) && Array.isArray(b) && !b.includes(a),
  contains: (a, b) => present(a) && contains(a, b),
  doesNotContain: (a, b) => present(a) && !contains(a, b),
};

function topLevel(condition: Condition): TopLevelCondition {
  return (
    "all" in condition || "any" in condition || "not" in condition ? structuredClone(condition) : { all: [structuredClone(condition)] }
  ) as TopLevelCondition;
}

function leavesOf(node: unknown, out: LeafTrace[]): void {
  if (typeof node !== "object" || node === null) return;
  const n = node as Record<string, unknown>;
  for (const group of ["all", "any"]) if (Array.isArray(n[group])) for (const c of n[group] as unknown[]) leavesOf(c, out);
  if (n.not !== undefined) leavesOf(n.not, out);
  if (typeof n.fact === "string") {
    out.push({
      fact: n.fact,
      operator: String(n.operator),
      value: n.value,
      factValue: n.factResult ?? null,
      held: n.result === true,
    });
  }
}

/** Evaluates every condition of a rule set for one city at a time. */
export class ConditionEvaluator {
  readonly #engine: Engine;
  readonly #names: readonly string[];

  /** `conditions` maps a name (e.g. `adjustment:V01`, `appliesTo:S1.1.1`) to its condition. */
  constructor(conditions: ReadonlyMap<string, Condition>) {
    this.#engine = new Engine([], { allowUndefinedFacts: true });
    for (const [name, fn] of Object.entries(OPERATORS)) this.#engine.addOperator(name, fn);
    for (const [name, condition] of conditions) {
      const rule: RuleProperties = { name, conditions: topLevel(condition), event: { type: name } };
      this.#engine.addRule(rule);
    }
    this.#names = [...conditions.keys()];
  }

  /** The conditions of a rule set: its adjustments and its standards' `appliesTo`. */
  static forRuleset(ruleset: Ruleset): ConditionEvaluator {
    const conditions = new Map<string, Condition>();
    for (const adjustment of ruleset.adjustments) conditions.set(adjustmentKey(adjustment.id), adjustment.conditions);
    for (const { standard } of ruleset.index.standards) {
      if (standard.appliesTo !== undefined) conditions.set(appliesToKey(standard.id), standard.appliesTo);
    }
    return new ConditionEvaluator(conditions);
  }

  /** One engine run for one city: the outcome of every condition. */
  async evaluate(facts: CityFacts): Promise<ReadonlyMap<string, ConditionOutcome>> {
    const outcomes = new Map<string, ConditionOutcome>();
    if (this.#names.length === 0) return outcomes;
    const runtime: Record<string, unknown> = Object.create(null);
    for (const [name, value] of facts) runtime[name] = value;
    const run = await this.#engine.run(runtime);
    for (const result of [...run.results, ...run.failureResults]) {
      const leaves: LeafTrace[] = [];
      const conditions = (result.conditions as unknown as { toJSON(stringify: boolean): unknown }).toJSON(false);
      leavesOf(conditions, leaves);
      const missingFacts = [...new Set(leaves.filter((l) => !facts.has(l.fact)).map((l) => l.fact))];
      outcomes.set(String(result.name), { held: result.result === true, leaves, missingFacts });
    }
    return outcomes;
  }
}

export const adjustmentKey = (id: string) => `adjustment:${id}`;
export const appliesToKey = (id: string) => `appliesTo:${id}`;
