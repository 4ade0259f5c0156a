/**
 * The worker-thread entry of `renderScorecards`: receives the batch's shared data once (as
 * `workerData`), then one city at a time, and answers with the PDF bytes (transferred, not
 * copied) or the error.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { CityResult } from "@civitas/core";
import { configurePdfmake } from "./pdf-engine.js";
import type { PreviousRoundFacts } from "./previous-round.js";
import { renderCity, type SharedJobData } from "./scorecard-job.js";

/** A task sent to the worker. */
export interface WorkerTask {
  readonly id: number;
  readonly city: CityResult;
  readonly previous?: PreviousRoundFacts;
}

/** The worker's answer to a task. */
export type WorkerReply =
  | { readonly id: number; readonly pdf: Uint8Array }
  | { readonly id: number; readonly error: { readonly message: string; readonly stack?: string } };

const port = parentPort;
if (port !== null) {
  const shared = workerData as SharedJobData;
  configurePdfmake();
  port.on("message", (task: WorkerTask) => {
    renderCity(shared, task.city, task.previous).then(
      (buffer) => {
        // A fresh, exactly sized ArrayBuffer can be transferred without copying.
        const pdf =
          buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength ? buffer : Uint8Array.prototype.slice.call(buffer);
        const reply: WorkerReply = { id: task.id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
        port.postMessage(reply, [pdf.buffer as ArrayBuffer]);
      },
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        const reply: WorkerReply = { id: task.id, error: { message: e.message, ...(e.stack === undefined ? {} : { stack: e.stack }) } };
        port.postMessage(reply);
      },
    );
  });
}
