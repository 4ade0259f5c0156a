/**
 * Reads a survey platform's CSV export (SPEC section 7) as a stream of rows: the encoding
 * detected as for evidence (UTF-8 with or without BOM, GB18030 as 问卷星 and Excel write it on
 * Chinese Windows), the field separator detected from the header line (`,`, or `;` as
 * KoboToolbox may write it), fast-csv's parser, and every row with its line. The rows go to the
 * core's survey import; this module only reads.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { detectFileEncoding, type EvidenceEncoding } from "./detect-encoding.js";
import { ChunkedRowParser, type RowSink } from "./parse-rows.js";
import { decoderFor, readHead } from "./read-evidence-file.js";
import { ParallelRead, SPLIT_MIN_BYTES } from "./parallel/read-in-parallel.js";

const CHUNK = 256 * 1024;

/** What a survey export turned out to be. */
export interface SurveyExportRead {
  readonly encoding: EvidenceEncoding;
  readonly delimiter: "," | ";";
  /** False when the file has no row at all (not even a header). */
  readonly hadHeader: boolean;
}

/**
 * Where an export's rows go: the header first (with the sheet it is on, for a workbook); a
 * header that returns no row sink stops the reading after it.
 */
export interface SurveyExportSink {
  header(cells: string[], sheet?: string): RowSink | undefined;
}

/**
 * The field separator of a CSV from its first line: `;` when it has more `;` than `,` outside
 * quotes (KoboToolbox's "semicolon" CSV), else `,`.
 */
export function detectDelimiter(firstLine: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
  }
  return semicolons > commas ? ";" : ",";
}

/** Thrown inside the parse to stop after the header. */
class Stop extends Error {}

/**
 * Streams the CSV export at `path`: its first row to `sink.header`, every later row (and every
 * malformed one) to the row sink that returned. An empty file gives `hadHeader: false`. A large
 * comma-separated export (4 MiB or more) is parsed on worker threads after its header, as large
 * evidence is; its rows and lines are the same.
 */
export async function readSurveyExport(path: string, sink: SurveyExportSink): Promise<SurveyExportRead> {
  const head = await readHead(path);
  const encoding = await detectFileEncoding(path, head);
  // the header alone first (the reading stops after it), so the caller can check it
  let header: string[] | undefined;
  const first = await streamExport(path, encoding, {
    header: (cells) => {
      header = cells;
      return undefined;
    },
  });
  if (header === undefined) return first;
  const rows = sink.header(header);
  if (rows === undefined) return first;
  if (first.delimiter !== "," || (await stat(path)).size < SPLIT_MIN_BYTES) return streamExport(path, encoding, { header: () => rows });
  const parallel = new ParallelRead([path]);
  try {
    let line1 = true;
    await parallel.read(0, {
      // the first row is the header, given above
      row: (cells, line) => (line1 ? (line1 = false) : rows.row(cells, line)),
      malformed: (line, raw, detail) => (line1 ? (line1 = false) : rows.malformed(line, raw, detail)),
    });
  } finally {
    await parallel.close();
  }
  return first;
}

/** Streams the whole export on this thread. */
async function streamExport(path: string, encoding: EvidenceEncoding, sink: SurveyExportSink): Promise<SurveyExportRead> {
  const decoder = decoderFor(encoding);
  let rows: RowSink | undefined;
  let hadHeader = false;
  let parser: ChunkedRowParser | undefined;
  let delimiter: "," | ";" = ",";
  let pending = "";
  const receiver: RowSink = {
    row(cells, line) {
      if (!hadHeader) {
        hadHeader = true;
        rows = sink.header(cells);
        if (rows === undefined) throw new Stop();
        return;
      }
      rows?.row(cells, line);
    },
    malformed(line, raw, detail) {
      if (!hadHeader) {
        // a header with broken quoting: give it as one cell, the import names what it lacks
        hadHeader = true;
        rows = sink.header([raw]);
        if (rows === undefined) throw new Stop();
        return;
      }
      rows?.malformed(line, raw, detail);
    },
  };
  const feed = (text: string, final: boolean) => {
    if (parser === undefined) {
      pending += text;
      // the separator is decided on the whole first line
      if (!final && !/[\r\n]/.test(pending)) return;
      delimiter = detectDelimiter(pending);
      parser = new ChunkedRowParser(receiver, 1, delimiter);
      text = pending;
      pending = "";
    }
    parser.push(text, final);
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) feed(decoder.write(chunk as Buffer), false);
    feed(decoder.end(), true);
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return { encoding, delimiter, hadHeader };
}
