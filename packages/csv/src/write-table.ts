/**
 * Writes a table as CSV: UTF-8 with BOM (Excel on Chinese Windows opens it correctly), every
 * cell neutralised against formula injection. A table is either one of core's definitions over
 * its source (the outputs: header = the columns' keys, list cells joined with `;`) or plain
 * header and rows. Fields are quoted exactly as @fast-csv/format's row formatter quotes them
 * (`csvRow`, checked against it in the tests), without its per-row callbacks and regular
 * expressions — survey.csv has millions of rows — in pieces that can be written as they come.
 */
import { flatCell, layOutTable, type TableCell, type TableDefinition } from "@civitas/core";
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

/** A table definition over its source as a plain table: keys as the header, lists joined (in place: rows are fresh arrays). */
function plainTable<Source, Row>(definition: TableDefinition<Source, Row>, source: Source): Table {
  const laidOut = layOutTable(definition, source);
  return {
    header: laidOut.columns.map((c) => c.key),
    rows: {
      *[Symbol.iterator]() {
        for (const cells of laidOut.rows) {
          const row = cells as TableCell[];
          for (let i = 0; i < row.length; i++) if (typeof row[i] === "object" && row[i] !== null) row[i] = flatCell(row[i] as TableCell);
          yield row as Cell[];
        }
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

/** Whether `text` holds a character that makes @fast-csv/format quote a field (its escape class also holds `|`), or a NUL, which it drops. */
function special(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10 || c === 124 || c === 0) return true;
  }
  return false;
}

/** One field as @fast-csv/format writes it: NULs dropped; quoted (quotes doubled) when it holds `"`, `,`, `|`, CR or LF. */
export function csvField(text: string): string {
  if (!special(text)) return text;
  const field = text.includes("\0") ? text.replaceAll("\0", "") : text;
  if (field.includes('"')) return `"${field.replaceAll('"', '""')}"`;
  return /[,\r\n|]/.test(field) ? `"${field}"` : field;
}

/** One row of cells, neutralised and quoted, joined with commas (no row delimiter). */
export function csvRow(row: readonly Cell[]): string {
  const fields = new Array<string>(row.length);
  for (let i = 0; i < row.length; i++) fields[i] = csvField(neutralise(row[i]));
  return fields.join(",");
}

function* csvPieces(table: Table): Generator<string> {
  // rows are separated by CRLF, with none after the last (as @fast-csv/format writes them);
  // a piece is joined once from its rows (a string grown row by row is a rope the GC must chase)
  let rows: string[] = [BOM + csvRow(table.header)];
  let size = 0;
  for (const row of table.rows) {
    const text = csvRow(row);
    rows.push(text);
    size += text.length + 2;
    if (size >= PIECE) {
      yield rows.join("\r\n");
      rows = [""];
      size = 0;
    }
  }
  if (rows.length > 1 || rows[0] !== "") yield rows.join("\r\n");
}

/** The CSV bytes of a table (a definition over its source, or a plain table). */
export async function tableToCsv<Source, Row>(definition: TableDefinition<Source, Row>, source: Source): Promise<Buffer>;
export async function tableToCsv(table: Table): Promise<Buffer>;
export async function tableToCsv<Source, Row>(table: Table | TableDefinition<Source, Row>, source?: Source): Promise<Buffer> {
  const pieces = "header" in table ? tableCsvPieces(table) : tableCsvPieces(table, source as Source);
  return Buffer.from(Array.from(pieces).join(""), "utf8");
}
