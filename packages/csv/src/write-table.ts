/**
 * Writes a table as CSV with @fast-csv/format: UTF-8 with BOM (Excel on Chinese Windows
 * opens it correctly), every cell neutralised against formula injection. The rows go through
 * fast-csv's row formatter directly, without its stream's per-row buffers and callbacks, in
 * pieces that can be written as they come.
 */
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

/**
 * The CSV text of a table in pieces of about a mebi-character, the first starting with the
 * byte-order mark; their UTF-8 bytes, one after the other, are the file.
 */
export function* tableCsvPieces(table: Table): Generator<string> {
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

/** The CSV bytes of a table. */
export async function tableToCsv(table: Table): Promise<Buffer> {
  return Buffer.from(Array.from(tableCsvPieces(table)).join(""), "utf8");
}
