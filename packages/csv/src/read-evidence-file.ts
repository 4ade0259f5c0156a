/**
 * Reads one evidence file as a stream: hashes its bytes, detects and decodes its encoding,
 * parses it with fast-csv and hands every row to the core's admission. Memory stays flat:
 * rows are judged and folded into aggregates as they arrive.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { EvidenceError, type EvidenceKind, type FileAdmission, type HeaderLayout, layoutHeader } from "@civitas/core";
import iconv from "iconv-lite";
import { detectEncoding, type EvidenceEncoding } from "./detect-encoding.js";
import { ChunkedRowParser, type RowSink } from "./parse-rows.js";
import { startRangeParser } from "./range-parser.js";
import { findSplitPoint } from "./split-point.js";

/** What reading a file produced beside the admitted rows. */
export interface FileRead {
  readonly sha256: string;
  readonly encoding: EvidenceEncoding;
}

const CHUNK = 64 * 1024;
/** Files from this size on are parsed on two threads. */
export const SPLIT_MIN_BYTES = 4 * 1024 * 1024;
/** The share of a split file parsed on the main thread, which also admits every row. */
const MAIN_THREAD_SHARE = 0.35;

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A decoder from bytes to text for the detected encoding. */
function decoderFor(encoding: EvidenceEncoding): { write(bytes: Buffer): string; end(): string } {
  if (encoding === "gb18030") {
    const decoder = iconv.getDecoder("gb18030");
    return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? "" };
  }
  const decoder = new TextDecoder("utf-8", { ignoreBOM: false });
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

/**
 * Streams `path` into an admission opened from its header by `openFile`. Fails with an
 * `EvidenceError` for an empty file or an unusable header.
 */
export async function readEvidenceFile(
  path: string,
  fileName: string,
  kind: EvidenceKind,
  openFile: (layout: HeaderLayout) => FileAdmission,
): Promise<FileRead> {
  const head = await readHead(path);
  if (head.length === 0) {
    throw new EvidenceError({
      code: "empty_file",
      file: fileName,
      line: 1,
      message: `${fileName} is empty (0 bytes): it needs at least a header row`,
    });
  }
  const encoding = detectEncoding(head);
  const hash = createHash("sha256");
  const decoder = decoderFor(encoding);
  let admission: FileAdmission | undefined;
  let headerError: EvidenceError | undefined;
  const sink: RowSink = {
    row(cells, line) {
      if (headerError !== undefined) return;
      if (admission === undefined) {
        const layout = layoutHeader(kind, cells);
        if (!layout.ok) {
          const first = layout.problems[0];
          headerError = new EvidenceError({
            code: first?.code === "duplicate_column" ? "duplicate_column" : "missing_column",
            file: fileName,
            line,
            field: first?.column ?? "",
            message: `${fileName}:${line}: ${layout.problems.map((p) => p.message).join("; ")}`,
          });
          return;
        }
        admission = openFile(layout.layout);
        return;
      }
      admission.row(cells, line);
    },
    malformed(line, raw, detail) {
      if (headerError !== undefined) return;
      if (admission === undefined) {
        headerError = new EvidenceError({
          code: "unreadable",
          file: fileName,
          line,
          message: `${fileName}:${line}: the header row cannot be read (${detail})`,
        });
        return;
      }
      admission.malformed(line, raw, detail);
    },
  };
  const parser = new ChunkedRowParser(sink);
  // A large file is cut in two at a record boundary: a worker thread parses the second part
  // while this thread parses (and admits) the first, then admits the worker's rows in order.
  const size = (await stat(path)).size;
  const split = size >= SPLIT_MIN_BYTES ? await findSplitPoint(path, Math.floor(size * MAIN_THREAD_SHARE)) : undefined;
  const second = split === undefined ? undefined : startRangeParser({ path, start: split.offset, encoding, firstLine: split.line });
  try {
    let fed = 0;
    const limit = split?.offset ?? Number.POSITIVE_INFINITY;
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      if (headerError !== undefined || fed >= limit) continue;
      const part = fed + bytes.length > limit ? bytes.subarray(0, limit - fed) : bytes;
      fed += part.length;
      parser.push(decoder.write(part));
    }
    if (headerError === undefined) parser.push(decoder.end(), true);
    if (second !== undefined && headerError === undefined) {
      for await (const items of second.items()) {
        for (const item of items) {
          if (item.length === 2) sink.row(item[1], item[0]);
          else sink.malformed(item[0], item[1], item[2]);
        }
      }
    }
  } finally {
    await second?.terminate();
  }
  if (headerError !== undefined) throw headerError;
  if (admission === undefined) {
    throw new EvidenceError({ code: "empty_file", file: fileName, line: 1, message: `${fileName} has no header row` });
  }
  return { sha256: hash.digest("hex"), encoding };
}
