/**
 * Writes a table as CSV with @fast-csv/format: UTF-8 with BOM (Excel on Chinese Windows
 * opens it correctly), every cell neutralised against formula injection. A table is either one
 * of core's definitions over its source (the outputs: header = the columns' keys, list cells
 * joined with `;`) or plain header and rows. The rows go through fast-csv's row formatter
 * directly, without its stream's per-row buffers and callbacks, in pieces that can be written
 * as they come.
 */
import { flatCell, layOutTable, type TableDefinition } from "@civitas/core";
import { FormatterOptions } from "@fast-csv/format";
// fast-csv's synchronous row formatter (the engine inside its stream). Pinned version: see
// package.json.
import { RowFormatter } from "@fast-csv/format/build/src/formatter/RowFormatter.js";
import { neutralise } from "./neutralise.js";

export type Cell = string | number | boolean | null | undefined;

/** A table: its header and its rows. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: Iterable<readonly Cell[]>;
}

const BOM = "\ufeff";
/** About this many characters per piece. */
const PIECE = 1 << 20;

/** A table definition over its source as a plain table: keys as the header, lists joined. */
function plainTable<Source, Row>(definition: TableDefinition<Source, Row>, source: Source): Table {
  const laidOut = layOutTable(definition, source);
  return {
    header: laidOut.columns.map((c) => c.key),
    rows: {
      *[Symbol.iterator]() {
        for (const cells of laidOut.rows) yield cells.map(flatCell);
      },
    },
  };
}

/**
 * The CSV text of a table (a definition over its source, or a plain table) in pieces of about
 * a mebi-character, the first starting with the byte-order mark; their UTF-8 bytes, one after
 * the other, are the file.
 */
export function tableCsvPieces<Source, Row>(definition: TableDefinition<Source, Row>, source: Source): Generator<string>;
export function tableCsvPieces(table: Table): Generator<string>;
export function tableCsvPieces<Source, Row>(table: Table | TableDefinition<Source, Row>, source?: Source): Generator<string> {
  return csvPieces("header" in table ? table : plainTable(table, source as Source));
}

function* csvPieces(table: Table): Generator<string> {
  const formatter = new RowFormatter<string[], string[]>(
    new FormatterOptions({ writeBOM: true, headers: false, rowDelimiter: "\r\n", alwaysWriteHeaders: false }),
  );
  let piece = BOM;
  const add = (row: readonly Cell[]) => {
    formatter.format(row.map(neutralise), (error, rows) => {
      if (error !== null) throw error;
      for (const text of rows ?? []) piece += text;
    });
  };
  add(table.header);
  for (const row of table.rows) {
    add(row);
    if (piece.length >= PIECE) {
      yield piece;
      piece = "";
    }
  }
  formatter.finish((error, rows) => {
    if (error !== null) throw error;
    for (const text of rows ?? []) piece += text;
  });
  if (piece !== "") yield piece;
}

/** The CSV bytes of a table (a definition over its source, or a plain table). */
export async function tableToCsv<Source, Row>(definition: TableDefinition<Source, Row>, source: Source): Promise<Buffer>;
export async function tableToCsv(table: Table): Promise<Buffer>;
export async function tableToCsv<Source, Row>(table: Table | TableDefinition<Source, Row>, source?: Source): Promise<Buffer> {
  const pieces = "header" in table ? tableCsvPieces(table) : tableCsvPieces(table, source as Source);
  return Buffer.from(Array.from(pieces).join(""), "utf8");
}
