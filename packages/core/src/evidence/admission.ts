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

/**
 * `list` with `value` inserted in sorted order, keeping only the MAX_NOTES smallest: a new
 * array of exactly the length needed (most tallies hold one or two notes), or `list` itself
 * when `value` is not among the smallest.
 */
function keepSmallest(list: readonly string[], value: string): readonly string[] {
  const n = list.length;
  if (n >= MAX_NOTES && value >= (list[n - 1] as string)) return list;
  let at = n;
  while (at > 0 && (list[at - 1] as string) > value) at--;
  const kept = Math.min(n + 1, MAX_NOTES);
  const next = new Array<string>(kept);
  for (let i = 0, from = 0; i < kept; i++) next[i] = i === at ? value : (list[from++] as string);
  return next;
}

const refuse = (code: RejectCode, detail: string): Refusal => ({ code, detail });
const quoted = (value: string) => JSON.stringify(value);

/** Judges the content of one row (its cells as parsed); returns a refusal or accepts it. */
type Judge = (cells: readonly string[]) => Refusal | undefined;

/** The trimmed value at index `at` of a row, or "" for a column the file does not have (-1). */
const valueAt = (cells: readonly string[], at: number): string => (at < 0 ? "" : (cells[at] ?? "").trim());

/** Where a column sits in rows of this layout, or -1 when the file does not have it. */
const columnAt = (layout: HeaderLayout, column: string): number => layout.index.get(column) ?? -1;
const columnsAt = <const C extends readonly string[]>(layout: HeaderLayout, ...columns: C) =>
  columns.map((column) => columnAt(layout, column)) as { readonly [K in keyof C]: number };

/**
 * Survey answers already counted for one city, for duplicate detection: each respondent is
 * numbered in order of appearance, and each question has a bitset over those numbers. Memory
 * grows with the distinct respondents, not with the answers.
 */
interface SurveyKeys {
  readonly respondents: Map<string, number>;
  readonly answered: Uint8Array[];
}

/** Marks `respondent` as having answered question number `q`; false if it already had. */
function markAnswer(keys: SurveyKeys, q: number, respondent: string): boolean {
  let r = keys.respondents.get(respondent);
  if (r === undefined) keys.respondents.set(respondent, (r = keys.respondents.size));
  let bits = keys.answered[q] as Uint8Array;
  const byte = r >>> 3;
  if (byte >= bits.length) {
    const grown = new Uint8Array(Math.max(byte + 1, bits.length * 2));
    grown.set(bits);
    keys.answered[q] = bits = grown;
  }
  const mask = 1 << (r & 7);
  if (((bits[byte] as number) & mask) !== 0) return false;
  bits[byte] = (bits[byte] as number) | mask;
  return true;
}

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
  /** city → the survey answers counted so far (for duplicate detection). */
  const answered = new Map<string, SurveyKeys>();
  const { index } = ruleset;
  /** Survey questions, numbered for the duplicate bitsets. */
  const questionNumbers = new Map([...index.surveyQuestions].map((question, i) => [question, i]));

  const unknownCity = (id: string) => refuse("unknown_city", `city_id ${quoted(id)} is not in cities.csv`);

  /** Each kind's judge, made once per file with its columns looked up (SPEC section 2). */
  const judges: Record<EvidenceKind, (layout: HeaderLayout) => Judge> = {
    cities(layout) {
      const [cityAt, nameAt, peerGroupAt] = columnsAt(layout, "city_id", "name", "peer_group");
      return (cells) => {
        const cityId = valueAt(cells, cityAt);
        if (cities.has(cityId)) return refuse("duplicate", `city_id ${quoted(cityId)} appears twice; the first row is kept`);
        const attributes: Record<string, string | number> = Object.create(null);
        const put = (name: string, at: number) => {
          const value = (cells[at] ?? "").trim();
          if (value !== "") attributes[name] = attributeValue(value);
        };
        for (const [name, at] of layout.index) put(name, at);
        for (const [name, at] of layout.extra) put(name, at);
        const peerGroup = valueAt(cells, peerGroupAt);
        cities.set(cityId, { cityId, name: valueAt(cells, nameAt), peerGroup: peerGroup === "" ? null : peerGroup, attributes });
        byCity.set(cityId, emptyCityEvidence());
        return undefined;
      };
    },
    sites(layout) {
      const [cityAt, siteAt, typeAt, visitedAt, assessorAt] = columnsAt(
        layout,
        "city_id",
        "site_id",
        "site_type",
        "visited_at",
        "assessor",
      );
      return (cells) => {
        const cityId = valueAt(cells, cityAt);
        const city = byCity.get(cityId);
        if (city === undefined) return unknownCity(cityId);
        const siteType = valueAt(cells, typeAt);
        if (!index.siteTypeIds.has(siteType))
          return refuse("unknown_site_type", `site_type ${quoted(siteType)} is not a site type of the rule set`);
        const siteId = valueAt(cells, siteAt);
        if (city.sites.has(siteId))
          return refuse("duplicate", `site ${quoted(siteId)} of city ${quoted(cityId)} is listed twice; the first row is kept`);
        const visited = valueAt(cells, visitedAt);
        const assessor = valueAt(cells, assessorAt);
        city.sites.set(siteId, {
          siteId,
          siteType,
          visitedAt: visited === "" ? undefined : visited,
          assessor: assessor === "" ? undefined : assessor,
        });
        return undefined;
      };
    },
    field(layout) {
      const [cityAt, siteAt, checkAt, countAt, noteAt, photoAt] = columnsAt(
        layout,
        "city_id",
        "site_id",
        "check_id",
        "count",
        "note",
        "photo",
      );
      return (cells) => {
        const cityId = valueAt(cells, cityAt);
        const city = byCity.get(cityId);
        if (city === undefined) return unknownCity(cityId);
        const siteId = valueAt(cells, siteAt);
        const site = city.sites.get(siteId);
        if (site === undefined)
          return refuse("unknown_site", `site_id ${quoted(siteId)} is not a visited site of city ${quoted(cityId)} in this round`);
        const checkId = valueAt(cells, checkAt);
        const check = index.checkById.get(checkId);
        if (check === undefined) return refuse("unknown_check", `check_id ${quoted(checkId)} is not a check of the rule set`);
        if (!check.standard.siteTypes.includes(site.siteType)) {
          return refuse(
            "check_not_applicable",
            `check ${quoted(checkId)} (standard ${check.standard.id}) does not apply to site type ${quoted(site.siteType)}`,
          );
        }
        const countText = valueAt(cells, countAt);
        const count = parseCount(countText);
        if (count === undefined) return refuse("bad_count", `count ${quoted(countText)} is not a non-negative whole number`);
        let checks = city.field.get(siteId);
        if (checks === undefined) city.field.set(siteId, (checks = new Map()));
        const note = valueAt(cells, noteAt);
        const photo = valueAt(cells, photoAt);
        // Enough notes and photos to explain the loss; not every one of thousands.
        // Kept in sorted order (the first few), so the result does not depend on row order.
        const tally = checks.get(checkId);
        if (tally === undefined) {
          checks.set(checkId, { count, notes: note === "" ? [] : [note], photos: photo === "" ? [] : [photo] });
          return undefined;
        }
        tally.count += count;
        if (note !== "") tally.notes = keepSmallest(tally.notes, note);
        if (photo !== "") tally.photos = keepSmallest(tally.photos, photo);
        return undefined;
      };
    },
    survey(layout) {
      const [cityAt, respondentAt, questionAt, answerAt] = columnsAt(layout, "city_id", "respondent_id", "question_id", "answer");
      return (cells) => {
        const cityId = valueAt(cells, cityAt);
        const city = byCity.get(cityId);
        if (city === undefined) return unknownCity(cityId);
        const question = valueAt(cells, questionAt);
        const q = questionNumbers.get(question);
        if (q === undefined) return refuse("unknown_question", `question_id ${quoted(question)} is not asked by any survey standard`);
        let keys = answered.get(cityId);
        if (keys === undefined) answered.set(cityId, (keys = { respondents: new Map(), answered: [] }));
        keys.answered[q] ??= new Uint8Array(8);
        const respondent = valueAt(cells, respondentAt);
        if (!markAnswer(keys, q, respondent)) {
          return refuse(
            "duplicate",
            `respondent ${quoted(respondent)} answered question ${quoted(question)} twice; the first answer is kept`,
          );
        }
        let counts = city.answers.get(question);
        if (counts === undefined) city.answers.set(question, (counts = new Map()));
        const answer = valueAt(cells, answerAt);
        counts.set(answer, (counts.get(answer) ?? 0) + 1);
        return undefined;
      };
    },
    documents(layout) {
      const [cityAt, standardAt, verdictAt, reviewerAt, noteAt] = columnsAt(
        layout,
        "city_id",
        "standard_id",
        "verdict",
        "reviewer",
        "note",
      );
      return (cells) => {
        const cityId = valueAt(cells, cityAt);
        const city = byCity.get(cityId);
        if (city === undefined) return unknownCity(cityId);
        const standardId = valueAt(cells, standardAt);
        const placed = index.standardById.get(standardId);
        if (placed === undefined) return refuse("unknown_standard", `standard_id ${quoted(standardId)} is not a standard of the rule set`);
        if (placed.standard.method !== "document") {
          return refuse(
            "not_document_standard",
            `standard ${quoted(standardId)} is scored by ${placed.standard.method}, not by document review`,
          );
        }
        const verdictText = valueAt(cells, verdictAt);
        const verdict = parseVerdict(verdictText);
        if (verdict === undefined)
          return refuse("bad_verdict", `verdict ${quoted(verdictText)} is not met/partial/unmet (达标/基本达标/未达标)`);
        let verdicts = city.documents.get(standardId);
        if (verdicts === undefined) city.documents.set(standardId, (verdicts = []));
        const reviewer = valueAt(cells, reviewerAt);
        const note = valueAt(cells, noteAt);
        verdicts.push({ verdict, reviewer: reviewer === "" ? undefined : reviewer, note: note === "" ? undefined : note });
        return undefined;
      };
    },
    facts(layout) {
      const [cityAt, factAt, valueColumnAt] = columnsAt(layout, "city_id", "fact", "value");
      return (cells) => {
        const cityId = valueAt(cells, cityAt);
        const city = byCity.get(cityId);
        if (city === undefined) return unknownCity(cityId);
        const valueText = valueAt(cells, valueColumnAt);
        const value = parseNumber(valueText);
        if (value === undefined) return refuse("bad_value", `value ${quoted(valueText)} is not a finite number`);
        const fact = valueAt(cells, factAt);
        if (city.facts.has(fact))
          return refuse("duplicate", `fact ${quoted(fact)} of city ${quoted(cityId)} is given twice; the first is kept`);
        city.facts.set(fact, value);
        return undefined;
      };
    },
  };

  return {
    rejects,
    accounts,
    evidence: () => ({ cities, byCity }),
    open(layout, fileName = EVIDENCE_FILE_NAMES[layout.kind]) {
      const account: FileAccount = { name: fileName, rows: 0, accepted: 0, skipped: 0, rejected: 0 };
      accounts.push(account);
      const judge = judges[layout.kind](layout);
      const required = requiredColumns(layout.kind);
      const requiredAt = required.map((column) => layout.index.get(column) as number);
      const roundAt = layout.index.get("round");
      const cityAt = layout.index.get("city_id");
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
          const undecodable = cells.findIndex((cell) => cell.includes("\uFFFD"));
          if (undecodable >= 0) {
            const column = layout.header[undecodable] ?? `column ${undecodable + 1}`;
            return reject(
              line,
              csvLine(cells),
              "malformed_row",
              `malformed row: ${column} holds bytes that are not valid in the file's encoding (shown as \uFFFD)`,
            );
          }
          for (let i = 0; i < requiredAt.length; i++) {
            const at = requiredAt[i] as number;
            if ((cells[at] as string).trim() === "")
              return reject(line, csvLine(cells), "missing_value", `required value ${required[i]} is empty`);
          }
          if (roundAt !== undefined && (cells[roundAt] as string).trim() !== round) {
            account.skipped++;
            return;
          }
          const refusal = judge(cells);
          if (refusal === undefined) account.accepted++;
          else reject(line, csvLine(cells), refusal.code, refusal.detail);
        },
      };
    },
  };
}
