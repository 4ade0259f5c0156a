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
// Failures that stop a run: one vocabulary of tagged errors with stable codes (errors.ts;
// RulesetError, ResultsError, ClosureError, CompositeError and MergeError are exported
// beside the functions that throw them)
export {
  FAILURE_CODES,
  isCivitasError,
  type CivitasError,
  type FailurePlace,
  EvidenceError,
  type EvidenceErrorCode,
  type RulesetErrorCode,
  type ResultsErrorCode,
  type ClosureErrorCode,
  type CompositeErrorCode,
  type MergeErrorCode,
  PlanError,
  type PlanErrorCode,
  SurveyImportError,
  type SurveyImportErrorCode,
} from "./errors.js";

// Results: the model (the ground floor: scoring builds it, everything else reads it), results.json written and read back
export type {
  Results,
  CityResult,
  CategoryResult,
  AdjustmentResult,
  CityWarning,
  InputFile,
  StandardResult,
  StandardStatus,
  StandardEvidence,
  SiteTrace,
  SiteProblem,
  ImprovementItem,
  Problem,
  LeafTrace,
  ConditionOutcome,
  AppealResult,
  AppealTargetRef,
} from "./results/model.js";
export type { AppealDecision } from "./evidence/values.js";
export { readResults, ResultsError, type ResultsIssue, type ResultsNeed } from "./results/read-results.js";
export { resultsJson, resultsJsonPieces, listedRejects, REJECTS_LISTED } from "./results/write-results.js";

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
export { admitTables, type AdmittedTables } from "./evidence/tables.js";
export type { FileAccount, AdmittedEvidence } from "./evidence/model.js";
export { REJECT_CODES, type RejectCode, type RejectedRow } from "./evidence/reject-codes.js";
export { csvLine, parseNumber } from "./evidence/values.js";
export { scoreAdmitted, type RoundInput } from "./scoring/score-round.js";
export { wilsonInterval, surveyScoreAt, WILSON_Z, type RateInterval } from "./scoring/wilson.js";
export { assembleResults } from "./scoring/assemble-results.js";
export { parseShard, shardOf, mergeShards, MergeError, type Shard } from "./scoring/shards.js";

// Survey-platform exports (问卷星, KoboToolbox, any wide table) → survey.csv
export { importSurvey, type SurveyExport } from "./survey-import/import-survey.js";
export {
  SurveyImport,
  type SurveyImportResult,
  type ImportedRespondent,
  type ImportCounts,
  type ExportCounts,
  type ExportOptions,
  type ExportReader,
} from "./survey-import/survey-import.js";
export { checkSurveyMap, readSurveyMap, type SurveyMapIssue, type SurveyMapIssueCode, type MapCheck } from "./survey-import/check-map.js";
export {
  SURVEY_PLATFORMS,
  DEFAULT_RESPONDENT_COLUMN,
  type SurveyMap,
  type SurveyMapInput,
  type SurveyPlatform,
  type MappedQuestion,
} from "./survey-import/map-schema.js";
export { surveyMapJsonSchema } from "./survey-import/map-json-schema.js";
export { exportIdPrefixes } from "./survey-import/export-prefixes.js";
export {
  SURVEY_REJECT_CODES,
  SURVEY_SCREEN_CODES,
  type SurveyReject,
  type SurveyRejectCode,
  type SurveyScreenCode,
} from "./survey-import/import-codes.js";
export { findColumn, type ColumnFound } from "./survey-import/find-column.js";
export { parseSeconds, secondsBetween } from "./survey-import/duration.js";
export { judgeCell, type CellJudgement } from "./survey-import/answer-cell.js";
export { SURVEY_TABLE, SURVEY_REJECTS_TABLE, type SurveyAnswerRow } from "./tables/survey-tables.js";

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
export { planImprovements, type Plan, type CityPlan, type PlanStep, type PlanOutcome } from "./rounds/plan.js";

// Appeals: the feedback notice a city receives (测评问题反馈单), as data for its writers
export {
  feedbackNotices,
  feedbackNotice,
  addDays,
  DEFAULT_APPEAL_DAYS,
  DECISION_NAMES,
  photoFaultText,
  noticePhotoNames,
  type NoticePhoto,
  type FeedbackNotice,
  type FeedbackOptions,
  type NoticeItem,
  type NoticeAppeal,
  type NoticeAdjustment,
} from "./feedback/notice.js";
export {
  NOTICE_COLUMNS,
  NOTICE_LOSS_NOTE,
  NOTICE_SIGNATURES,
  formatPoints,
  chineseDate,
  reportDateText,
  deadlineText,
  deadlineSentence,
  scoreText,
  subtitleText,
  standardText,
  problemText,
  siteText,
  appealText,
  adjustmentText,
} from "./feedback/notice-text.js";

// Output tables, each defined once; every writer (CSV, workbook, HTML) renders the definitions
export {
  type ColumnKind,
  type TableCell,
  type TableColumn,
  type TableDefinition,
  type LaidOutTable,
  LIST_SEPARATOR,
  column,
  tableColumns,
  layOutTable,
  flatCell,
  headerOf,
} from "./tables/table.js";
export {
  RESULTS_TABLE,
  STANDARDS_TABLE,
  PROBLEMS_TABLE,
  REJECTS_TABLE,
  APPEALS_TABLE,
  ROUND_TABLES,
  type CityItem,
} from "./tables/round-tables.js";
export {
  CLOSURE_TABLE,
  COMPOSITE_TABLE,
  PLAN_TABLE,
  type NamedClosure,
  type NamedPlan,
  type ClosureRow,
  type PlanRow,
} from "./tables/rounds-tables.js";
