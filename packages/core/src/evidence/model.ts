/**
 * Admitted evidence, aggregated per city as scoring needs it. Survey answers are kept as
 * counts per question and answer code, so memory does not grow with the number of answers.
 */
import type { RejectCode } from "./reject-codes.js";
import type { Verdict } from "./values.js";

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
  return { sites: new Map(), field: new Map(), answers: new Map(), documents: new Map(), facts: new Map() };
}
