/**
 * Admitted evidence, aggregated per city as scoring needs it. Survey answers are kept as
 * counts per question and answer code, so memory does not grow with the number of answers.
 */
import type { RejectCode } from "./reject-codes.js";
import type { AppealDecision, Verdict } from "./values.js";

export type { AppealDecision } from "./values.js";

/** A city from `cities.csv`. */
export interface CityRecord {
  readonly cityId: string;
  readonly name: string;
  readonly peerGroup: string | null;
  /** Every non-empty column of `cities.csv`, numbers where they parse as numbers. */
  readonly attributes: Readonly<Record<string, string | number>>;
}

/** A visited site from `sites.csv`. */
export interface SiteRecord {
  readonly siteId: string;
  readonly siteType: string;
  readonly visitedAt: string | undefined;
  readonly assessor: string | undefined;
}

/** Problems of one check at one site: `field.csv` rows added up. */
export interface CheckTally {
  count: number;
  /** The few smallest notes and photo names, sorted (replaced, not grown, as rows come). */
  notes: readonly string[];
  photos: readonly string[];
}

/** One reviewer's verdict on a document standard. */
export interface VerdictRecord {
  readonly verdict: Verdict;
  readonly reviewer: string | undefined;
  readonly note: string | undefined;
}

/**
 * What an appeal targets: a field problem (standard, check, site), a document or data standard,
 * or an adjustment (veto or penalty). Its key (`appealTargetKey`) tells two appeals on the same
 * target apart from others.
 */
export type AppealTarget =
  | { readonly kind: "field"; readonly standardId: string; readonly checkId: string; readonly siteId: string }
  | { readonly kind: "document"; readonly standardId: string }
  | { readonly kind: "data"; readonly standardId: string }
  | { readonly kind: "adjustment"; readonly adjustmentId: string };

/** The revised value of a `revised` decision, as its target needs it. */
export type AppealRevision = { readonly count: number } | { readonly verdict: Verdict } | { readonly value: number };

/** Where an evidence row came from, as a rejected row names it. */
export interface RowOrigin {
  readonly file: string;
  readonly line: number;
  readonly raw: string;
}

/** An admitted row of `appeals.csv`: its target is judged once the city is scored before appeals. */
export interface AppealRecord {
  readonly appealId: string;
  readonly target: AppealTarget;
  readonly decision: AppealDecision;
  /** Present exactly when the decision is `revised`. */
  readonly revision: AppealRevision | undefined;
  readonly reviewer: string | undefined;
  readonly reason: string | undefined;
  /** The row, for a later rejection (its target is not a problem of the city, …). */
  readonly origin: RowOrigin;
}

/** Everything admitted for one city in the round. */
export interface CityEvidence {
  readonly sites: Map<string, SiteRecord>;
  /** site id → check id → tally */
  readonly field: Map<string, Map<string, CheckTally>>;
  /** question id → answer code → number of answers */
  readonly answers: Map<string, Map<string, number>>;
  /** standard id → verdicts */
  readonly documents: Map<string, VerdictRecord[]>;
  /** fact name → value */
  readonly facts: Map<string, number>;
  /** The appeals admitted for the city, in file order (their targets not yet judged). */
  readonly appeals: AppealRecord[];
}

/** Per-file row accounting: rows = accepted + skipped + rejected. */
export interface FileAccount {
  readonly name: string;
  rows: number;
  accepted: number;
  skipped: number;
  rejected: number;
  /** The rejected rows by reason code (codes without any left out); absent in older results. */
  readonly rejectedBy?: Partial<Record<RejectCode, number>>;
}

/** All evidence admitted for a round. */
export interface AdmittedEvidence {
  readonly cities: ReadonlyMap<string, CityRecord>;
  readonly byCity: ReadonlyMap<string, CityEvidence>;
}

export function emptyCityEvidence(): CityEvidence {
  return { sites: new Map(), field: new Map(), answers: new Map(), documents: new Map(), facts: new Map(), appeals: [] };
}
