/**
 * The validated, resolved rule set the engine scores with, and the lookups scoring needs
 * (which standard a check belongs to, which questions are asked, …), built once.
 */
import type { Adjustment, BaseRulesetData, Category, Check, Content, FieldStandard, Grade, Named, Standard } from "./schema.js";

/** A standard together with where it sits in the hierarchy. */
export interface PlacedStandard {
  readonly standard: Standard;
  readonly category: Category;
  readonly content: Content;
}

/** A validated and resolved rule set, ready to score with. */
export interface Ruleset {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | undefined;
  /** `sha256:` + hex SHA-256 of the canonical JSON of the resolved rule set. */
  readonly hash: string;
  /** The chain of rule sets this one was resolved from, base first (`id@version`). */
  readonly lineage: readonly string[];
  readonly scale: number | undefined;
  readonly missingEvidence: "zero" | "exclude";
  readonly dynamic: { readonly warningBelow: number; readonly removalBelow: number } | undefined;
  readonly grades: readonly Grade[];
  readonly departments: readonly Named[];
  readonly siteTypes: readonly Named[];
  readonly categories: readonly Category[];
  readonly adjustments: readonly Adjustment[];
  /** The resolved rule set as data (what the hash is computed over). */
  readonly resolved: unknown;
  /** Lookups derived from the above. */
  readonly index: RulesetIndex;
}

/** Lookups by id, derived from a rule set. */
export interface RulesetIndex {
  readonly standards: readonly PlacedStandard[];
  readonly standardById: ReadonlyMap<string, PlacedStandard>;
  readonly checkById: ReadonlyMap<string, { readonly check: Check; readonly standard: FieldStandard }>;
  readonly surveyQuestions: ReadonlySet<string>;
  readonly siteTypeIds: ReadonlySet<string>;
  readonly departmentNames: ReadonlyMap<string, string>;
  /** The adjustments (vetoes and penalties) by id. */
  readonly adjustmentById: ReadonlyMap<string, Adjustment>;
}

function buildIndex(
  categories: readonly Category[],
  departments: readonly Named[],
  siteTypes: readonly Named[],
  adjustments: readonly Adjustment[],
): RulesetIndex {
  const standards: PlacedStandard[] = [];
  const checkById = new Map<string, { check: Check; standard: FieldStandard }>();
  const surveyQuestions = new Set<string>();
  for (const category of categories) {
    for (const content of category.contents) {
      for (const standard of content.standards) {
        standards.push({ standard, category, content });
        if (standard.method === "field") for (const check of standard.checks) checkById.set(check.id, { check, standard });
        if (standard.method === "survey") surveyQuestions.add(standard.question);
      }
    }
  }
  return {
    standards,
    standardById: new Map(standards.map((p) => [p.standard.id, p])),
    checkById,
    surveyQuestions,
    siteTypeIds: new Set(siteTypes.map((s) => s.id)),
    departmentNames: new Map(departments.map((d) => [d.id, d.name])),
    adjustmentById: new Map(adjustments.map((a) => [a.id, a])),
  };
}

/** Builds the engine's rule set from validated data. */
export function buildRuleset(data: BaseRulesetData, resolved: unknown, hash: string, lineage: readonly string[]): Ruleset {
  const departments = data.departments ?? [];
  const siteTypes = data.siteTypes ?? [];
  return {
    id: data.id,
    version: data.version,
    title: data.title,
    effectiveFrom: data.effectiveFrom,
    effectiveTo: data.effectiveTo,
    hash,
    lineage,
    scale: data.scale,
    missingEvidence: data.missingEvidence ?? "zero",
    dynamic: data.dynamic,
    grades: data.grades ?? [],
    departments,
    siteTypes,
    categories: data.categories,
    adjustments: data.adjustments ?? [],
    resolved,
    index: buildIndex(data.categories, departments, siteTypes, data.adjustments ?? []),
  };
}
