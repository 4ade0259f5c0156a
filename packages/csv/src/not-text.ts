/**
 * Evidence files that are not CSV text at all, recognised by their first bytes: an Excel
 * workbook (or another zip-packaged document) or an old Office file saved under a .csv name, a
 * PDF, UTF-16 or UTF-32 text (what Excel's "Unicode 文本" writes), or binary bytes. Such a file
 * is refused with a message that says what it is and how to save it as CSV — rather than
 * decoded into garbage and reported as a header without its columns.
 */
import { EvidenceError } from "@civitas/core";

const SAVE_AS_CSV = 'open it in Excel or WPS and save it as "CSV UTF-8 (逗号分隔)" (*.csv)';

const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((byte, i) => head[i] === byte);

/** Whether the ASCII text `text` occurs in `head`. */
const holds = (head: Uint8Array, text: string) => Buffer.from(head.buffer, head.byteOffset, head.length).includes(text, 0, "latin1");

/** What a zip archive is, from the names of its first entries. */
function zipKind(head: Uint8Array): string {
  if (holds(head, "xl/")) return `an Excel workbook (.xlsx) saved under a .csv name, not CSV text: ${SAVE_AS_CSV}`;
  if (holds(head, "opendocument.spreadsheet")) {
    return "an OpenDocument spreadsheet (.ods) saved under a .csv name, not CSV text: save it as CSV (UTF-8)";
  }
  if (holds(head, "Index/") || holds(head, ".iwa"))
    return "a Numbers document saved under a .csv name, not CSV text: export it as CSV (UTF-8)";
  return "a zip archive, not CSV text: evidence files are CSV text (UTF-8 or GBK)";
}

/**
 * UTF-16 without a byte-order mark: the text's ASCII characters (digits, commas, line breaks)
 * leave a NUL byte beside each, all on the same side. True when NULs are at least an eighth of
 * the bytes and nine in ten of them are at even offsets, or at odd ones.
 */
function looksUtf16(head: Uint8Array, nuls: number, even: number): boolean {
  return nuls >= 4 && nuls * 8 >= head.length && Math.max(even, nuls - even) * 10 >= nuls * 9;
}

/** What the file whose first bytes are `head` is, when it is not CSV text; undefined for text. */
export function nonTextKind(head: Uint8Array): string | undefined {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return zipKind(head);
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return `an old Excel workbook (.xls) or another Office 97–2003 file saved under a .csv name, not CSV text: ${SAVE_AS_CSV}`;
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "a PDF document, not CSV text";
  const saveAs = `save it as CSV UTF-8 ("CSV UTF-8 (逗号分隔)" in Excel or WPS) instead`;
  const unicode = `(Excel's "Unicode 文本"); ${saveAs}`;
  if (startsWith(head, [0xff, 0xfe, 0x00, 0x00]) || startsWith(head, [0x00, 0x00, 0xfe, 0xff])) return `UTF-32 text; ${saveAs}`;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return `UTF-16 text ${unicode}`;
  let nuls = 0;
  let even = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0) continue;
    nuls++;
    if (i % 2 === 0) even++;
  }
  if (nuls === 0) return undefined;
  if (looksUtf16(head, nuls, even)) return `UTF-16 text without a byte-order mark ${unicode}`;
  // a stray NUL in a text file is a bad value in one row; many are a binary file
  if (nuls >= 4 && nuls * 100 >= head.length)
    return "not text: it holds NUL bytes, as binary files do; evidence files are CSV text (UTF-8 or GBK)";
  return undefined;
}

/** The error refusing evidence file `name` whose first bytes are `head`, when it is not CSV text. */
export function notTextError(name: string, head: Uint8Array): EvidenceError | undefined {
  const kind = nonTextKind(head);
  return kind === undefined ? undefined : new EvidenceError({ code: "unreadable", file: name, line: 1, message: `${name} is ${kind}` });
}
