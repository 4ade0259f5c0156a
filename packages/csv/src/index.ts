/**
 * @civitas/csv — CSV evidence ingest (fast-csv; UTF-8 with or without BOM, GB18030/GBK;
 * Chinese header aliases) and the CSV outputs of a round (UTF-8 with BOM, formulas
 * neutralised).
 *
 * @packageDocumentation
 */
export { readEvidence, type EvidenceRead, type ReadEvidenceOptions } from "./read-evidence.js";
export type { ParallelOptions } from "./parallel/read-in-parallel.js";
export { prefetchEvidence, releasePrefetchedEvidence } from "./parallel/prefetch.js";
export { readEvidenceFile, type FileRead } from "./read-evidence-file.js";
export { detectEncoding, type EvidenceEncoding } from "./detect-encoding.js";
export { ChunkedRowParser, type RowSink } from "./parse-rows.js";
export { splitRecords, type RecordText } from "./record-splitter.js";
export { neutralise } from "./neutralise.js";
export { importSurveyFiles, type ExportFile, type ExportFileRead, type SurveyFilesImport } from "./import-survey-files.js";
export { readSurveyExport, detectDelimiter, type SurveyExportRead, type SurveyExportSink } from "./read-survey-export.js";
export { tableToCsv, tableCsvPieces, type Table, type Cell } from "./write-table.js";
