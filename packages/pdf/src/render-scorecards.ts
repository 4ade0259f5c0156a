/**
 * `renderScorecards`: the scorecards of many cities, rendered by a pool of worker threads
 * (pdfmake is synchronous and single-threaded; `Promise.all` in one thread is slower than one
 * at a time). Results come back in the order of the city ids asked for. Small batches, or
 * `workers: 0`, render in this thread.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CityResult, Results } from "@civitas/core";
import type { ScorecardsOptions } from "./options.js";
import type { PreviousRoundFacts } from "./previous-round.js";
import { previousOfBatch, renderCity, sharedJobData } from "./scorecard-job.js";
import type { WorkerReply, WorkerTask } from "./scorecard-worker.js";
import { workerEntry } from "./worker-entry.js";

/** One rendered scorecard. */
export interface RenderedScorecard {
  readonly cityId: string;
  readonly pdf: Buffer;
}

/** Below this many cities, starting workers (about 0.3 s each) does not pay. */
const MIN_CITIES_FOR_WORKERS = 6;
const MAX_DEFAULT_WORKERS = 4;

/** The number of workers used for `count` cities (0 = this thread). */
export function defaultWorkerCount(count: number, cores: number = availableParallelism()): number {
  if (count < MIN_CITIES_FOR_WORKERS || cores < 2) return 0;
  return Math.max(1, Math.min(cores, MAX_DEFAULT_WORKERS, Math.ceil(count / 3)));
}

function citiesOf(results: Results, cityIds: readonly string[]): CityResult[] {
  const byId = new Map(results.cities.map((c) => [c.cityId, c]));
  return cityIds.map((id) => {
    const city = byId.get(id);
    if (city === undefined) throw new RangeError(`no city ${JSON.stringify(id)} in the results`);
    return city;
  });
}

/**
 * Renders the scorecards of `cityIds` (all cities when omitted), yielding them in that order.
 * Stopping the iteration early stops the workers.
 *
 * @example
 * for await (const { cityId, pdf } of renderScorecards(results, undefined, { ruleset })) {
 *   await writeFile(join(dir, `${cityId}.pdf`), pdf);
 * }
 */
export async function* renderScorecards(
  results: Results,
  cityIds: readonly string[] = results.cities.map((c) => c.cityId),
  options: ScorecardsOptions = {},
): AsyncGenerator<RenderedScorecard, void, undefined> {
  const cities = citiesOf(results, cityIds);
  const shared = sharedJobData(results, options);
  const previous = previousOfBatch(results, options);
  const workers = Math.min(options.workers ?? defaultWorkerCount(cities.length), cities.length);
  if (workers <= 0) {
    for (const city of cities) yield { cityId: city.cityId, pdf: await renderCity(shared, city, previous?.get(city.cityId)) };
    return;
  }
  yield* renderInWorkers(cities, shared, workers, previous);
}

/** A settled task: the PDF or the error. */
type Outcome = { ok: true; pdf: Buffer } | { ok: false; error: Error };

async function* renderInWorkers(
  cities: readonly CityResult[],
  shared: ReturnType<typeof sharedJobData>,
  count: number,
  previous: ReadonlyMap<string, PreviousRoundFacts> | undefined,
): AsyncGenerator<RenderedScorecard, void, undefined> {
  const entry = workerEntry();
  const pool: Worker[] = [];
  const outcomes = new Map<number, Outcome>();
  let failure: Error | null = null;
  let next = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const dispatch = (worker: Worker) => {
    const city = cities[next];
    if (city === undefined) return;
    const facts = previous?.get(city.cityId);
    const task: WorkerTask = { id: next++, city, ...(facts === undefined ? {} : { previous: facts }) };
    worker.postMessage(task);
  };
  try {
    for (let i = 0; i < count; i++) {
      const worker =
        entry.kind === "module"
          ? new Worker(entry.url, { workerData: shared })
          : new Worker(entry.code, { eval: true, workerData: shared });
      worker.on("message", (reply: WorkerReply) => {
        if ("error" in reply) {
          const error = new Error(`scorecard of ${cities[reply.id]?.cityId ?? "?"} failed: ${reply.error.message}`);
          if (reply.error.stack !== undefined) error.stack = reply.error.stack;
          outcomes.set(reply.id, { ok: false, error });
        } else {
          outcomes.set(reply.id, { ok: true, pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength) });
        }
        dispatch(worker);
        notify();
      });
      worker.on("error", (error) => {
        failure ??= error;
        notify();
      });
      worker.on("exit", (code) => {
        if (code !== 0) failure ??= new Error(`scorecard worker exited with code ${code}`);
        notify();
      });
      pool.push(worker);
      dispatch(worker);
    }
    for (let id = 0; id < cities.length; id++) {
      let outcome = outcomes.get(id);
      while (outcome === undefined) {
        if (failure !== null) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        outcome = outcomes.get(id);
      }
      outcomes.delete(id);
      if (!outcome.ok) throw outcome.error;
      const city = cities[id];
      if (city !== undefined) yield { cityId: city.cityId, pdf: outcome.pdf };
    }
  } finally {
    for (const worker of pool) {
      worker.removeAllListeners("exit");
      await worker.terminate();
    }
  }
}
