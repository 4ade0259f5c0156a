/**
 * Where a large CSV file can be cut into segments that parse on their own: ends of records,
 * found by a small state machine over the bytes as they stream past (the quote, comma and
 * newline bytes are ASCII in UTF-8 and GB18030 alike, and never inside a multi-byte
 * character). It follows fast-csv's quoting: a quote opens a quoted field at a field's start,
 * and is a literal character inside a field that began otherwise. Anything it cannot be sure
 * of — a quote after white space, a closing quote not followed by a delimiter — means "no cut
 * from here on": the rest of the file is then one segment, parsed as one piece, exactly as a
 * single thread would. The scan jumps from quote to quote with `indexOf`, so a file without
 * quotes costs almost nothing.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Finds cuts about every `segmentBytes` bytes, each just after a line feed that ends a record.
 * Feed the file's bytes in order with `push`; each call returns the cut offsets found so far
 * (absolute byte offsets where a segment starts).
 */
export class CutFinder {
  readonly #segmentBytes: number;
  /** Absolute offset of the first byte of the next chunk. */
  #base = 0;
  /** The next cut is the first record end at or after this offset. */
  #target: number;
  #quoted = false;
  /** The previous byte was a quote inside a quoted field: it closes it, or escapes a quote. */
  #closing = false;
  /** A closing quote was followed by CR: only LF may come next. */
  #closingCr = false;
  /** The last byte before the current chunk (start of file counts as a line start). */
  #previous = LF;
  /** The field open at the end of the last chunk began with this byte (-1: unknown)… */
  #fieldFirst = -1;
  /** …or begins with the next chunk (the last one ended with a delimiter). */
  #fieldAtChunkStart = true;
  #stopped = false;
  /** Bytes to skip at the start of the file (a byte-order mark). */
  #skip: number;

  /** How bytes beyond ASCII are read; may be set once they first appear (before pushing them). */
  encoding: "utf8" | "gb18030";

  constructor(segmentBytes: number, bomLength = 0, encoding: "utf8" | "gb18030" = "utf8") {
    this.#segmentBytes = segmentBytes;
    this.encoding = encoding;
    this.#target = segmentBytes;
    this.#skip = bomLength;
  }

  /** True once irregular quoting was found: no more cuts. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** Scans the next bytes of the file; returns the cuts found in them. */
  push(chunk: Uint8Array): number[] {
    const cuts: number[] = [];
    const skip = Math.min(this.#skip, chunk.length);
    this.#skip -= skip;
    const bytes = skip === 0 ? chunk : chunk.subarray(skip);
    const base = this.#base + skip;
    const n = bytes.length;
    this.#base += chunk.length;
    if (this.#stopped || n === 0) return cuts;
    let i = 0;
    const cut = (at: number) => {
      // at: index in `bytes` just after a record-ending LF
      if (base + at >= this.#target) {
        cuts.push(base + at);
        this.#target = base + at + this.#segmentBytes;
      }
    };
    while (i < n) {
      if (this.#closing) {
        const c = bytes[i] as number;
        i++;
        if (this.#closingCr) {
          if (c !== LF) return this.#stop(cuts);
          this.#closing = this.#closingCr = this.#quoted = false;
          cut(i);
        } else if (c === QUOTE)
          this.#closing = false; // an escaped quote: still quoted
        else if (c === COMMA) this.#closing = this.#quoted = false;
        else if (c === LF) {
          this.#closing = this.#quoted = false;
          cut(i);
        } else if (c === CR) this.#closingCr = true;
        else return this.#stop(cuts);
        continue;
      }
      if (this.#quoted) {
        const q = bytes.indexOf(QUOTE, i);
        if (q === -1) break;
        this.#closing = true;
        i = q + 1;
        continue;
      }
      const q = bytes.indexOf(QUOTE, i);
      const from = Math.max(i, this.#target - base);
      if (from < n) {
        const lf = bytes.indexOf(LF, from);
        if (lf !== -1 && (q === -1 || lf < q)) {
          cut(lf + 1);
          i = lf + 1;
          continue;
        }
      }
      if (q === -1) break;
      // A quote right after a comma or a line feed opens a quoted field. Inside a field that
      // plainly began with something else it is a literal character, for fast-csv as for the
      // record splitter (which open a quoted field only at a field's start, after spaces).
      const before = q > 0 ? bytes[q - 1] : this.#previous;
      if (before === COMMA || before === LF) this.#quoted = true;
      else if (!this.#plainField(bytes, q)) return this.#stop(cuts);
      i = q + 1;
    }
    this.#previous = bytes[n - 1] as number;
    if (!this.#quoted) this.#carryField(bytes);
    return cuts;
  }

  /**
   * Whether the field holding the quote at `q` began with a character that is surely neither
   * a quote nor white space (which fast-csv would skip before a quote): a visible ASCII
   * character, or the first byte of a CJK ideograph. Looked for in this chunk only.
   */
  #plainField(bytes: Uint8Array, q: number): boolean {
    let start = q - 1;
    while (start >= 0 && bytes[start] !== COMMA && bytes[start] !== LF && bytes[start] !== CR) start--;
    // a field begun in an earlier chunk: its first byte was carried over
    const first = start >= 0 || this.#fieldAtChunkStart ? (bytes[start + 1] as number) : this.#fieldFirst;
    if (first > 0x20 && first < 0x7f) return first !== QUOTE;
    // UTF-8 U+4000–U+9FFF; GB18030 two-byte hanzi (GB2312 rows 16–87)
    return this.encoding === "gb18030" ? first >= 0xb0 && first <= 0xf7 : first >= 0xe4 && first <= 0xe9;
  }

  /** At the end of a chunk outside quotes: where the field still open began. */
  #carryField(bytes: Uint8Array): void {
    const n = bytes.length;
    const last = Math.max(bytes.lastIndexOf(COMMA), bytes.lastIndexOf(LF), bytes.lastIndexOf(CR));
    if (last === n - 1) this.#fieldAtChunkStart = true;
    else if (last >= 0 || this.#fieldAtChunkStart) {
      this.#fieldFirst = bytes[last + 1] as number;
      this.#fieldAtChunkStart = false;
    }
  }

  #stop(cuts: number[]): number[] {
    this.#stopped = true;
    return cuts;
  }
}
