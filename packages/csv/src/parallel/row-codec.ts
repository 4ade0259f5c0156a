/**
 * The compact form in which a parse worker sends rows to the main thread: numbers in an
 * `Int32Array` (moved, not copied) and the strings the main thread has not seen yet. A cell
 * value that repeats (a city id, a question, a site id, an answer code) is sent once per
 * segment and then by number, so the main thread builds no new string for it, and looks it up
 * in its maps with the hash it has already computed. Columns whose values rarely repeat
 * (photo names, free notes) stop being numbered after a short trial, so the dictionary stays
 * small.
 *
 * Layout of `codes`, item after item: a row is `line, n, v1 … vn` where each `v` is a
 * dictionary number (>= 0), NEW (the next string, which also joins the dictionary) or RAW (the
 * next string, not kept); a malformed row is `line, MALFORMED` with two strings (raw, detail).
 */
import type { RowSink } from "../parse-rows.js";

const NEW = -2;
const RAW = -1;
const MALFORMED = -1;

/** Columns from this index on are never numbered. */
const MAX_COLUMNS = 32;
/** Values longer than this are never numbered. */
const MAX_LENGTH = 64;
/** After this many values of a column, numbering stops if most of them were new. */
const TRIAL = 512;
/** The dictionary stops growing at this size. */
const MAX_ENTRIES = 1 << 18;

/** One batch of encoded rows, as posted to the main thread. */
export interface EncodedBatch {
  readonly codes: Int32Array<ArrayBuffer>;
  /** The batch's strings, as a JSON array. */
  readonly strings: string;
}

/** Encodes rows on the worker side. One encoder per segment. */
export class RowEncoder {
  #codes: Int32Array<ArrayBuffer> = new Int32Array(1 << 15);
  #length = 0;
  #strings: string[] = [];
  readonly #dictionary = new Map<string, number>();
  readonly #seen = new Int32Array(MAX_COLUMNS);
  readonly #added = new Int32Array(MAX_COLUMNS);
  readonly #numbered = new Uint8Array(MAX_COLUMNS).fill(1);
  #rows = 0;

  /** Rows (and malformed rows) since the last `take`. */
  get rows(): number {
    return this.#rows;
  }

  row(cells: readonly string[], line: number): void {
    const n = cells.length;
    this.#reserve(2 + n);
    const codes = this.#codes;
    codes[this.#length++] = line;
    codes[this.#length++] = n;
    for (let i = 0; i < n; i++) {
      const value = cells[i] as string;
      if (i < MAX_COLUMNS && this.#numbered[i] === 1 && value.length <= MAX_LENGTH) {
        const id = this.#dictionary.get(value);
        const seen = (this.#seen[i] as number) + 1;
        this.#seen[i] = seen;
        if (id !== undefined) {
          codes[this.#length++] = id;
          continue;
        }
        if (this.#dictionary.size < MAX_ENTRIES) {
          this.#dictionary.set(value, this.#dictionary.size);
          codes[this.#length++] = NEW;
          this.#strings.push(value);
          const added = (this.#added[i] as number) + 1;
          this.#added[i] = added;
          if (seen >= TRIAL && added * 2 > seen) this.#numbered[i] = 0;
          continue;
        }
      }
      codes[this.#length++] = RAW;
      this.#strings.push(value);
    }
    this.#rows++;
  }

  malformed(line: number, raw: string, detail: string): void {
    this.#reserve(2);
    this.#codes[this.#length++] = line;
    this.#codes[this.#length++] = MALFORMED;
    this.#strings.push(raw, detail);
    this.#rows++;
  }

  /** The rows encoded since the last call (the codes array can be transferred). */
  take(): EncodedBatch {
    const batch = { codes: this.#codes.slice(0, this.#length), strings: JSON.stringify(this.#strings) };
    this.#length = 0;
    this.#strings = [];
    this.#rows = 0;
    return batch;
  }

  #reserve(n: number): void {
    if (this.#length + n <= this.#codes.length) return;
    const grown = new Int32Array(Math.max(this.#codes.length * 2, this.#length + n));
    grown.set(this.#codes.subarray(0, this.#length));
    this.#codes = grown;
  }
}

/** Decodes the batches of one segment on the main thread, in the order they were encoded. */
export class RowDecoder {
  readonly #dictionary: string[] = [];

  /** Hands every item of `batch` to `sink`, adding `lineOffset` to its line. */
  decode(batch: EncodedBatch, sink: RowSink, lineOffset: number): void {
    const { codes } = batch;
    const strings = JSON.parse(batch.strings) as string[];
    const dictionary = this.#dictionary;
    let s = 0;
    let p = 0;
    while (p < codes.length) {
      const line = (codes[p++] as number) + lineOffset;
      const n = codes[p++] as number;
      if (n === MALFORMED) {
        const raw = strings[s++] as string;
        sink.malformed(line, raw, strings[s++] as string);
        continue;
      }
      const cells: string[] = [];
      for (let i = 0; i < n; i++) {
        const v = codes[p++] as number;
        if (v >= 0) cells.push(dictionary[v] as string);
        else {
          const value = strings[s++] as string;
          if (v === NEW) dictionary.push(value);
          cells.push(value);
        }
      }
      sink.row(cells, line);
    }
  }
}
