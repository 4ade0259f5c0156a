/**
 * Worker thread of the parse pool: parses segments of CSV files (byte ranges that start and
 * end at record boundaries) with fast-csv, one at a time, and posts their rows back in compact
 * batches (see row-codec.ts). Lines are counted from 1 at the start of each segment; the main
 * thread, which admits the segments in file order, adds where the segment starts.
 */
import { createReadStream } from "node:fs";
import { parentPort } from "node:worker_threads";
import iconv from "iconv-lite";
import type { EvidenceEncoding } from "../detect-encoding.js";
import { ChunkedRowParser } from "../parse-rows.js";
import { type EncodedBatch, RowEncoder } from "./row-codec.js";

/** A segment to parse: bytes `start` (inclusive) to `end` (exclusive) of `path`. */
export interface SegmentJob {
  readonly id: number;
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly encoding: EvidenceEncoding;
}

/** Messages to the main thread: batches of a segment, then its line count (or an error). */
export type WorkerMessage =
  | { readonly job: number; readonly batch: EncodedBatch }
  | { readonly job: number; readonly lines: number }
  | { readonly job: number; readonly error: string };

/** Rows per batch posted. */
const BATCH_ROWS = 8192;
const READ_CHUNK = 64 * 1024;

/** A decoder from bytes to text; a UTF-8 byte-order mark is dropped only at the start of a file. */
function decoderFor(encoding: EvidenceEncoding, fileStart: boolean): { write(bytes: Buffer): string; end(): string } {
  if (encoding === "gb18030") {
    const decoder = iconv.getDecoder("gb18030");
    return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? "" };
  }
  const decoder = new TextDecoder("utf-8", { ignoreBOM: !fileStart });
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

async function parseSegment(job: SegmentJob, port: NonNullable<typeof parentPort>): Promise<void> {
  const encoder = new RowEncoder();
  const post = () => {
    const batch = encoder.take();
    port.postMessage({ job: job.id, batch } satisfies WorkerMessage, [batch.codes.buffer]);
  };
  const parser = new ChunkedRowParser({
    row(cells, line) {
      encoder.row(cells, line);
      if (encoder.rows >= BATCH_ROWS) post();
    },
    malformed(line, raw, detail) {
      encoder.malformed(line, raw, detail);
    },
  });
  const decoder = decoderFor(job.encoding, job.start === 0);
  if (job.end > job.start) {
    for await (const chunk of createReadStream(job.path, { start: job.start, end: job.end - 1, highWaterMark: READ_CHUNK })) {
      parser.push(decoder.write(chunk as Buffer));
    }
  }
  parser.push(decoder.end(), true);
  if (encoder.rows > 0) post();
  port.postMessage({ job: job.id, lines: parser.line } satisfies WorkerMessage);
}

const port = parentPort;
if (port !== null) {
  // Segments are parsed one after the other, in the order they came: the pool sends a few
  // ahead, so that a worker never waits for the main thread (busy loading the CLI, say).
  let queue = Promise.resolve();
  port.on("message", (job: SegmentJob) => {
    queue = queue.then(() =>
      parseSegment(job, port).catch((error: unknown) => {
        port.postMessage({ job: job.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
      }),
    );
  });
}
