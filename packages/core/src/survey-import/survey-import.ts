/**
 * The import of survey-platform exports (SPEC section 7), row by row: each respondent row of
 * each export becomes one long survey.csv answer per mapped question, and every respondent ×
 * mapped question is accounted for — written, unanswered, rejected or screened. An adapter
 * opens each export with its header (columns found before any row is read), feeds the rows,
 * and takes the result: the respondents with their answer codes, the rejected and screened
 * rows, and the counts per export and in total. Pure: no files, no clock.
 *
 * Order of judgement for a respondent row: a malformed row; a missing round, city or respondent
 * id (`missing_value`); a city value the map does not map (`unknown_city`); a respondent id seen
 * before in the same export (`duplicate_respondent`, the first kept); with `minSeconds`, a time
 * that cannot be read (`bad_duration`) — each rejects the whole respondent. Then the screens
 * drop the whole respondent: faster than `minSeconds` (`min_seconds`), then the same
 * `duplicateBy` values as an earlier respondent that was kept (`duplicate`). Then each mapped
 * question's cell is judged on its own (`judgeCell`).
 */
import { csvLine } from "../evidence/values.js";
import { judgeCell } from "./answer-cell.js";
import type { SurveyMapIssue } from "./check-map.js";
import { type Columns, type ColumnsFound, exportColumns } from "./export-columns.js";
import { parseSeconds, secondsBetween } from "./duration.js";
import { headerText } from "./find-column.js";
import {
  SURVEY_REJECT_CODES,
  SURVEY_SCREEN_CODES,
  type SurveyReject,
  type SurveyRejectCode,
  type SurveyScreenCode,
} from "./import-codes.js";
import type { ExportCounts, ImportCounts, ImportedRespondent, SurveyImportResult } from "./import-result.js";
import type { SurveyMap } from "./map-schema.js";

export type { ExportCounts, ImportCounts, ImportedRespondent, SurveyImportResult } from "./import-result.js";

/** How one export is read: its name (file name), sheet, and the prefix of its respondent ids. */
export interface ExportOptions {
  readonly file: string;
  readonly sheet?: string;
  /** Prefix making respondent ids unique across exports: written as `<prefix>:<id>`. */
  readonly idPrefix?: string;
  /** Rows may be shorter than the header (a workbook leaves trailing empty cells out); CSV rows may not. */
  readonly ragged?: boolean;
}

/** Reads the rows of one opened export. */
export interface ExportReader {
  /** One data row with its line (1-based; the header is line 1). */
  row(cells: readonly string[], line: number): void;
  /** A row the parser could not read (broken quoting): the whole respondent is rejected. */
  malformed(line: number, raw: string, detail: string): void;
  /** The counts of this export, once its rows are read. */
  finish(): ExportCounts;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const zero = (): Mutable<ImportCounts> => ({
  respondents: 0,
  written: 0,
  unanswered: 0,
  rejected: 0,
  screened: 0,
  respondentsRejected: 0,
  respondentsScreened: 0,
});
const quoted = (text: string) => JSON.stringify(text);

/** An import of one or more exports with one map. */
export class SurveyImport {
  readonly #map: SurveyMap;
  readonly #respondents: ImportedRespondent[] = [];
  readonly #rejects: SurveyReject[] = [];
  readonly #exports: ExportCounts[] = [];
  /** duplicateBy values of the respondents kept so far, across exports → where the first is. */
  readonly #seenKeys = new Map<string, string>();

  constructor(map: SurveyMap) {
    this.#map = map;
  }

  /** Finds the map's columns in `header`; every column the export lacks (or has twice) is an issue. */
  columnsOf(header: readonly string[], file: string): ColumnsFound {
    return exportColumns(this.#map, header, file);
  }

  /** Opens an export by its header: a reader of its rows, or the issues of its columns. */
  open(header: readonly string[], options: ExportOptions): { ok: true; reader: ExportReader } | { ok: false; issues: SurveyMapIssue[] } {
    const found = this.columnsOf(header, options.file);
    if (!found.ok) return found;
    return { ok: true, reader: this.#reader(found.columns, header, options) };
  }

  #reader(columns: Columns, header: readonly string[], options: ExportOptions): ExportReader {
    const map = this.#map;
    const counts = zero();
    const questionCount = map.questions.length;
    const ids = new Set<string>();
    const sheet = options.sheet ?? null;
    const headers = header.map(headerText);
    const width = header.length;
    // the raw row is written out only for the rows that are rejected or screened
    type Raw = string | readonly string[];
    const rawText = (raw: Raw) => (typeof raw === "string" ? raw : csvLine(raw as string[]));
    const reject = (line: number, raw: Raw, fields: Partial<SurveyReject> & Pick<SurveyReject, "code" | "reason" | "outcome">) =>
      this.#rejects.push({
        file: options.file,
        sheet,
        line,
        respondentId: null,
        questionId: null,
        column: null,
        ...fields,
        raw: rawText(raw),
      });
    const dropWhole = (line: number, raw: Raw, code: SurveyRejectCode, detail: string, respondentId: string | null = null) => {
      counts.rejected += questionCount;
      counts.respondentsRejected++;
      reject(line, raw, { code, outcome: "rejected", reason: `${SURVEY_REJECT_CODES[code]}: ${detail}`, respondentId });
    };
    const screen = (line: number, raw: Raw, code: SurveyScreenCode, detail: string, respondentId: string) => {
      counts.screened += questionCount;
      counts.respondentsScreened++;
      reject(line, raw, { code, outcome: "screened", reason: `${SURVEY_SCREEN_CODES[code]}: ${detail}`, respondentId });
    };
    const cell = (cells: readonly string[], at: number | null) => (at === null ? "" : (cells[at] ?? "").trim());
    const durationOf = (cells: readonly string[]): { seconds: number | undefined; shown: string } | undefined => {
      const d = columns.duration;
      if (d === null) return undefined;
      if ("column" in d) {
        const text = cell(cells, d.column);
        return { seconds: parseSeconds(text), shown: `${headers[d.column]} ${quoted(text)}` };
      }
      const start = cell(cells, d.start);
      const end = cell(cells, d.end);
      return { seconds: secondsBetween(start, end), shown: `start ${quoted(start)}, end ${quoted(end)}` };
    };

    return {
      malformed: (line, raw, detail) => {
        counts.respondents++;
        dropWhole(line, raw, "malformed_row", detail);
      },
      row: (cells, line) => {
        if (cells.every((c) => c.trim() === "")) return; // no value at all: not a row
        counts.respondents++;
        const raw = cells;
        if (cells.length > width || (cells.length < width && options.ragged !== true)) {
          dropWhole(line, raw, "malformed_row", `${cells.length} fields where the header has ${width}`);
          return;
        }
        const round = "value" in map.round ? map.round.value : cell(cells, columns.round);
        const cityText = "value" in map.city ? map.city.value : cell(cells, columns.city);
        const rawId = cell(cells, columns.respondent);
        const missing = [
          round === "" ? `round (${headers[columns.round ?? -1] ?? "round"})` : null,
          cityText === "" ? `city (${headers[columns.city ?? -1] ?? "city"})` : null,
          rawId === "" ? `respondent id (${headers[columns.respondent]})` : null,
        ].filter((m): m is string => m !== null);
        if (missing.length > 0) {
          dropWhole(line, raw, "missing_value", `no ${missing.join(", ")}`);
          return;
        }
        const respondentId = options.idPrefix === undefined ? rawId : `${options.idPrefix}:${rawId}`;
        let cityId = cityText;
        if ("column" in map.city && map.city.values !== null) {
          const mapped = map.city.values.get(cityText);
          if (mapped === undefined) {
            dropWhole(
              line,
              raw,
              "unknown_city",
              `${headers[columns.city ?? -1]} ${quoted(cityText)} is not in the map's city values`,
              respondentId,
            );
            return;
          }
          cityId = mapped;
        }
        if (ids.has(rawId)) {
          dropWhole(
            line,
            raw,
            "duplicate_respondent",
            `respondent ${quoted(rawId)} appears earlier in ${options.file}; the first is kept`,
            respondentId,
          );
          return;
        }
        ids.add(rawId);
        const took = durationOf(cells);
        if (took !== undefined && took.seconds === undefined) {
          dropWhole(line, raw, "bad_duration", `${took.shown} is not a time taken`, respondentId);
          return;
        }
        const minSeconds = map.screens.minSeconds;
        if (took?.seconds !== undefined && minSeconds !== null && took.seconds < minSeconds) {
          screen(line, raw, "min_seconds", `${took.shown} is ${took.seconds} s, under ${minSeconds} s`, respondentId);
          return;
        }
        if (columns.duplicateBy.length > 0) {
          const values = columns.duplicateBy.map((at) => cell(cells, at));
          // a row without any of the values has nothing to be a duplicate of
          if (values.some((v) => v !== "")) {
            const key = values.join("\u0000");
            const first = this.#seenKeys.get(key);
            if (first !== undefined) {
              const shown = columns.duplicateBy.map((at, i) => `${headers[at]} ${quoted(values[i] ?? "")}`).join(", ");
              screen(line, raw, "duplicate", `${shown}, as the respondent kept at ${first}`, respondentId);
              return;
            }
            this.#seenKeys.set(key, `${options.file}${sheet === null ? "" : ` (${sheet})`} line ${line}`);
          }
        }
        const answers = new Array<string | undefined>(questionCount);
        let written = 0;
        for (let q = 0; q < questionCount; q++) {
          const question = map.questions[q] as (typeof map.questions)[number];
          const at = columns.questions[q] as number;
          const text = cell(cells, at);
          const judged = judgeCell(text, question.answers, map.platform);
          if (judged.kind === "answer") {
            answers[q] = judged.code;
            written++;
          } else if (judged.kind === "unanswered") counts.unanswered++;
          else {
            counts.rejected++;
            const detail =
              judged.code === "unknown_answer"
                ? `${quoted(text)} is not an answer text of ${question.id} in the map`
                : `${quoted(text)} holds several answers`;
            reject(line, raw, {
              code: judged.code,
              outcome: "rejected",
              reason: `${SURVEY_REJECT_CODES[judged.code]}: ${question.id} (${headers[at]}): ${detail}`,
              respondentId,
              questionId: question.id,
              column: headers[at] ?? null,
            });
          }
        }
        counts.written += written;
        if (written > 0) this.#respondents.push({ round, cityId, respondentId, answers });
      },
      finish: () => {
        const done: ExportCounts = { file: options.file, sheet, ...counts };
        this.#exports.push(done);
        return done;
      },
    };
  }

  /** The result of every export opened and finished so far. */
  result(): SurveyImportResult {
    const totals = zero();
    for (const counts of this.#exports) {
      for (const key of Object.keys(totals) as (keyof ImportCounts)[]) totals[key] += counts[key];
    }
    return {
      questions: this.#map.questions.map((q) => q.id),
      respondents: this.#respondents,
      rejects: this.#rejects,
      exports: this.#exports,
      totals,
    };
  }
}
