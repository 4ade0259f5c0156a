/**
 * Row judgement (SPEC section 2). Every data row ends up accepted, skipped (another round)
 * or rejected: the shared row gate (`row-gate.ts`) rejects malformed rows and rows missing a
 * required value and skips rows of other rounds; the file's judge (`judges/<file>.ts`) checks
 * the rest in the order the spec lists and folds accepted rows straight into the per-city
 * aggregates. A new evidence file adds one judge here.
 *
 * Files must be admitted in dependency order: cities, then sites, then field; the others
 * need only the cities (appeals also the sites: a field appeal names a visited site). An
 * admitted appeal's target is judged later, once its city is scored before appeals
 * (`scoring/appeal-targets.ts`).
 */
import type { Ruleset } from "../ruleset/model.js";
import { EVIDENCE_FILE_NAMES, type EvidenceKind, type HeaderLayout } from "./columns.js";
import { judgeCities } from "./judges/cities.js";
import { judgeDocuments } from "./judges/documents.js";
import { judgeFacts } from "./judges/facts.js";
import { judgeField } from "./judges/field.js";
import type { AdmissionContext, EvidenceJudge, Judge } from "./judges/judge.js";
import { judgeSites } from "./judges/sites.js";
import { judgeSurvey } from "./judges/survey.js";
import { judgeAppeals } from "./judges/appeals.js";
import type { AdmittedEvidence, CityEvidence, CityRecord, FileAccount } from "./model.js";
import type { RejectedRow } from "./reject-codes.js";
import { type FileAdmission, openGate } from "./row-gate.js";

export type { FileAdmission } from "./row-gate.js";

/** The judge of each evidence file. */
const JUDGES: Readonly<Record<EvidenceKind, EvidenceJudge>> = {
  cities: judgeCities,
  sites: judgeSites,
  field: judgeField,
  survey: judgeSurvey,
  documents: judgeDocuments,
  facts: judgeFacts,
  appeals: judgeAppeals,
};

/** The admission of one round's evidence. */
export interface Admission {
  /** Opens a file of the given kind, laid out by its header. */
  open(layout: HeaderLayout, fileName?: string): FileAdmission;
  /** Every rejected row so far, in the order found. */
  readonly rejects: RejectedRow[];
  readonly accounts: FileAccount[];
  /** The evidence admitted so far. */
  evidence(): AdmittedEvidence;
}

/** Options of an admission. */
export interface AdmissionOptions {
  /**
   * Admit only the rows this predicate owns (sharding): it is asked with the row's city id,
   * or with `file#line` for a row whose city cannot be read. Rows not owned are not counted.
   */
  readonly owns?: (key: string) => boolean;
}

/** Starts admitting evidence of `round` against `ruleset`. */
export function createAdmission(ruleset: Ruleset, round: string, options: AdmissionOptions = {}): Admission {
  const context: AdmissionContext = {
    index: ruleset.index,
    cities: new Map<string, CityRecord>(),
    byCity: new Map<string, CityEvidence>(),
  };
  const rejects: RejectedRow[] = [];
  const accounts: FileAccount[] = [];
  const judges = new Map<EvidenceKind, (layout: HeaderLayout, fileName: string) => Judge>();
  const settings = { round, owns: options.owns, rejects };
  return {
    rejects,
    accounts,
    evidence: () => ({ cities: context.cities, byCity: context.byCity }),
    open(layout, fileName = EVIDENCE_FILE_NAMES[layout.kind]) {
      let judgeOf = judges.get(layout.kind);
      if (judgeOf === undefined) judges.set(layout.kind, (judgeOf = JUDGES[layout.kind](context)));
      const file = openGate(layout, fileName, judgeOf(layout, fileName), settings);
      accounts.push(file.account);
      return file;
    },
  };
}
