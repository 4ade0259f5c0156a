/**
 * Survey-platform exports read from files into one import (SPEC section 7): every export's
 * header is read and checked against the map first — so a column one export lacks stops the
 * import before any row is read — then each export's rows are streamed through the core's
 * `SurveyImport`. CSV exports are read here; another reader (a workbook's) can be given per file.
 */
import {
  exportIdPrefixes,
  type SurveyImportResult,
  SurveyImport,
  SurveyImportError,
  type SurveyMap,
  type SurveyMapIssue,
} from "@civitas/core";
import type { RowSink } from "./parse-rows.js";
import { readSurveyExport, type SurveyExportSink } from "./read-survey-export.js";

/** What reading one export file found out about it. */
export interface ExportFileRead {
  readonly hadHeader: boolean;
  /** `utf8`, `utf8-bom`, `gb18030`, or `xlsx`. */
  readonly encoding: string;
  /** The field separator of a CSV (`,` or `;`). */
  readonly delimiter?: string;
  /** The sheet read, for a workbook. */
  readonly sheet?: string;
}

/** One export: its path, the name it goes by in survey-rejects.csv, and how to read it (default: CSV). */
export interface ExportFile {
  readonly path: string;
  readonly name: string;
  /** Streams the file: the header to `sink.header`, then the rows; default `readSurveyExport`. */
  readonly read?: (sink: SurveyExportSink) => Promise<ExportFileRead>;
  /** Rows may be shorter than the header (workbooks). */
  readonly ragged?: boolean;
}

/** The import, with what each file turned out to be. */
export interface SurveyFilesImport extends SurveyImportResult {
  readonly files: readonly (ExportFileRead & { readonly name: string })[];
}

const readerOf = (file: ExportFile) => file.read ?? ((sink: SurveyExportSink) => readSurveyExport(file.path, sink));

/**
 * Imports export files with a checked map. Fails with a `SurveyImportError` — every column
 * problem of every export at once, an empty export, two exports of the same name — before any
 * row is read.
 *
 * @example
 * const checked = readSurveyMap(readFileSync("map.yaml", "utf8"), "map.yaml");
 * if (checked.ok) {
 *   const result = await importSurveyFiles(checked.map, [{ path: "wjx.csv", name: "wjx.csv" }]);
 *   writeFileSync("survey.csv", await tableToCsv(SURVEY_TABLE, result));
 * }
 */
export async function importSurveyFiles(map: SurveyMap, files: readonly ExportFile[]): Promise<SurveyFilesImport> {
  const prefixes = exportIdPrefixes(files.map((f) => f.name));
  const importer = new SurveyImport(map);
  const issues: SurveyMapIssue[] = [];
  for (const file of files) {
    let header: string[] | undefined;
    const read = await readerOf(file)({
      header: (cells) => {
        header = cells;
        return undefined;
      },
    });
    if (!read.hadHeader || header === undefined) {
      throw new SurveyImportError({ code: "empty_export", file: file.name, message: `${file.name} is empty: no header row` });
    }
    const found = importer.columnsOf(header, file.name);
    if (!found.ok) issues.push(...found.issues);
  }
  if (issues.length > 0) throw SurveyImportError.invalidMap(issues);
  const reads: (ExportFileRead & { name: string })[] = [];
  for (const [i, file] of files.entries()) {
    let finish: (() => void) | undefined;
    const read = await readerOf(file)({
      header: (cells, sheet): RowSink => {
        const prefix = prefixes[i];
        const opened = importer.open(cells, {
          file: file.name,
          ...(sheet === undefined ? {} : { sheet }),
          ...(prefix === undefined ? {} : { idPrefix: prefix }),
          ...(file.ragged === true ? { ragged: true } : {}),
        });
        // the header was checked above: it cannot fail now unless the file changed under us
        if (!opened.ok) throw SurveyImportError.invalidMap(opened.issues);
        finish = () => opened.reader.finish();
        return opened.reader;
      },
    });
    finish?.();
    reads.push({ name: file.name, ...read });
  }
  return { ...importer.result(), files: reads };
}
