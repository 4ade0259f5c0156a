/**
 * The rule-set format (SPEC section 1) as zod schemas. Unknown keys are errors: a typo must
 * never be silently ignored. Cross-references, uniqueness and the scale are checked in
 * `cross-check.ts`, which sees the whole file.
 */
import { z } from "zod";
import { ConditionSchema } from "./conditions.js";
import { RULESET_REFERENCE } from "./pick-ruleset.js";
import { isIsoDate } from "./versions.js";

const Text = z.string().trim().min(1, "must not be empty");
export const Id = z
  .string()
  .min(1, { message: "must not be empty", abort: true })
  .regex(/^[^\s]+$/, "an id must not contain spaces");
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be an ISO date (YYYY-MM-DD)", abort: true })
  .refine(isIsoDate, "not a real date");
const Semver = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, "must be a semantic version such as 2021.1.0");
const Ratio = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
const Positive = z.number().positive("must be greater than 0");
const MissingEvidence = z.enum(["zero", "exclude"]);
const AnswerCode = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

/**
 * `when` of a check between two numbers: run it whenever both are finite numbers, even if other
 * fields of the object failed, so that every problem is listed at once.
 */
const numbersGiven =
  (...keys: string[]) =>
  (payload: { value: unknown }): boolean =>
    typeof payload.value === "object" &&
    payload.value !== null &&
    keys.every((k) => Number.isFinite((payload.value as Record<string, unknown>)[k]));

const common = {
  id: Id,
  name: Text,
  points: Positive,
  responsible: z.array(Id).default([]),
  missingEvidence: MissingEvidence.optional(),
  appliesTo: ConditionSchema.optional(),
  description: z.string().optional(),
  source: z.string().optional(),
};

export const CheckSchema = z.strictObject({
  id: Id,
  name: Text,
  deduction: Positive,
  description: z.string().optional(),
});

export const FieldStandardSchema = z.strictObject({
  ...common,
  method: z.literal("field"),
  siteTypes: z.array(Id).min(1, "a field standard needs at least one site type"),
  checks: z.array(CheckSchema).min(1, "a field standard needs at least one check"),
  maxPerSite: Positive.optional(),
  minSites: z.number().int().min(1).default(1),
});

export const SurveyStandardSchema = z
  .strictObject({
    ...common,
    method: z.literal("survey"),
    question: Id,
    positive: z.array(AnswerCode).min(1, "at least one positive answer code"),
    floor: Ratio,
    target: Ratio,
    minResponses: z.number().int().min(1).default(1),
  })
  .refine((s) => s.floor < s.target, { message: "floor must be below target", path: ["floor"], when: numbersGiven("floor", "target") });

export const DocumentStandardSchema = z.strictObject({
  ...common,
  method: z.literal("document"),
  levels: z
    .strictObject({ met: Ratio.optional(), partial: Ratio.optional(), unmet: Ratio.optional() })
    .optional()
    .transform((l) => ({ met: l?.met ?? 1, partial: l?.partial ?? 0.5, unmet: l?.unmet ?? 0 })),
});

export const DataStandardSchema = z
  .strictObject({
    ...common,
    method: z.literal("data"),
    fact: Id,
    floor: z.number(),
    target: z.number(),
  })
  .refine((s) => s.floor !== s.target, {
    message: "floor must differ from target",
    path: ["target"],
    when: numbersGiven("floor", "target"),
  });

export const METHODS = ["field", "survey", "document", "data"] as const;

export const StandardSchema = z.discriminatedUnion(
  "method",
  [FieldStandardSchema, SurveyStandardSchema, DocumentStandardSchema, DataStandardSchema],
  { error: (issue) => (issue.code === "invalid_union" ? `method must be one of ${METHODS.join(", ")}` : undefined) },
);

/**
 * A standard whose method is missing or unknown, checked with every method's fields allowed,
 * so that its other faults (points, unknown keys, conditions) are listed too.
 */
export const AnyMethodStandardSchema = z.strictObject({
  ...common,
  method: z.unknown().optional(),
  siteTypes: z.array(Id).optional(),
  checks: z.array(CheckSchema).optional(),
  maxPerSite: Positive.optional(),
  minSites: z.number().int().min(1).optional(),
  question: Id.optional(),
  positive: z.array(AnswerCode).optional(),
  floor: z.number().optional(),
  target: z.number().optional(),
  minResponses: z.number().int().min(1).optional(),
  levels: z.strictObject({ met: Ratio.optional(), partial: Ratio.optional(), unmet: Ratio.optional() }).optional(),
  fact: Id.optional(),
});

export const ContentSchema = z.strictObject({
  id: Id,
  name: Text,
  standards: z.array(StandardSchema),
  description: z.string().optional(),
});

export const CategorySchema = z.strictObject({
  id: Id,
  name: Text,
  contents: z.array(ContentSchema),
  description: z.string().optional(),
});

export const GradeSchema = z.strictObject({ id: Id, name: Text, minRatio: Ratio });
export const NamedSchema = z.strictObject({ id: Id, name: Text });

export const VetoSchema = z.strictObject({
  id: Id,
  kind: z.literal("veto"),
  name: Text,
  conditions: ConditionSchema,
  description: z.string().optional(),
});
export const PenaltySchema = z.strictObject({
  id: Id,
  kind: z.literal("penalty"),
  name: Text,
  points: Positive,
  conditions: ConditionSchema,
  description: z.string().optional(),
});
export const AdjustmentSchema = z.discriminatedUnion("kind", [VetoSchema, PenaltySchema], {
  error: (issue) => (issue.code === "invalid_union" ? "kind must be veto or penalty" : undefined),
});

/** An adjustment whose kind is missing or unknown, checked with both kinds' fields allowed. */
export const AnyKindAdjustmentSchema = z.strictObject({
  id: Id,
  kind: z.unknown().optional(),
  name: Text,
  points: Positive.optional(),
  conditions: ConditionSchema,
  description: z.string().optional(),
});

export const DynamicSchema = z.strictObject({ warningBelow: Ratio, removalBelow: Ratio }).refine((d) => d.removalBelow <= d.warningBelow, {
  message: "removalBelow must not exceed warningBelow",
  path: ["removalBelow"],
  when: numbersGiven("warningBelow", "removalBelow"),
});

/** The header of every rule set, base or overlay. */
const identity = {
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/, "a rule-set id is lower-case letters, digits and '-'"),
  version: Semver,
  title: Text,
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.optional(),
  description: z.string().optional(),
};

const topLevel = {
  scale: Positive.optional(),
  missingEvidence: MissingEvidence.optional(),
  dynamic: DynamicSchema.optional(),
  grades: z.array(GradeSchema).optional(),
  departments: z.array(NamedSchema).optional(),
  siteTypes: z.array(NamedSchema).optional(),
};

/** A base rule set: the scored system itself. */
export const BaseRulesetSchema = z.strictObject({
  ...identity,
  ...topLevel,
  categories: z.array(CategorySchema),
  adjustments: z.array(AdjustmentSchema).optional(),
});

/**
 * A patch entry: the id of the item and the fields to change, each checked as the item's own
 * (so an editor completes them, and a typo is an unknown key at the patch entry).
 */
const patchOf = <T extends z.ZodObject>(item: T) => item.partial().required({ id: true } as never);
/** A local rule set (地方实施细则) that refines another one. */
export const OverlayRulesetSchema = z.strictObject({
  ...identity,
  ...topLevel,
  extends: z.string().regex(RULESET_REFERENCE, "extends names a rule set as id@version (or id)"),
  patch: z
    .strictObject({
      categories: z.array(patchOf(CategorySchema)).optional(),
      contents: z.array(patchOf(ContentSchema)).optional(),
      standards: z.array(patchOf(AnyMethodStandardSchema)).optional(),
      checks: z.array(patchOf(CheckSchema)).optional(),
      adjustments: z.array(patchOf(AnyKindAdjustmentSchema)).optional(),
    })
    .optional(),
  add: z
    .strictObject({
      categories: z.array(z.unknown()).optional(),
      contents: z.array(z.strictObject({ category: Id, content: z.unknown() })).optional(),
      standards: z.array(z.strictObject({ content: Id, standard: z.unknown() })).optional(),
      checks: z.array(z.strictObject({ standard: Id, check: z.unknown() })).optional(),
      adjustments: z.array(z.unknown()).optional(),
    })
    .optional(),
  remove: z
    .strictObject({
      categories: z.array(Id).optional(),
      contents: z.array(Id).optional(),
      standards: z.array(Id).optional(),
      checks: z.array(Id).optional(),
      adjustments: z.array(Id).optional(),
    })
    .optional(),
});

export type BaseRulesetData = z.output<typeof BaseRulesetSchema>;
export type Category = z.output<typeof CategorySchema>;
export type Content = z.output<typeof ContentSchema>;
export type Standard = z.output<typeof StandardSchema>;
export type FieldStandard = z.output<typeof FieldStandardSchema>;
export type SurveyStandard = z.output<typeof SurveyStandardSchema>;
export type DocumentStandard = z.output<typeof DocumentStandardSchema>;
export type DataStandard = z.output<typeof DataStandardSchema>;
export type Check = z.output<typeof CheckSchema>;
export type Grade = z.output<typeof GradeSchema>;
export type Adjustment = z.output<typeof AdjustmentSchema>;
export type Named = z.output<typeof NamedSchema>;
export type Method = Standard["method"];
