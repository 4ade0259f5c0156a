/**
 * Reads one evidence file as a stream: hashes its bytes, detects and decodes its encoding,
 * parses it with fast-csv and hands every row to the core's admission. Memory stays flat:
 * rows are judged and folded into aggregates as they arrive. A large file is parsed on worker
 * threads, in segments cut at record boundaries (see parallel/read-in-parallel.ts).
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import type { EvidenceKind, FileAdmission, HeaderLayout } from "@civitas/core";
import iconv from "iconv-lite";
import { detectFileEncoding, type EvidenceEncoding, SNIFF_BYTES } from "./detect-encoding.js";
import { admissionSink, emptyFileError, type FileRead } from "./admission-sink.js";
import { notTextError } from "./not-text.js";
import { ChunkedRowParser } from "./parse-rows.js";
import { ParallelRead, SPLIT_MIN_BYTES } from "./parallel/read-in-parallel.js";

export type { FileRead };

const CHUNK = 64 * 1024;
export { SPLIT_MIN_BYTES };

/** The first `SNIFF_BYTES` of the file at `path` (fewer when it is shorter). */
export async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A decoder from bytes to text for the detected encoding. */
export function decoderFor(encoding: EvidenceEncoding): { write(bytes: Buffer): string; end(): string } {
  if (encoding === "gb18030") {
    const decoder = iconv.getDecoder("gb18030");
    return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? "" };
  }
  const decoder = new TextDecoder("utf-8", { ignoreBOM: false });
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

/**
 * Streams `path` into an admission opened from its header by `openFile`. Fails with an
 * `EvidenceError` for an empty file, a file that is not CSV text (a workbook, UTF-16) or an
 * unusable header.
 */
export async function readEvidenceFile(
  path: string,
  fileName: string,
  kind: EvidenceKind,
  openFile: (layout: HeaderLayout) => FileAdmission,
): Promise<FileRead> {
  const head = await readHead(path);
  if (head.length === 0) throw emptyFileError(fileName);
  const notText = notTextError(fileName, head);
  if (notText !== undefined) throw notText;
  if (head.length === SNIFF_BYTES && (await stat(path)).size >= SPLIT_MIN_BYTES) {
    const parallel = new ParallelRead([path]);
    try {
      const { sink, finish } = admissionSink(fileName, kind, openFile);
      const read = await parallel.read(0, sink);
      if (read === "empty") throw emptyFileError(fileName);
      finish();
      return read;
    } finally {
      await parallel.close();
    }
  }
  const encoding = await detectFileEncoding(path, head);
  const hash = createHash("sha256");
  const decoder = decoderFor(encoding);
  const { sink, failed, finish } = admissionSink(fileName, kind, openFile);
  const parser = new ChunkedRowParser(sink);
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    // once the header turned out unusable, only hash
    if (!failed()) parser.push(decoder.write(bytes));
  }
  if (!failed()) parser.push(decoder.end(), true);
  finish();
  return { sha256: hash.digest("hex"), encoding };
}
