/**
 * Reading large evidence on worker threads. A planner streams each file once on the main
 * thread — hashing it, sniffing its encoding and finding record boundaries about every
 * `segmentBytes` (split-point.ts) — and queues the segments on a pool of parse workers, which
 * parse them with fast-csv while the main thread admits the rows of earlier segments, in file
 * order. Rows come back numbered from the start of their segment; the main thread knows where
 * each segment starts once the one before it is admitted, so every row keeps its line in the
 * file, exactly as a single thread would number it.
 */
import { createHash } from "node:crypto";
import { type FileHandle, open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import type { FileRead } from "../admission-sink.js";
import { bomEncoding, bomLength, type EvidenceEncoding, firstNonAscii, SNIFF_BYTES, sniffEncoding } from "../detect-encoding.js";
import type { RowSink } from "../parse-rows.js";
import { ParsePool } from "./parse-pool.js";
import { RowDecoder } from "./row-codec.js";
import { CutFinder } from "./split-point.js";

/** How evidence is parsed on worker threads. */
export interface ParallelOptions {
  /** Segment size in bytes (default 1 MiB). */
  readonly segmentBytes?: number;
  /** Worker threads (default: the available parallelism, 2 to 4). */
  readonly workers?: number;
}

/** Evidence from this size on (one file, or a directory in all) is parsed on worker threads. */
export const SPLIT_MIN_BYTES = 4 * 1024 * 1024;

const READ_BYTES = 1 << 20;
/**
 * Segments parsed ahead of the one being admitted, at most (each about 1–2 MB encoded): enough
 * to keep the workers busy while the CLI loads.
 */
const WINDOW = 24;

/** The number of parse workers for this machine: none on one core, else 2 to 4. */
export const defaultWorkers = () => {
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(4, cores);
};

/** What the planner learnt about one file. */
interface FilePlan {
  /** Segment numbers in the pool, in file order, as they are found. */
  readonly segments: number[];
  done: boolean;
  /** The file has no bytes at all. */
  empty: boolean;
  encoding: EvidenceEncoding | undefined;
  sha256: string | undefined;
  error: unknown;
  wake: (() => void) | undefined;
}

/**
 * Reads files on worker threads; `read` them one by one, in the order given. Parsing starts at
 * once, before anyone reads (see prefetch.ts). Imports nothing of @civitas/core, so that the
 * CLI can start it before loading the rest.
 */
export class ParallelRead {
  readonly paths: readonly string[];
  readonly #pool: ParsePool;
  readonly #plans: FilePlan[];
  readonly #planned: Promise<void>;
  #closed = false;

  constructor(paths: readonly string[], options: ParallelOptions = {}) {
    this.paths = paths;
    this.#pool = new ParsePool(options.workers ?? defaultWorkers(), WINDOW);
    this.#plans = paths.map(() => ({
      segments: [],
      done: false,
      empty: false,
      encoding: undefined,
      sha256: undefined,
      error: undefined,
      wake: undefined,
    }));
    this.#planned = this.#plan(paths, options.segmentBytes ?? 1 << 20);
  }

  /**
   * Hands every row of file `index` to `sink`, in file order with its line in the file;
   * returns the file's hash and encoding, or "empty" for a file of 0 bytes.
   */
  async read(index: number, sink: RowSink): Promise<FileRead | "empty"> {
    const plan = this.#plans[index];
    if (plan === undefined) throw new Error(`no file ${index} to read`);
    let lineOffset = 0;
    for (let next = 0; ; next++) {
      while (next >= plan.segments.length && !plan.done) await this.#waitFor(plan);
      if (plan.error !== undefined) throw plan.error;
      if (plan.empty) return "empty";
      const id = plan.segments[next];
      if (id === undefined) break;
      const decoder = new RowDecoder();
      const batches = this.#pool.take(id);
      for (;;) {
        const item = await batches.next();
        if (item.done === true) {
          lineOffset += item.value - 1;
          break;
        }
        decoder.decode(item.value, sink, lineOffset);
      }
    }
    return { sha256: plan.sha256 as string, encoding: plan.encoding as EvidenceEncoding };
  }

  /** Stops the planner and the workers. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#pool.terminate();
    await this.#planned;
  }

  #waitFor(plan: FilePlan): Promise<void> {
    return new Promise((resolve) => {
      plan.wake = resolve;
    });
  }

  async #plan(paths: readonly string[], segmentBytes: number): Promise<void> {
    for (const [i, path] of paths.entries()) {
      const plan = this.#plans[i] as FilePlan;
      try {
        await this.#planFile(path, plan, segmentBytes);
      } catch (error) {
        plan.error = error;
      }
      plan.done = true;
      plan.wake?.();
      if (this.#closed) return;
    }
  }

  /** Streams one file: hash, encoding and segments. */
  async #planFile(path: string, plan: FilePlan, segmentBytes: number): Promise<void> {
    const handle = await open(path, "r");
    try {
      const hash = createHash("sha256");
      const buffer = Buffer.alloc(READ_BYTES);
      let position = 0;
      let start = 0;
      let finder: CutFinder | undefined;
      // undecided while the bytes are ASCII, which reads the same in either encoding
      let encoding: EvidenceEncoding | undefined;
      for (;;) {
        if (this.#closed) return;
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) break;
        const bytes = buffer.subarray(0, bytesRead);
        if (finder === undefined) {
          encoding = bomEncoding(bytes);
          finder = new CutFinder(segmentBytes, bomLength(encoding), encoding === "gb18030" ? "gb18030" : "utf8");
        }
        if (encoding === undefined) {
          const at = firstNonAscii(bytes);
          if (at >= 0) {
            encoding = sniffEncoding(await this.#sample(handle, bytes, at, position)) ?? "utf8";
            finder.encoding = encoding === "gb18030" ? "gb18030" : "utf8";
          }
        }
        hash.update(bytes);
        for (const cut of finder.push(bytes)) {
          this.#segment(plan, path, start, cut, encoding ?? "utf8");
          start = cut;
        }
        position += bytesRead;
      }
      plan.empty = finder === undefined;
      if (position > start) this.#segment(plan, path, start, position, encoding ?? "utf8");
      plan.encoding = encoding ?? "utf8";
      plan.sha256 = hash.digest("hex");
    } finally {
      await handle.close();
    }
  }

  /** The bytes to decide the encoding from: SNIFF_BYTES from `at`, read on when the buffer ends first. */
  async #sample(handle: FileHandle, bytes: Buffer, at: number, position: number): Promise<Uint8Array> {
    if (bytes.length - at >= SNIFF_BYTES) return bytes.subarray(at, at + SNIFF_BYTES);
    const sample = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(sample, 0, SNIFF_BYTES, position + at);
    return sample.subarray(0, bytesRead);
  }

  #segment(plan: FilePlan, path: string, start: number, end: number, encoding: EvidenceEncoding): void {
    plan.segments.push(this.#pool.submit(path, start, end, encoding));
    plan.wake?.();
  }
}
