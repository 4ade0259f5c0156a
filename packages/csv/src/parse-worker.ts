/**
 * Worker thread: parses one byte range of a CSV file with fast-csv and sends the rows back in
 * batches (as JSON text, compact to hold until the main thread admits them in file order).
 */
import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import iconv from "iconv-lite";
import { ChunkedRowParser } from "./parse-rows.js";

/** What the main thread asks for. */
export interface ParseRangeRequest {
  readonly path: string;
  readonly start: number;
  readonly encoding: "utf8" | "utf8-bom" | "gb18030";
  readonly firstLine: number;
}

/** One parsed item: a row `[line, cells]` or a malformed row `[line, raw, detail]`. */
export type ParsedItem = [number, string[]] | [number, string, string];

/** Messages to the main thread: batches of items (JSON text), then done. */
export type ParseRangeMessage = { readonly batch: string } | { readonly done: true } | { readonly error: string };

const BATCH = 20_000;

async function parseRange(request: ParseRangeRequest): Promise<void> {
  let items: ParsedItem[] = [];
  const flush = () => {
    if (items.length === 0) return;
    parentPort?.postMessage({ batch: JSON.stringify(items) } satisfies ParseRangeMessage);
    items = [];
  };
  const parser = new ChunkedRowParser(
    {
      row(cells, line) {
        items.push([line, cells]);
        if (items.length >= BATCH) flush();
      },
      malformed(line, raw, detail) {
        items.push([line, raw, detail]);
      },
    },
    request.firstLine,
  );
  const decoder =
    request.encoding === "gb18030"
      ? iconv.getDecoder("gb18030")
      : (() => {
          const d = new TextDecoder("utf-8");
          return { write: (b: Buffer) => d.decode(b, { stream: true }), end: () => d.decode() };
        })();
  for await (const chunk of createReadStream(request.path, { start: request.start, highWaterMark: 64 * 1024 })) {
    parser.push(decoder.write(chunk as Buffer));
  }
  parser.push(decoder.end() ?? "", true);
  flush();
  parentPort?.postMessage({ done: true } satisfies ParseRangeMessage);
}

if (parentPort !== null && workerData !== undefined && workerData !== null) {
  parseRange(workerData as ParseRangeRequest).catch((error: unknown) => {
    parentPort?.postMessage({ error: String(error) } satisfies ParseRangeMessage);
  });
}
