/**
 * The result model (`results.json`, SPEC sections 3–5 and results.schema.json): what was scored,
 * with what, and every city's scores, ranks, improvements, problems and explanation. The ground
 * floor of the results: scoring builds these values, rounds, tables and writers read them; this
 * module imports only the vocabularies of its inputs (methods, verdicts, rejected rows).
 */
import type { AppealRevision, FileAccount } from "../evidence/model.js";
import type { RejectedRow } from "../evidence/reject-codes.js";
import type { AppealDecision, Verdict } from "../evidence/values.js";
import type { Method } from "../ruleset/schema.js";

/** A leaf of a condition as evaluated: the fact value it saw and whether it held. */
export interface LeafTrace {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  /** The city's value of the fact; null when the city lacks it. */
  readonly factValue: unknown;
  readonly held: boolean;
}

/** The outcome of one condition for one city. */
export interface ConditionOutcome {
  readonly held: boolean;
  /** Every leaf with the value it saw, in the order written. */
  readonly leaves: readonly LeafTrace[];
  /** Facts named by a leaf that the city lacks. */
  readonly missingFacts: readonly string[];
}

export type StandardStatus = "scored" | "missing" | "insufficient" | "notApplicable";

/** One check's problems at one site. */
export interface SiteProblem {
  readonly checkId: string;
  readonly count: number;
  readonly deduction: number;
  /** deduction × count, before caps */
  readonly loss: number;
  readonly notes: readonly string[];
  readonly photos: readonly string[];
}

/** One visited site of a field standard, with what it lost. */
export interface SiteTrace {
  readonly siteId: string;
  readonly siteType: string;
  readonly assessor: string | null;
  readonly visitedAt: string | null;
  /** Sum of deduction × count over the standard's checks, before caps. */
  readonly rawLoss: number;
  /** The loss counted: rawLoss capped by maxPerSite and by the points. */
  readonly loss: number;
  readonly problems: readonly SiteProblem[];
}

/** What produced a standard's score, by method. */
export type StandardEvidence =
  | {
      readonly method: "field";
      /** The visited sites that lost points (sites without problems are only counted). */
      readonly sites: readonly SiteTrace[];
      /** Every visited site of the standard's types, with or without problems. */
      readonly siteCount: number;
      readonly minSites: number;
      /** The most one site can lose: min(maxPerSite, points). */
      readonly capPerSite: number;
      readonly meanLoss: number | null;
    }
  | {
      readonly method: "survey";
      readonly question: string;
      readonly responses: number;
      readonly positive: number;
      readonly rate: number | null;
      readonly floor: number;
      readonly target: number;
      readonly minResponses: number;
      /** Scored standards only: the Wilson 95% interval of `rate` over `responses` (SPEC section 7). */
      readonly rateLow?: number;
      readonly rateHigh?: number;
      /** Scored standards only: the standard's score at `rateLow` and at `rateHigh`. */
      readonly scoreLow?: number;
      readonly scoreHigh?: number;
    }
  | {
      readonly method: "document";
      readonly verdicts: ReadonlyArray<{ verdict: Verdict; level: number; reviewer: string | null; note: string | null }>;
      readonly meanLevel: number | null;
    }
  | { readonly method: "data"; readonly fact: string; readonly value: number | null; readonly floor: number; readonly target: number };

/** A standard's result for one city. */
export interface StandardResult {
  readonly id: string;
  readonly name: string;
  readonly categoryId: string;
  readonly contentId: string;
  readonly method: Method;
  readonly points: number;
  readonly score: number;
  readonly max: number;
  readonly ratio: number | null;
  readonly status: StandardStatus;
  readonly responsible: readonly string[];
  /** What produced the score; null when the standard does not apply. */
  readonly evidence: StandardEvidence | null;
  /** The `appliesTo` condition as evaluated, when the standard has one. */
  readonly appliesTo: ConditionOutcome | null;
  /** The applied appeals (withdrawn or revised) that changed this standard's evidence; absent when none did. */
  readonly appeals?: readonly string[];
}

/** One thing a city can fix, with the points it would gain. */
export interface ImprovementItem {
  readonly standardId: string;
  /** The check whose problems would be removed; null for the standard as a whole. */
  readonly checkId: string | null;
  readonly gain: number;
  readonly responsible: readonly string[];
  readonly categoryId: string;
  readonly method: Method;
}

/** One problem (问题清单); its key is (city, standardId, checkId, siteId). */
export interface Problem {
  readonly standardId: string;
  readonly checkId: string | null;
  readonly siteId: string | null;
  readonly standardName: string;
  readonly checkName: string | null;
  /** Number of problems found (field problems only). */
  readonly count?: number;
  /** Points deducted per problem (field problems only). */
  readonly deduction?: number;
  /** deduction × count before caps (field), or max − score (other methods). */
  readonly loss: number;
  readonly responsible: readonly string[];
  /** The inspector's notes on this check at this site (field problems only; the few kept, sorted). */
  readonly notes?: readonly string[];
  /** The photos named for this check at this site (field problems only; the few kept, sorted). */
  readonly photos?: readonly string[];
  /** The accepted appeals on this problem, whatever their decision; absent when there are none. */
  readonly appeals?: readonly string[];
}

/** A warning about a city's result, e.g. a fact a condition names but the city lacks. */
export interface CityWarning {
  readonly code: "missing_fact";
  readonly fact: string;
  /** The adjustment or standard whose condition named the fact. */
  readonly source: string;
  readonly message: string;
}

/** An adjustment as evaluated for a city. */
export interface AdjustmentResult {
  readonly id: string;
  readonly kind: "veto" | "penalty";
  readonly name: string;
  readonly points?: number;
  readonly held: boolean;
  /** Every leaf of its condition, with the fact value it saw. */
  readonly leaves: readonly LeafTrace[];
  /** The appeal that withdrew it (it then does not apply: `held` is false); absent otherwise. */
  readonly appeals?: readonly string[];
}

/**
 * What an appeal targets, as results name it: `kind` and the ids that apply to it (null for the
 * others): a field problem (standardId, checkId, siteId), a document or data standard
 * (standardId), an adjustment (adjustmentId).
 */
export interface AppealTargetRef {
  readonly kind: "field" | "document" | "data" | "adjustment";
  readonly standardId: string | null;
  readonly checkId: string | null;
  readonly siteId: string | null;
  readonly adjustmentId: string | null;
}

/** An accepted appeal of a city, as settled (SPEC section 8). */
export interface AppealResult {
  readonly appealId: string;
  readonly target: AppealTargetRef;
  readonly decision: AppealDecision;
  /**
   * The city's score with every applied appeal minus its score with every applied appeal but
   * this one (0 for upheld and pending appeals, and for a withdrawn veto: a veto takes no points).
   */
  readonly pointsRestored: number;
  /** The revised value of a revised decision (`count`, `verdict` or `value`); null otherwise. */
  readonly revision: AppealRevision | null;
  readonly reviewer: string | null;
  readonly reason: string | null;
}

export interface CategoryResult {
  readonly id: string;
  readonly name: string;
  readonly score: number;
  readonly max: number;
  readonly ratio: number | null;
}

/** One city's result for the round. */
export interface CityResult {
  readonly cityId: string;
  readonly name: string;
  readonly peerGroup: string | null;
  readonly score: number;
  /** Sum of category scores before penalties. */
  readonly rawScore: number;
  readonly penaltyPoints: number;
  readonly max: number;
  readonly ratio: number | null;
  readonly status: "ok" | "vetoed";
  readonly grade: string | null;
  readonly gradeName: string | null;
  readonly rank: { readonly overall: number | null; readonly peerGroup: number | null };
  readonly categories: readonly CategoryResult[];
  readonly standards: readonly StandardResult[];
  /** The adjustments whose conditions held. */
  readonly adjustments: readonly AdjustmentResult[];
  /** Every adjustment as evaluated, held or not (the explanation of vetoes and penalties). */
  readonly adjustmentChecks: readonly AdjustmentResult[];
  readonly improvements: readonly ImprovementItem[];
  readonly problems: readonly Problem[];
  readonly visitedSites: readonly string[];
  readonly warnings: readonly CityWarning[];
  readonly attributes: Readonly<Record<string, string | number>>;
  /** The city's score with no appeal applied (= `score` when no appeal was applied). */
  readonly scoreBeforeAppeals: number;
  /** True while any of the city's appeals is pending: the score is not final. */
  readonly provisional: boolean;
  /** The city's accepted appeals, in file order. */
  readonly appeals: readonly AppealResult[];
}

/** One input file: what it held and what became of its rows. */
export interface InputFile extends FileAccount {
  readonly sha256?: string;
  readonly encoding?: string;
}

/** The results of scoring one round. */
export interface Results {
  readonly schemaVersion: 1;
  readonly engine: { readonly name: string; readonly version: string };
  readonly ruleset: {
    readonly id: string;
    readonly version: string;
    readonly hash: string;
    readonly title: string;
    readonly lineage: readonly string[];
    /** The responsible departments (责任单位), for reports that name them. */
    readonly departments: readonly { readonly id: string; readonly name: string }[];
    /** The grades, for plans that target a grade. */
    readonly grades: readonly { readonly id: string; readonly name: string; readonly minRatio: number }[];
    /** Thresholds of dynamic management (动态管理), when the rule set declares them. */
    readonly dynamic: { readonly warningBelow: number; readonly removalBelow: number } | null;
  };
  readonly round: string;
  /** Present on the results of one shard of a sharded run (`--shard i/n`, 0-based index). */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly cities: readonly CityResult[];
  /** Per input file, what became of its rows; `rejected` is the total of rejected rows. */
  readonly inputs: { readonly files: readonly InputFile[]; readonly rejected: number };
  /** The rejected rows listed here, in the order found (see `rejectsOmitted`). */
  readonly rejects: readonly RejectedRow[];
  /**
   * How many rejected rows `rejects` leaves out: 0 as scored (every row is listed); a
   * results.json lists only the first 1,000 (`REJECTS_LISTED`), and rejects.csv has them all.
   */
  readonly rejectsOmitted: number;
}
