/**
 * Writes a table as CSV with @fast-csv/format: UTF-8 with BOM (Excel on Chinese Windows
 * opens it correctly), every cell neutralised against formula injection.
 */
import { writeToBuffer } from "@fast-csv/format";
import { neutralise } from "./neutralise.js";

export type Cell = string | number | boolean | null | undefined;

/** A table: its header and its rows. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: Iterable<readonly Cell[]>;
}

/** The CSV bytes of a table. */
export async function tableToCsv(table: Table): Promise<Buffer> {
  const rows: string[][] = [table.header.map(neutralise)];
  for (const row of table.rows) rows.push(row.map(neutralise));
  return writeToBuffer(rows, { writeBOM: true, headers: false, rowDelimiter: "\r\n", alwaysWriteHeaders: false });
}
