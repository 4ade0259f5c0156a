/**
 * Row judgement (SPEC section 2). Every data row ends up accepted, skipped (another round)
 * or rejected, judged in the spec's order: malformed or missing a required value → rejected;
 * else another round → skipped; else the checks of its file, in the order the spec lists
 * them. Accepted rows are folded straight into the per-city aggregates.
 *
 * Files must be admitted in dependency order: cities, then sites, then field; the others
 * need only the cities.
 */
import type { Ruleset } from "../ruleset/model.js";
import { EVIDENCE_FILE_NAMES, type EvidenceKind, type HeaderLayout, requiredColumns } from "./columns.js";
import { type AdmittedEvidence, type CityEvidence, type CityRecord, emptyCityEvidence, type FileAccount } from "./model.js";
import type { RejectCode, RejectedRow } from "./reject-codes.js";
import { attributeValue, csvLine, parseCount, parseNumber, parseVerdict } from "./values.js";

/** Why a row was refused, before it becomes a `RejectedRow`. */
interface Refusal {
  readonly code: RejectCode;
  readonly detail: string;
}

/** Notes and photos kept per site and check. */
const MAX_NOTES = 5;

/** Inserts `value` into the sorted `list`, keeping only the MAX_NOTES smallest. */
function keepSmallest(list: string[], value: string): void {
  if (list.length >= MAX_NOTES && value >= (list[list.length - 1] as string)) return;
  let at = list.length;
  while (at > 0 && (list[at - 1] as string) > value) at--;
  list.splice(at, 0, value);
  if (list.length > MAX_NOTES) list.pop();
}

const refuse = (code: RejectCode, detail: string): Refusal => ({ code, detail });
const quoted = (value: string) => JSON.stringify(value);

/** Reads one row's trimmed values by canonical column name. */
type Cell = (column: string) => string;

/** Admits the rows of one file. */
export interface FileAdmission {
  readonly account: FileAccount;
  /** Judges one data row (its cells as parsed) found at `line`. */
  row(cells: readonly string[], line: number): void;
  /** Records a row the parser could not read (e.g. broken quoting). */
  malformed(line: number, raw: string, detail: string): void;
}

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
  const { owns } = options;
  const cities = new Map<string, CityRecord>();
  const byCity = new Map<string, CityEvidence>();
  const rejects: RejectedRow[] = [];
  const accounts: FileAccount[] = [];
  /** city → question → respondents who answered it (for duplicate detection). */
  const answered = new Map<string, Map<string, Set<string>>>();
  const { index } = ruleset;

  const cityOf = (cell: Cell): CityEvidence | Refusal => {
    const id = cell("city_id");
    return byCity.get(id) ?? refuse("unknown_city", `city_id ${quoted(id)} is not in cities.csv`);
  };

  /** Judges the content of a row of the round; returns a refusal or accepts it. */
  const judges: Record<EvidenceKind, (cell: Cell, layout: HeaderLayout, cells: readonly string[]) => Refusal | undefined> = {
    cities(cell, layout, cells) {
      const cityId = cell("city_id");
      if (cities.has(cityId)) return refuse("duplicate", `city_id ${quoted(cityId)} appears twice; the first row is kept`);
      const attributes: Record<string, string | number> = Object.create(null);
      const put = (name: string, at: number) => {
        const value = (cells[at] ?? "").trim();
        if (value !== "") attributes[name] = attributeValue(value);
      };
      for (const [name, at] of layout.index) put(name, at);
      for (const [name, at] of layout.extra) put(name, at);
      const peerGroup = cell("peer_group");
      cities.set(cityId, { cityId, name: cell("name"), peerGroup: peerGroup === "" ? null : peerGroup, attributes });
      byCity.set(cityId, emptyCityEvidence());
      return undefined;
    },
    sites(cell) {
      const city = cityOf(cell);
      if ("code" in city) return city;
      const siteType = cell("site_type");
      if (!index.siteTypeIds.has(siteType))
        return refuse("unknown_site_type", `site_type ${quoted(siteType)} is not a site type of the rule set`);
      const siteId = cell("site_id");
      if (city.sites.has(siteId))
        return refuse("duplicate", `site ${quoted(siteId)} of city ${quoted(cell("city_id"))} is listed twice; the first row is kept`);
      const visitedAt = cell("visited_at");
      const assessor = cell("assessor");
      city.sites.set(siteId, {
        siteId,
        siteType,
        visitedAt: visitedAt === "" ? undefined : visitedAt,
        assessor: assessor === "" ? undefined : assessor,
      });
      return undefined;
    },
    field(cell) {
      const city = cityOf(cell);
      if ("code" in city) return city;
      const siteId = cell("site_id");
      const site = city.sites.get(siteId);
      if (site === undefined)
        return refuse("unknown_site", `site_id ${quoted(siteId)} is not a visited site of city ${quoted(cell("city_id"))} in this round`);
      const checkId = cell("check_id");
      const check = index.checkById.get(checkId);
      if (check === undefined) return refuse("unknown_check", `check_id ${quoted(checkId)} is not a check of the rule set`);
      if (!check.standard.siteTypes.includes(site.siteType)) {
        return refuse(
          "check_not_applicable",
          `check ${quoted(checkId)} (standard ${check.standard.id}) does not apply to site type ${quoted(site.siteType)}`,
        );
      }
      const count = parseCount(cell("count"));
      if (count === undefined) return refuse("bad_count", `count ${quoted(cell("count"))} is not a non-negative whole number`);
      let checks = city.field.get(siteId);
      if (checks === undefined) city.field.set(siteId, (checks = new Map()));
      let tally = checks.get(checkId);
      if (tally === undefined) checks.set(checkId, (tally = { count: 0, notes: [], photos: [] }));
      tally.count += count;
      const note = cell("note");
      const photo = cell("photo");
      // Enough notes and photos to explain the loss; not every one of thousands.
      // Kept in sorted order (the first few), so the result does not depend on row order.
      if (note !== "") keepSmallest(tally.notes, note);
      if (photo !== "") keepSmallest(tally.photos, photo);
      return undefined;
    },
    survey(cell) {
      const city = cityOf(cell);
      if ("code" in city) return city;
      const question = cell("question_id");
      if (!index.surveyQuestions.has(question))
        return refuse("unknown_question", `question_id ${quoted(question)} is not asked by any survey standard`);
      let byQuestion = answered.get(cell("city_id"));
      if (byQuestion === undefined) answered.set(cell("city_id"), (byQuestion = new Map()));
      let respondents = byQuestion.get(question);
      if (respondents === undefined) byQuestion.set(question, (respondents = new Set()));
      const respondent = cell("respondent_id");
      if (respondents.has(respondent)) {
        return refuse(
          "duplicate",
          `respondent ${quoted(cell("respondent_id"))} answered question ${quoted(question)} twice; the first answer is kept`,
        );
      }
      respondents.add(respondent);
      let counts = city.answers.get(question);
      if (counts === undefined) city.answers.set(question, (counts = new Map()));
      const answer = cell("answer");
      counts.set(answer, (counts.get(answer) ?? 0) + 1);
      return undefined;
    },
    documents(cell) {
      const city = cityOf(cell);
      if ("code" in city) return city;
      const standardId = cell("standard_id");
      const placed = index.standardById.get(standardId);
      if (placed === undefined) return refuse("unknown_standard", `standard_id ${quoted(standardId)} is not a standard of the rule set`);
      if (placed.standard.method !== "document") {
        return refuse(
          "not_document_standard",
          `standard ${quoted(standardId)} is scored by ${placed.standard.method}, not by document review`,
        );
      }
      const verdict = parseVerdict(cell("verdict"));
      if (verdict === undefined)
        return refuse("bad_verdict", `verdict ${quoted(cell("verdict"))} is not met/partial/unmet (达标/基本达标/未达标)`);
      let verdicts = city.documents.get(standardId);
      if (verdicts === undefined) city.documents.set(standardId, (verdicts = []));
      const reviewer = cell("reviewer");
      const note = cell("note");
      verdicts.push({ verdict, reviewer: reviewer === "" ? undefined : reviewer, note: note === "" ? undefined : note });
      return undefined;
    },
    facts(cell) {
      const city = cityOf(cell);
      if ("code" in city) return city;
      const value = parseNumber(cell("value"));
      if (value === undefined) return refuse("bad_value", `value ${quoted(cell("value"))} is not a finite number`);
      const fact = cell("fact");
      if (city.facts.has(fact))
        return refuse("duplicate", `fact ${quoted(fact)} of city ${quoted(cell("city_id"))} is given twice; the first is kept`);
      city.facts.set(fact, value);
      return undefined;
    },
  };

  return {
    rejects,
    accounts,
    evidence: () => ({ cities, byCity }),
    open(layout, fileName = EVIDENCE_FILE_NAMES[layout.kind]) {
      const account: FileAccount = { name: fileName, rows: 0, accepted: 0, skipped: 0, rejected: 0 };
      accounts.push(account);
      const judge = judges[layout.kind];
      const required = requiredColumns(layout.kind);
      const requiredAt = required.map((column) => layout.index.get(column) as number);
      const roundAt = layout.index.get("round");
      const cityAt = layout.index.get("city_id");
      // One reader per file over the row being judged (no closure per row).
      let current: readonly string[] = [];
      const columnAt = new Map(layout.index);
      const cell: Cell = (column) => {
        const at = columnAt.get(column);
        return at === undefined ? "" : (current[at] ?? "").trim();
      };
      const reject = (line: number, raw: string, code: RejectCode, detail: string) => {
        account.rejected++;
        rejects.push({ file: fileName, line, code, reason: detail, raw });
      };
      return {
        account,
        malformed(line, raw, detail) {
          if (owns !== undefined && !owns(`${fileName}#${line}`)) return;
          account.rows++;
          reject(line, raw, "malformed_row", `malformed row: ${detail}`);
        },
        row(cells, line) {
          if (owns !== undefined) {
            const city = cells.length === layout.width && cityAt !== undefined ? (cells[cityAt] as string).trim() : "";
            if (!owns(city === "" ? `${fileName}#${line}` : city)) return;
          }
          account.rows++;
          if (cells.length !== layout.width) {
            return reject(
              line,
              csvLine(cells),
              "malformed_row",
              `malformed row: ${cells.length} fields where the header has ${layout.width}`,
            );
          }
          current = cells;
          for (let i = 0; i < requiredAt.length; i++) {
            const at = requiredAt[i] as number;
            if ((cells[at] as string).trim() === "")
              return reject(line, csvLine(cells), "missing_value", `required value ${required[i]} is empty`);
          }
          if (roundAt !== undefined && (cells[roundAt] as string).trim() !== round) {
            account.skipped++;
            return;
          }
          const refusal = judge(cell, layout, cells);
          if (refusal === undefined) account.accepted++;
          else reject(line, csvLine(cells), refusal.code, refusal.detail);
        },
      };
    },
  };
}
