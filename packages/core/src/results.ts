/**
 * The results of a round (`results.json`, SPEC section 4 and results.schema.json): what was
 * scored, with what, and every city's scores, ranks, improvements, problems and explanation.
 */
import type { FileAccount } from "./evidence/model.js";
import type { RejectedRow } from "./evidence/reject-codes.js";
import type { LeafTrace } from "./scoring/conditions.js";
import type { ImprovementItem } from "./scoring/improvements.js";
import type { Problem } from "./scoring/problems.js";
import type { StandardResult } from "./scoring/standard-score.js";

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
  readonly inputs: { readonly files: readonly InputFile[]; readonly rejected: number };
  readonly rejects: readonly RejectedRow[];
}
