/**
 * Conditions: the json-rules-engine condition objects a rule set may use (for `appliesTo`
 * and adjustments), restricted to the operators the spec lists. Checked by hand rather than
 * by a zod union so that every fault is reported at its exact path.
 */
import { z } from "zod";

/** The operators a condition may use; anything else is a validation error. */
export const CONDITION_OPERATORS = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
] as const;

export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** A leaf: compares one fact with a value. */
export interface LeafCondition {
  readonly fact: string;
  readonly operator: ConditionOperator;
  readonly value: unknown;
  readonly path?: string;
}

/** A condition tree: `all`, `any`, `not`, or a leaf. */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | LeafCondition;

interface ConditionFault {
  readonly path: (string | number)[];
  readonly message: string;
}

const LEAF_KEYS = new Set(["fact", "operator", "value", "path"]);
const operatorList = CONDITION_OPERATORS.join(", ");

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isScalar = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** A leaf's value fits its operator: a list for in/notIn, else a string, number or boolean. */
function valueFaults(operator: unknown, value: unknown, path: (string | number)[]): ConditionFault[] {
  if (operator === "in" || operator === "notIn") {
    if (!Array.isArray(value)) return [{ path, message: `${operator} needs a list of values, e.g. [a, b]` }];
    return value.flatMap((v, i) =>
      isScalar(v) ? [] : [{ path: [...path, i], message: "a value in the list must be a string or a number" }],
    );
  }
  if (!isScalar(value)) return [{ path, message: `the value of ${String(operator)} must be a string, a number or a boolean` }];
  return [];
}

/** Every fault of a condition tree, each with its path below the condition. */
export function conditionFaults(value: unknown, path: (string | number)[] = []): ConditionFault[] {
  if (!isRecord(value)) {
    return [{ path, message: "a condition must be an object with all, any, not, or fact/operator/value" }];
  }
  const keys = Object.keys(value);
  for (const group of ["all", "any"] as const) {
    if (Object.hasOwn(value, group)) {
      const extra = keys.filter((k) => k !== group);
      const faults: ConditionFault[] = extra.map((k) => ({
        path: [...path, k],
        message: `unknown key ${JSON.stringify(k)} beside "${group}"`,
      }));
      const items = value[group];
      if (!Array.isArray(items)) return [...faults, { path: [...path, group], message: `"${group}" must be a list of conditions` }];
      return [...faults, ...items.flatMap((item, i) => conditionFaults(item, [...path, group, i]))];
    }
  }
  if (Object.hasOwn(value, "not")) {
    const extra = keys.filter((k) => k !== "not");
    return [
      ...extra.map((k) => ({ path: [...path, k], message: `unknown key ${JSON.stringify(k)} beside "not"` })),
      ...conditionFaults(value.not, [...path, "not"]),
    ];
  }
  const faults: ConditionFault[] = [];
  for (const k of keys) {
    if (!LEAF_KEYS.has(k)) faults.push({ path: [...path, k], message: `unknown key ${JSON.stringify(k)} in a condition` });
  }
  if (typeof value.fact !== "string" || value.fact.trim() === "") {
    faults.push({ path: [...path, "fact"], message: "a condition needs a fact name" });
  }
  if (typeof value.operator !== "string") {
    faults.push({ path: [...path, "operator"], message: `a condition needs an operator (${operatorList})` });
  } else if (!(CONDITION_OPERATORS as readonly string[]).includes(value.operator)) {
    faults.push({
      path: [...path, "operator"],
      message: `unknown operator ${JSON.stringify(value.operator)}; allowed: ${operatorList}`,
    });
  }
  if (!Object.hasOwn(value, "value")) faults.push({ path: [...path, "value"], message: "a condition needs a value" });
  else if ((CONDITION_OPERATORS as readonly unknown[]).includes(value.operator))
    faults.push(...valueFaults(value.operator, value.value, [...path, "value"]));
  if (Object.hasOwn(value, "path") && typeof value.path !== "string") {
    faults.push({ path: [...path, "path"], message: "path must be a string" });
  }
  return faults;
}

/** Zod schema of a condition; reports each fault at its own path. */
export const ConditionSchema = z.unknown().superRefine((value, ctx) => {
  for (const fault of conditionFaults(value)) {
    ctx.addIssue({ code: "custom", message: fault.message, path: fault.path, params: { civitas: "bad_condition" } });
  }
}) as unknown as z.ZodType<Condition, unknown>;

/** Every fact named by a leaf of the condition, in order of appearance. */
export function factsOf(condition: Condition): string[] {
  const found: string[] = [];
  const walk = (c: Condition): void => {
    if ("all" in c) c.all.forEach(walk);
    else if ("any" in c) c.any.forEach(walk);
    else if ("not" in c) walk(c.not);
    else if (!found.includes(c.fact)) found.push(c.fact);
  };
  walk(condition);
  return found;
}
