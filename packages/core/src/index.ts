/**
 * @civitas/core — the pure scoring core of Civitas: rule sets, evidence admission, scores,
 * ranks, improvements and problems. No file system, no network, no clock.
 *
 * @example
 * import { parseRuleset, resolveRuleset, scoreRound } from "@civitas/core";
 * const ruleset = parseRuleset(rulesetData);
 * const results = await scoreRound({ ruleset, round: "2024", evidence: { cities, sites, field } });
 *
 * // rule-set files (an overlay and the rule sets it may extend), every problem in its file
 * const resolution = resolveRuleset(documents, "shenzhen", { asOf: "2024-06-30" });
 *
 * @packageDocumentation
 */

// Public API
export { scoreRound, type ScoreRoundInput } from "./api.js";
export { parseRuleset } from "./ruleset/parse.js";
export {
  resolveRuleset,
  type Resolution,
  type ResolveOptions,
  type RulesetReference,
} from "./ruleset/resolve.js";
export { resolveRecordedRuleset, type RecordedRuleset } from "./ruleset/recorded.js";
export { duplicateRulesets, type Locate, type RulesetDocument } from "./ruleset/documents.js";
export { pickRuleset } from "./ruleset/pick-ruleset.js";
export type { Ruleset, PlacedStandard, RulesetIndex } from "./ruleset/model.js";
export type { ParseRulesetOptions } from "./ruleset/parse.js";
export { RulesetError, formatIssue, formatPath, type RulesetIssue, type RulesetIssueCode } from "./ruleset/issues.js";
export type { EvidenceTables, EvidenceRow } from "./evidence/tables.js";
export { EvidenceError, type EvidenceErrorCode } from "./errors.js";
export type {
  Results,
  CityResult,
  CategoryResult,
  AdjustmentResult,
  CityWarning,
  InputFile,
} from "./results.js";
export type { StandardResult, StandardStatus, StandardEvidence, SiteTrace, SiteProblem } from "./scoring/standard-score.js";
export type { ImprovementItem } from "./scoring/improvements.js";
export type { Problem } from "./scoring/problems.js";
export type { LeafTrace, ConditionOutcome } from "./scoring/conditions.js";
export type {
  Standard,
  FieldStandard,
  SurveyStandard,
  DocumentStandard,
  DataStandard,
  Category,
  Content,
  Check,
  Grade,
  Adjustment,
  Named,
  Method,
} from "./ruleset/schema.js";
export { ENGINE } from "./version.js";

// Building blocks for adapters (CSV ingest, CLI)
export { checkRuleset } from "./ruleset/parse.js";
export { rulesetJsonSchema } from "./ruleset/json-schema.js";
export { diffRulesets, type RulesetDiff, type ItemChanges, type FieldChange, type CategoryPoints } from "./ruleset/diff.js";
export { readRulesetText, type RulesetText } from "./ruleset/text.js";
export { canonicalJson, rulesetHash, sha256Hex } from "./ruleset/hash.js";
export { compareVersions, isEffectiveOn, isIsoDate } from "./ruleset/versions.js";
export { isOverlay } from "./ruleset/overlay/apply.js";
export { CONDITION_OPERATORS, type Condition } from "./ruleset/conditions.js";
export {
  EVIDENCE_KINDS,
  EVIDENCE_FILE_NAMES,
  EVIDENCE_COLUMNS,
  layoutHeader,
  type EvidenceKind,
  type HeaderLayout,
  type HeaderProblem,
} from "./evidence/columns.js";
export { createAdmission, type Admission, type AdmissionOptions, type FileAdmission } from "./evidence/admission.js";
export type { FileAccount, AdmittedEvidence } from "./evidence/model.js";
export { REJECT_CODES, type RejectCode, type RejectedRow } from "./evidence/reject-codes.js";
export { csvLine, parseNumber } from "./evidence/values.js";
export { scoreAdmitted, type RoundInput } from "./scoring/score-round.js";
export { assembleResults } from "./scoring/assemble-results.js";
export { parseShard, shardOf, mergeShards, MergeError, type Shard } from "./scoring/shards.js";

// Rounds: the closed loop, composites, plans
export {
  compareRounds,
  ClosureError,
  CLOSURE_CLASSES,
  CLOSURE_CLASS_NAMES,
  type Closure,
  type ClosureItem,
  type ClosureClass,
  type ClosureTotals,
} from "./rounds/closure.js";
export {
  composeRounds,
  CompositeError,
  type Composite,
  type CompositeCity,
  type CompositeRound,
  type DynamicFlag,
  type WeightedResults,
} from "./rounds/composite.js";
export { type NameBook, nameBookOf, nameBookOfRounds, Names } from "./names.js";
export { readResults, ResultsError, type ResultsIssue, type ResultsNeed } from "./rounds/read-results.js";
export { planImprovements, type Plan, type CityPlan, type PlanStep, type PlanOutcome } from "./rounds/plan.js";
