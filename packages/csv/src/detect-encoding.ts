/**
 * Encoding detection for evidence files: UTF-8 with or without BOM, or GB18030/GBK as Excel
 * writes it on Chinese Windows. ASCII reads the same in both, so the decision is made where
 * the first byte beyond ASCII is — however far into the file that is.
 */
import { isAscii } from "node:buffer";
import { open } from "node:fs/promises";

/** The encodings we read; `utf8-bom` is UTF-8 that began with a byte-order mark. */
export type EvidenceEncoding = "utf8" | "utf8-bom" | "gb18030";

/** Bytes looked at to decide: from the first byte beyond ASCII. */
export const SNIFF_BYTES = 64 * 1024;
const SCAN_BYTES = 1 << 20;

/** The encoding a byte-order mark at the start of a file declares, if any. */
export function bomEncoding(head: Uint8Array): EvidenceEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf8-bom";
  if (head[0] === 0x84 && head[1] === 0x31 && head[2] === 0x95 && head[3] === 0x33) return "gb18030";
  return undefined;
}

/** Index of the first byte beyond ASCII, or -1. */
export function firstNonAscii(bytes: Uint8Array): number {
  if (isAscii(bytes)) return -1;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return i;
  return -1;
}

/**
 * Decides between UTF-8 and GB18030 from bytes that start at a character boundary (after
 * ASCII, or at the start of the file): valid UTF-8 → utf8, else gb18030. Undefined when the
 * bytes are all ASCII (either would read them alike).
 */
export function sniffEncoding(bytes: Uint8Array): "utf8" | "gb18030" | undefined {
  const from = firstNonAscii(bytes);
  if (from < 0) return undefined;
  const sample = bytes.subarray(from, from + SNIFF_BYTES);
  try {
    // stream: true tolerates a character cut at the end of the sample
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf8";
  } catch {
    return mostlyUtf8(sample) ? "utf8" : "gb18030";
  }
}

/**
 * True for UTF-8 with a few stray bytes: at least two valid characters beyond ASCII for each
 * invalid sequence. GBK text read as UTF-8 has about one valid for ten invalid (the demo's
 * documents.csv: 332 and 3,290), so one bad byte in a UTF-8 file does not turn the whole file
 * into mojibake: the file stays UTF-8 and the row with the bad byte is rejected.
 */
function mostlyUtf8(sample: Uint8Array): boolean {
  const text = new TextDecoder("utf-8").decode(sample, { stream: true });
  let valid = 0;
  let invalid = 0;
  for (const ch of text) {
    if (ch === "\uFFFD") invalid++;
    else if (ch.charCodeAt(0) >= 0x80) valid++;
  }
  return valid >= 2 * invalid;
}

/**
 * Sniffs the encoding from the first bytes alone: a UTF-8 BOM → utf8-bom; the GB18030 BOM
 * `84 31 95 33` → gb18030; else valid UTF-8 from the first byte beyond ASCII → utf8 (also
 * when there is none); else gb18030. `detectFileEncoding` looks further when the head is ASCII.
 */
export function detectEncoding(head: Uint8Array): EvidenceEncoding {
  return bomEncoding(head) ?? sniffEncoding(head) ?? "utf8";
}

/**
 * The encoding of a file: from its head, or — when the head is all ASCII — from the first
 * byte beyond ASCII further in (a GBK file may begin with 100 KB of codes and numbers). A
 * file that is ASCII throughout is utf8.
 */
export async function detectFileEncoding(path: string, head: Uint8Array): Promise<EvidenceEncoding> {
  const known = bomEncoding(head) ?? sniffEncoding(head);
  if (known !== undefined || head.length < SNIFF_BYTES) return known ?? "utf8";
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(SCAN_BYTES);
    for (let position = head.length; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) return "utf8";
      const at = firstNonAscii(buffer.subarray(0, bytesRead));
      if (at >= 0) {
        const { bytesRead: n } = await handle.read(buffer, 0, SNIFF_BYTES, position + at);
        return sniffEncoding(buffer.subarray(0, n)) ?? "utf8";
      }
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/** How many leading bytes are the byte-order mark `bomEncoding` found. */
export function bomLength(encoding: EvidenceEncoding | undefined): number {
  return encoding === "utf8-bom" ? 3 : encoding === "gb18030" ? 4 : 0;
}
