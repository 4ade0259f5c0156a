/**
 * Reading a .docx back in tests, as a city official's editor would see its text: the zip's
 * entries (through the central directory, deflated ones inflated), the paragraphs of
 * word/document.xml as text (a drawing shown as [图片]), and the media files.
 */
import { inflateRawSync } from "node:zlib";

/** The entries of a zip archive by name. */
export function unzip(zip: Uint8Array): Map<string, Buffer> {
  const buffer = Buffer.from(zip);
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  const entries = new Map<string, Buffer>();
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < buffer.readUInt16LE(end + 10); i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    const local = buffer.readUInt32LE(at + 42);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return entries;
}

/** The text of every non-empty paragraph of the document, in order. */
export function docxParagraphs(docx: Uint8Array): string[] {
  const xml = unzip(docx).get("word/document.xml")?.toString("utf8") ?? "";
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)]
    .map(
      ([, p]) =>
        [...(p ?? "").matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("") +
        ((p ?? "").includes("<w:drawing>") ? "[图片]" : ""),
    )
    .filter((text) => text.trim() !== "");
}
