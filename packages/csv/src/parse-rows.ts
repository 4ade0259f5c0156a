/**
 * Drives fast-csv's parser over decoded text chunk by chunk, yielding each row with the line
 * it starts on. Blank lines are not rows. A chunk fast-csv cannot parse is split into
 * records and parsed record by record, so that only the broken rows are reported (as
 * malformed) and every other row still comes through.
 */
import { ParserOptions } from "@fast-csv/parse";
// fast-csv's synchronous parser (the engine inside its stream), used without the stream's
// per-row overhead. Pinned version: see package.json.
import { Parser } from "@fast-csv/parse/build/src/parser/Parser.js";
import { splitRecords } from "./record-splitter.js";

/** What the row parser reports. */
export interface RowSink {
  row(cells: string[], line: number): void;
  malformed(line: number, raw: string, detail: string): void;
}

/** Pending text above this size without a complete row counts as a stalled record. */
const STALL_SIZE = 1024 * 1024;

const countNewlines = (cells: readonly string[]): number => {
  let n = 0;
  for (const cell of cells) {
    if (cell.length === 0) continue;
    for (let at = cell.indexOf("\n"); at !== -1; at = cell.indexOf("\n", at + 1)) n++;
  }
  return n;
};

/** A stateful parser of CSV text fed in chunks. */
export class ChunkedRowParser {
  readonly #parser: Parser;
  #pending = "";
  #line = 1;
  #waitUntil = 0;
  #stalled = false;
  #quoteSeen = false;
  readonly #sink: RowSink;

  /** `firstLine` is the line the text starts on (1 for a whole file); `delimiter` separates fields (`,`). */
  constructor(sink: RowSink, firstLine = 1, delimiter = ",") {
    this.#sink = sink;
    this.#line = firstLine;
    this.#parser = new Parser(new ParserOptions({ headers: false, ignoreEmpty: false, delimiter }));
  }

  /** The line the next row starts on (after the last piece: one past the last line). */
  get line(): number {
    return this.#line;
  }

  /** Feeds the next piece of text; `final` on the last one. */
  push(text: string, final = false): void {
    const input = this.#pending + text;
    // A record longer than the chunks (a huge cell, or an unterminated quote) is re-scanned
    // only when a quote arrives that may close it and the buffer has doubled, which keeps the
    // work linear in the file size; at the end an open quote is found by the cheap splitter.
    if (this.#stalled) {
      if (text.includes('"')) this.#quoteSeen = true;
      if (!final && (!this.#quoteSeen || input.length < this.#waitUntil)) {
        this.#pending = input;
        return;
      }
      if (final && !this.#quoteSeen) {
        this.#recover(input, true);
        return;
      }
    }
    this.#quoteSeen = false;
    let parsed: { line: string; rows: string[][] };
    try {
      parsed = this.#parser.parse(input, !final);
    } catch {
      this.#recover(input, final);
      return;
    }
    // Without a quote in the text parsed, no cell holds a line break: one line per row.
    const quote = input.indexOf('"');
    this.#emit(parsed.rows, quote !== -1 && quote < input.length - parsed.line.length);
    this.#pending = parsed.line;
    this.#stalled = parsed.rows.length === 0 && input.length > STALL_SIZE;
    this.#waitUntil = input.length * 2;
    if (final && this.#pending.trim() !== "") this.#recover(this.#pending, true);
  }

  #emit(rows: readonly string[][], quoted = true): void {
    for (const cells of rows) {
      const line = this.#line;
      this.#line += quoted ? 1 + countNewlines(cells) : 1;
      if (cells.length === 0) continue; // a blank line is not a row
      this.#sink.row(cells, line);
    }
  }

  /** Parses record by record; records fast-csv refuses are reported as malformed. */
  #recover(input: string, final: boolean): void {
    const { records, rest, unterminated } = splitRecords(input, this.#line, final);
    this.#stalled = false;
    for (const [i, record] of records.entries()) {
      let rows: string[][];
      try {
        if (final && unterminated && i === records.length - 1) throw new Error("missing closing quote");
        rows = this.#parser.parse(record.text, false).rows;
      } catch (error) {
        const raw = record.text.replace(/\r?\n$|\r$/, "");
        const spans = raw.match(/\n/g)?.length ?? 0;
        const lines = spans === 0 ? "" : ` (lines ${record.line}–${record.line + spans} read as this one record)`;
        const detail = /missing closing/.test(String(error)) ? `a quoted field is never closed${lines}` : `broken quoting${lines}`;
        this.#sink.malformed(record.line, raw, detail);
        this.#line = record.line + 1 + spans;
        continue;
      }
      this.#line = record.line;
      this.#emit(rows);
    }
    this.#pending = rest;
  }
}
