/**
 * A pool of parse workers for the segments of large files. Segments are numbered in the order
 * the main thread admits them (file by file, start to end). Each worker is sent the lowest
 * waiting segments, two at a time (so it never waits for the main thread), but never one
 * `window` or more past the segment being admitted: however large the batch, at most that many
 * segments' rows wait in memory for their turn.
 *
 * Runs the built JavaScript worker, or, when the package runs from its TypeScript sources
 * (tests, tsx), the source worker through tsx.
 */
import { Worker } from "node:worker_threads";
import type { EvidenceEncoding } from "../detect-encoding.js";
import type { SegmentJob, WorkerMessage } from "./parse-worker.js";
import type { EncodedBatch } from "./row-codec.js";

interface JobState {
  readonly job: SegmentJob;
  readonly batches: EncodedBatch[];
  lines: number | undefined;
  error: string | undefined;
  wake: (() => void) | undefined;
}

/** Segments sent to a worker before it has finished the ones it has. */
const AHEAD = 2;
/** Young generation of a worker: fast-csv makes a short-lived object per character. */
const WORKER_YOUNG_GENERATION_MB = 32;

function createWorker(): Worker {
  const here = import.meta.url;
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  if (here.endsWith(".ts")) {
    const source = new URL("./parse-worker.ts", here).href;
    const script = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
    return new Worker(script, { eval: true, resourceLimits });
  }
  return new Worker(new URL("./parse-worker.js", here), { resourceLimits });
}

/** Parse workers taking segments in order, `window` segments ahead of the main thread at most. */
export class ParsePool {
  readonly #window: number;
  readonly #workers: Worker[] = [];
  /** Segments sent to each worker and not finished. */
  readonly #load = new Map<Worker, number>();
  readonly #waiting: SegmentJob[] = [];
  readonly #jobs = new Map<number, JobState>();
  #nextId = 0;
  /** The segment being admitted: segments from `admitting + window` on wait. */
  #admitting = 0;
  #failure: string | undefined;

  constructor(size: number, window: number) {
    this.#window = window;
    for (let i = 0; i < size; i++) {
      const worker = createWorker();
      worker.on("message", (message: WorkerMessage) => this.#receive(worker, message));
      worker.on("error", (error) => this.#fail(`parse worker failed: ${error.message}`));
      worker.on("exit", (code) => {
        if (code !== 0) this.#fail(`parse worker exited with code ${code}`);
      });
      this.#workers.push(worker);
      this.#load.set(worker, 0);
    }
  }

  /** Queues a segment; returns its number (segments are numbered in submission order). */
  submit(path: string, start: number, end: number, encoding: EvidenceEncoding): number {
    const job: SegmentJob = { id: this.#nextId++, path, start, end, encoding };
    this.#jobs.set(job.id, { job, batches: [], lines: undefined, error: undefined, wake: undefined });
    this.#waiting.push(job);
    this.#pump();
    return job.id;
  }

  /**
   * The batches of segment `id`, in order; returns the segment's line count (the line after its
   * last, counted from 1). Segments must be taken in submission order.
   */
  async *take(id: number): AsyncGenerator<EncodedBatch, number> {
    const state = this.#jobs.get(id);
    if (state === undefined) throw new Error(`segment ${id} was not submitted or was already taken`);
    this.#admitting = id;
    this.#pump();
    try {
      for (;;) {
        const batch = state.batches.shift();
        if (batch !== undefined) {
          yield batch;
          continue;
        }
        if (state.error !== undefined) throw new Error(state.error);
        if (this.#failure !== undefined) throw new Error(this.#failure);
        if (state.lines !== undefined) return state.lines;
        await new Promise<void>((resolve) => {
          state.wake = resolve;
        });
        state.wake = undefined;
      }
    } finally {
      this.#jobs.delete(id);
      this.#admitting = id + 1;
      this.#pump();
    }
  }

  /** Stops every worker. */
  async terminate(): Promise<void> {
    this.#failure ??= "the parse pool was stopped";
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  /** Sends waiting segments to the least loaded workers, up to AHEAD each. */
  #pump(): void {
    while (this.#waiting.length > 0) {
      const job = this.#waiting[0] as SegmentJob;
      if (job.id >= this.#admitting + this.#window) return;
      let worker: Worker | undefined;
      let least = AHEAD;
      for (const [w, load] of this.#load) {
        if (load < least) {
          worker = w;
          least = load;
        }
      }
      if (worker === undefined) return;
      this.#waiting.shift();
      this.#load.set(worker, least + 1);
      worker.postMessage(job);
    }
  }

  #receive(worker: Worker, message: WorkerMessage): void {
    const state = this.#jobs.get(message.job);
    if ("batch" in message) state?.batches.push(message.batch);
    else {
      if ("error" in message) {
        if (state !== undefined) state.error = message.error;
      } else if (state !== undefined) state.lines = message.lines;
      this.#load.set(worker, (this.#load.get(worker) ?? 1) - 1);
      this.#pump();
    }
    state?.wake?.();
  }

  #fail(reason: string): void {
    this.#failure ??= reason;
    for (const state of this.#jobs.values()) state.wake?.();
  }
}
