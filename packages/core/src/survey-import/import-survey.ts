/**
 * Survey import in one call, for exports already in memory (an integration, a test): checks
 * the map, finds every export's columns before reading any row, and reads the rows. The CLI
 * streams files through `SurveyImport` instead; both give the same result.
 */
import { checkSurveyMap, type SurveyMapIssue } from "./check-map.js";
import { SurveyImportError } from "../errors.js";
import { exportIdPrefixes } from "./export-prefixes.js";
import type { SurveyMap } from "./map-schema.js";
import { type ExportReader, SurveyImport, type SurveyImportResult } from "./survey-import.js";

/** One export in memory: its file name, its sheet (workbooks), and its rows, the header first. */
export interface SurveyExport {
  readonly file: string;
  readonly sheet?: string;
  /** Rows of cells; the first is the header; row i is line i + 1. */
  readonly rows: readonly (readonly string[])[];
  /** Rows may be shorter than the header (as a workbook gives them). */
  readonly ragged?: boolean;
}

/**
 * Imports wide exports with a map (data as parsed from YAML, or a checked `SurveyMap`).
 * Throws a `SurveyImportError` listing every problem of the map and of the exports' headers.
 *
 * @example
 * const result = importSurvey(
 *   { platform: "wjx", round: 2024, city: { value: "hangzhou" },
 *     questions: { Q01: { column: "3、", answers: { 满意: "A", 不满意: "D" } } } },
 *   [{ file: "wjx.csv", rows: [["序号", "3、您满意吗？"], ["1", "满意"], ["2", "不满意"]] }],
 * );
 * result.totals.written; // 2
 */
export function importSurvey(map: unknown, exports: readonly SurveyExport[]): SurveyImportResult {
  const checked = isSurveyMap(map) ? { ok: true as const, map } : checkSurveyMap(map);
  if (!checked.ok) throw SurveyImportError.invalidMap(checked.issues);
  const prefixes = exportIdPrefixes(exports.map((e) => e.file));
  const importer = new SurveyImport(checked.map);
  const readers: ExportReader[] = [];
  const issues: SurveyMapIssue[] = [];
  exports.forEach((exported, i) => {
    const [header] = exported.rows;
    if (header === undefined)
      throw new SurveyImportError({ code: "empty_export", file: exported.file, message: `${exported.file} is empty: no header row` });
    const prefix = prefixes[i];
    const opened = importer.open(header, {
      file: exported.file,
      ...(exported.sheet === undefined ? {} : { sheet: exported.sheet }),
      ...(prefix === undefined ? {} : { idPrefix: prefix }),
      ...(exported.ragged === undefined ? {} : { ragged: exported.ragged }),
    });
    if (opened.ok) readers.push(opened.reader);
    else issues.push(...opened.issues);
  });
  if (issues.length > 0) throw SurveyImportError.invalidMap(issues);
  exports.forEach((exported, i) => {
    const reader = readers[i] as ExportReader;
    exported.rows.forEach((cells, line) => {
      if (line > 0) reader.row(cells, line + 1);
    });
    reader.finish();
  });
  return importer.result();
}

function isSurveyMap(value: unknown): value is SurveyMap {
  return typeof value === "object" && value !== null && Array.isArray((value as { questions?: unknown }).questions);
}
