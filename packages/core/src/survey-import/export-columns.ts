/**
 * Where the columns of a survey map are in one export's header (SPEC section 7): the round,
 * city and respondent columns, each question's, and what the screens read. Every column the
 * export lacks, fits twice, or that two map entries both find, is an issue with its map path and
 * the export's name — all of them at once, before any row is read.
 */
import type { SurveyMapIssue } from "./check-map.js";
import { findColumn, headerText } from "./find-column.js";
import type { SurveyMap } from "./map-schema.js";

/** Where the columns of the map are in one export. */
export interface Columns {
  readonly round: number | null;
  readonly city: number | null;
  readonly respondent: number;
  readonly questions: readonly number[];
  readonly duplicateBy: readonly number[];
  readonly duration: { readonly column: number } | { readonly start: number; readonly end: number } | null;
}

/** The columns found, or every issue. */
export type ColumnsFound = { ok: true; columns: Columns } | { ok: false; issues: SurveyMapIssue[] };

const quoted = (text: string) => JSON.stringify(text);

/** Finds the columns of `map` in `header` of the export `file`. */
export function exportColumns(map: SurveyMap, header: readonly string[], file: string): ColumnsFound {
  const texts = header.map(headerText);
  const issues: SurveyMapIssue[] = [];
  const owner = new Map<number, string>();
  const find = (text: string, path: (string | number)[], what: string): number => {
    const found = findColumn(texts, text, map.platform);
    if (!found.ok) {
      issues.push({ code: found.code, path, file, message: `${what}: ${found.message} in ${file}` });
      return -1;
    }
    const before = owner.get(found.index);
    if (before !== undefined) {
      issues.push({
        code: "duplicate_column",
        path,
        file,
        message: `${what}: ${quoted(text)} finds the column ${quoted(texts[found.index] ?? "")} that ${before} already uses`,
      });
    } else owner.set(found.index, what);
    return found.index;
  };
  const round = "column" in map.round ? find(map.round.column, ["round", "column"], "round") : null;
  const city = "column" in map.city ? find(map.city.column, ["city", "column"], "city") : null;
  const respondent = find(
    map.respondent.column,
    map.respondent.defaulted ? ["respondent"] : ["respondent", "column"],
    map.respondent.defaulted ? `respondent (the ${map.platform} default ${quoted(map.respondent.column)})` : "respondent",
  );
  const questions = map.questions.map((q) => find(q.column, ["questions", q.id, "column"], `question ${q.id}`));
  // screens read columns that questions may also use (an IP is no question, but a time column could be anything)
  const lookup = (text: string, path: (string | number)[], what: string): number => {
    const found = findColumn(texts, text, map.platform);
    if (found.ok) return found.index;
    issues.push({ code: found.code, path, file, message: `${what}: ${found.message} in ${file}` });
    return -1;
  };
  const duplicateBy = map.screens.duplicateBy.map((text, i) => lookup(text, ["screens", "duplicateBy", i], "duplicateBy"));
  let duration: Columns["duration"] = null;
  const wanted = map.screens.duration;
  if (wanted !== null && "column" in wanted) {
    const path = wanted.defaulted ? ["screens", "minSeconds"] : ["screens", "durationColumn"];
    duration = {
      column: lookup(wanted.column, path, wanted.defaulted ? `minSeconds (问卷星's ${quoted(wanted.column)})` : "durationColumn"),
    };
  } else if (wanted !== null) {
    const what = "minSeconds (KoboToolbox's start and end)";
    duration = { start: lookup(wanted.start, ["screens", "minSeconds"], what), end: lookup(wanted.end, ["screens", "minSeconds"], what) };
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, columns: { round, city, respondent, questions, duplicateBy, duration } };
}
