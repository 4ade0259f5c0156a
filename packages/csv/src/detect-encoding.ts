/**
 * Encoding detection for evidence files: UTF-8 with or without BOM, or GB18030/GBK as Excel
 * writes it on Chinese Windows.
 */

/** The encodings we read; `utf8-bom` is UTF-8 that began with a byte-order mark. */
export type EvidenceEncoding = "utf8" | "utf8-bom" | "gb18030";

const SNIFF_BYTES = 64 * 1024;

/**
 * Sniffs the encoding from the first bytes: a UTF-8 BOM → utf8-bom; the GB18030 BOM
 * `84 31 95 33` → gb18030; else valid UTF-8 in the first 64 KiB → utf8; else gb18030.
 */
export function detectEncoding(head: Uint8Array): EvidenceEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf8-bom";
  if (head[0] === 0x84 && head[1] === 0x31 && head[2] === 0x95 && head[3] === 0x33) return "gb18030";
  try {
    // stream: true tolerates a character cut at the end of the sample
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, SNIFF_BYTES), { stream: true });
    return "utf8";
  } catch {
    return "gb18030";
  }
}

/** How many leading bytes are a byte-order mark to skip. */
export function bomLength(encoding: EvidenceEncoding): number {
  return encoding === "utf8-bom" ? 3 : 0;
}
