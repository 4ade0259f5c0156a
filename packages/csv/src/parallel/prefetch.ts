/**
 * Starting to parse an evidence directory before it is read: the CLI knows from its arguments
 * which directory `civitas score` will read, and starts the parse workers on it while it is
 * still loading its modules and the rule set (about 0.4 s with one core idle). A later
 * `readEvidence` of the same directory takes the parse over; `releasePrefetchedEvidence` stops
 * one that nobody took (say the rule set was invalid).
 *
 * This module imports nothing of @civitas/core (it is behind the entry `@civitas/csv/prefetch`),
 * so that starting costs only what parsing needs.
 */
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { defaultWorkers, ParallelRead, SPLIT_MIN_BYTES } from "./read-in-parallel.js";

/**
 * The evidence files in the order they are admitted (as @civitas/core's EVIDENCE_KINDS and
 * EVIDENCE_FILE_NAMES; a test checks that they agree).
 */
export const EVIDENCE_FILE_ORDER = [
  "cities.csv",
  "sites.csv",
  "field.csv",
  "survey.csv",
  "documents.csv",
  "facts.csv",
  "appeals.csv",
] as const;

const started = new Map<string, ParallelRead>();

/** The evidence files present in `dir`, in the order they are admitted. */
export function evidencePaths(dir: string): string[] {
  // regular files only: a FIFO or device would block the parse (the read itself refuses them)
  return EVIDENCE_FILE_ORDER.map((name) => join(dir, name)).filter((path) => existsSync(path) && statSync(path).isFile());
}

/** Starts parsing the evidence in `dir` on worker threads, if it is large enough to be. */
export function prefetchEvidence(dir: string): void {
  try {
    const key = resolve(dir);
    if (started.has(key) || !existsSync(join(dir, "cities.csv")) || !statSync(dir).isDirectory()) return;
    const paths = evidencePaths(dir);
    const bytes = paths.reduce((sum, path) => sum + statSync(path).size, 0);
    if (bytes < SPLIT_MIN_BYTES || defaultWorkers() === 0) return;
    started.set(key, new ParallelRead(paths));
  } catch {
    // only a head start: the read itself reports whatever is wrong
  }
}

/** The parse started for `dir` over exactly `paths`, now the caller's to read and close. */
export function takePrefetchedEvidence(dir: string, paths: readonly string[]): ParallelRead | undefined {
  const key = resolve(dir);
  const read = started.get(key);
  if (read === undefined) return undefined;
  started.delete(key);
  if (read.paths.length === paths.length && read.paths.every((path, i) => path === paths[i])) return read;
  void read.close();
  return undefined;
}

/** Stops every parse started and not taken. */
export async function releasePrefetchedEvidence(): Promise<void> {
  const reads = [...started.values()];
  started.clear();
  await Promise.all(reads.map((read) => read.close()));
}
