/**
 * @civitas/csv/effect — the evidence read as an Effect, failing with a typed `EvidenceError`
 * and never throwing. Its types are effect's, whose declarations mention DOM types (`Storage`,
 * `QueuingStrategy`): a consumer compiling with `skipLibCheck: false` needs `lib: ["DOM"]` for
 * this entry; the main entry `@civitas/csv` needs neither effect nor DOM.
 *
 * @example
 * import { Effect } from "effect";
 * import { readEvidenceEffect } from "@civitas/csv/effect";
 * const program = readEvidenceEffect("evidence/2024", ruleset, "2024").pipe(
 *   Effect.catchTag("EvidenceError", (error) => Effect.die(`${error.file}: ${error.message}`)),
 * );
 *
 * @packageDocumentation
 */
import { EvidenceError, type Ruleset } from "@civitas/core";
import * as Effect from "effect/Effect";
import { type EvidenceRead, type ReadEvidenceOptions, readEvidence } from "./read-evidence.js";

/** Reads and admits the evidence of `round` in `dir`, as `readEvidence` does; fails with an `EvidenceError`. */
export function readEvidenceEffect(
  dir: string,
  ruleset: Ruleset,
  round: string,
  options: ReadEvidenceOptions = {},
): Effect.Effect<EvidenceRead, EvidenceError> {
  return Effect.tryPromise({
    try: () => readEvidence(dir, ruleset, round, options),
    catch: (error) =>
      error instanceof EvidenceError
        ? error
        : new EvidenceError({ code: "unreadable", file: dir, message: `evidence cannot be read: ${String(error)}` }),
  });
}

export { EvidenceError };
export type { EvidenceRead, ReadEvidenceOptions };
