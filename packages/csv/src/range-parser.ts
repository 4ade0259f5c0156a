/**
 * The main thread's side of a parse worker: starts it on a byte range of a file and yields its
 * parsed items, batch by batch and in order. Runs the built JavaScript worker, or, when the
 * package runs from its TypeScript sources (tests, tsx), the source worker through tsx.
 */
import { Worker } from "node:worker_threads";
import type { ParsedItem, ParseRangeMessage, ParseRangeRequest } from "./parse-worker.js";

export interface RangeParser {
  /** The parsed items of the range, in file order. */
  items(): AsyncGenerator<ParsedItem[]>;
  terminate(): Promise<void>;
}

function createWorker(request: ParseRangeRequest): Worker {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    const source = new URL("./parse-worker.ts", here).href;
    const script = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
    return new Worker(script, { eval: true, workerData: request });
  }
  return new Worker(new URL("./parse-worker.js", here), { workerData: request });
}

/** Starts parsing `request.path` from byte `request.start` on a worker thread. */
export function startRangeParser(request: ParseRangeRequest): RangeParser {
  const worker = createWorker(request);
  const queue: ParseRangeMessage[] = [];
  let wake: (() => void) | undefined;
  const push = (message: ParseRangeMessage) => {
    queue.push(message);
    wake?.();
  };
  worker.on("message", push);
  worker.on("error", (error) => push({ error: String(error) }));
  worker.on("exit", (code) => {
    if (code !== 0) push({ error: `parse worker exited with code ${code}` });
  });
  return {
    async *items() {
      for (;;) {
        const message = queue.shift();
        if (message === undefined) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
          continue;
        }
        if ("done" in message) return;
        if ("error" in message) throw new Error(message.error);
        yield JSON.parse(message.batch) as ParsedItem[];
      }
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
