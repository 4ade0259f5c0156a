/**
 * Reads an evidence directory (SPEC section 2) into the core's admission, file by file in
 * dependency order (cities, sites, field, then the rest), with per-file accounting. Large
 * evidence is parsed on worker threads while the main thread admits the rows in file order.
 */
import { existsSync, lstatSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  type Admission,
  type AdmissionOptions,
  createAdmission,
  EVIDENCE_FILE_NAMES,
  EVIDENCE_KINDS,
  EvidenceError,
  type HeaderLayout,
  type InputFile,
  type Ruleset,
} from "@civitas/core";
import { admissionSink, emptyFileError } from "./admission-sink.js";
import { takePrefetchedEvidence } from "./parallel/prefetch.js";
import { notTextError } from "./not-text.js";
import { readEvidenceFile, readHead } from "./read-evidence-file.js";
import { unreadEntries } from "./unread-entries.js";
import { defaultWorkers, ParallelRead, type ParallelOptions, SPLIT_MIN_BYTES } from "./parallel/read-in-parallel.js";

/** Options of a read: the admission's, and how large evidence is parsed on worker threads. */
export interface ReadEvidenceOptions extends AdmissionOptions {
  /** Worker threads parse the evidence from this many bytes on (default `SPLIT_MIN_BYTES`). */
  readonly parallelFrom?: number;
  readonly parallel?: ParallelOptions;
}

/** An evidence directory read and admitted for one round. */
export interface EvidenceRead {
  readonly admission: Admission;
  /** One entry per file present, with its hash, encoding and row accounting. */
  readonly files: InputFile[];
  /** What the reader noticed but did not stop for: files in the directory it does not read (`Field.csv`, `field.xlsx`). */
  readonly warnings: string[];
}

const sizeOf = (path: string) => statSync(path).size;

/**
 * Whether the evidence file `name` is in `dir`: absent, or a regular file to read. Anything
 * else there — a link to nothing, a directory, a FIFO or device that would never end — is an
 * error naming the file, not a file quietly missing.
 */
function isPresent(dir: string, name: string): boolean {
  const path = join(dir, name);
  let entry: ReturnType<typeof lstatSync>;
  try {
    entry = lstatSync(path);
  } catch {
    return false;
  }
  let target: ReturnType<typeof statSync>;
  try {
    target = entry.isSymbolicLink() ? statSync(path) : entry;
  } catch (error) {
    throw new EvidenceError({
      code: "unreadable",
      file: name,
      message: `${path} cannot be read: it is a symbolic link to nothing readable (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    });
  }
  if (!target.isFile()) {
    const what = target.isDirectory() ? "a directory" : target.isFIFO() ? "a FIFO" : "not a regular file";
    throw new EvidenceError({ code: "unreadable", file: name, message: `${path} cannot be read: it is ${what}, not a CSV file` });
  }
  return true;
}

async function readAll(dir: string, ruleset: Ruleset, round: string, options: ReadEvidenceOptions): Promise<EvidenceRead> {
  if (!existsSync(dir)) throw new EvidenceError({ code: "unreadable", file: dir, message: `evidence directory ${dir} does not exist` });
  if (!statSync(dir).isDirectory()) {
    throw new EvidenceError({
      code: "unreadable",
      file: dir,
      message: `--evidence ${dir} is a file; name the directory that holds cities.csv`,
    });
  }
  const present = EVIDENCE_KINDS.map((kind) => ({
    kind,
    name: EVIDENCE_FILE_NAMES[kind],
    path: join(dir, EVIDENCE_FILE_NAMES[kind]),
  })).filter((file) => isPresent(dir, file.name));
  const known = Object.values(EVIDENCE_FILE_NAMES);
  const unread = unreadEntries(dir, known, new Set(present.map((file) => file.name)));
  const paths = present.map((file) => file.path);
  if (present[0]?.kind !== "cities") {
    const citiesPath = join(dir, EVIDENCE_FILE_NAMES.cities);
    const hints = unread.filter((entry) => entry.meant.includes(EVIDENCE_FILE_NAMES.cities)).map((entry) => `; ${entry.message}`);
    throw new EvidenceError({
      code: "missing_cities",
      file: citiesPath,
      message: `${citiesPath} is missing: every evidence directory needs cities.csv${hints.join("")}`,
    });
  }
  // a workbook or UTF-16 text under an evidence name is said to be so before anything is parsed
  for (const file of present) {
    const error = notTextError(file.name, await readHead(file.path));
    if (error !== undefined) {
      await takePrefetchedEvidence(dir, paths)?.close();
      throw error;
    }
  }
  const admission = createAdmission(ruleset, round, options);
  const bytes = present.reduce((sum, file) => sum + sizeOf(file.path), 0);
  const workers = options.parallel?.workers ?? defaultWorkers();
  const custom = options.parallel !== undefined || options.parallelFrom !== undefined;
  const parallel =
    (custom ? undefined : takePrefetchedEvidence(dir, paths)) ??
    (bytes >= (options.parallelFrom ?? SPLIT_MIN_BYTES) && workers > 0
      ? new ParallelRead(paths, { ...options.parallel, workers })
      : undefined);
  const files: InputFile[] = [];
  try {
    for (const [i, { kind, name, path }] of present.entries()) {
      let opened: ReturnType<Admission["open"]> | undefined;
      let read: Awaited<ReturnType<typeof readEvidenceFile>>;
      const openFile = (layout: HeaderLayout) => {
        opened = admission.open(layout, name);
        return opened;
      };
      try {
        if (parallel === undefined) read = await readEvidenceFile(path, name, kind, openFile);
        else {
          const { sink, finish } = admissionSink(name, kind, openFile);
          const done = await parallel.read(i, sink);
          if (done === "empty") throw emptyFileError(name);
          finish();
          read = done;
        }
      } catch (error) {
        if (error instanceof EvidenceError) throw error;
        throw new EvidenceError({ code: "unreadable", file: name, message: `${name} cannot be read: ${(error as Error).message}` });
      }
      const account = opened?.account ?? { name, rows: 0, accepted: 0, skipped: 0, rejected: 0 };
      files.push({ ...account, sha256: read.sha256, encoding: read.encoding });
    }
  } finally {
    await parallel?.close();
  }
  return { admission, files, warnings: unread.map((entry) => entry.message) };
}

/**
 * Reads and admits the evidence of `round` in `dir`; rejects with an `EvidenceError` (file,
 * line, field) when the evidence cannot be scored. `@civitas/csv/effect` has it as an Effect.
 *
 * @example
 * import { parseRuleset } from "@civitas/core";
 * import { readEvidence } from "@civitas/csv";
 * const { admission, files, warnings } = await readEvidence("evidence/2024", parseRuleset(data), "2024");
 */
export async function readEvidence(dir: string, ruleset: Ruleset, round: string, options: ReadEvidenceOptions = {}): Promise<EvidenceRead> {
  try {
    return await readAll(dir, ruleset, round, options);
  } catch (error) {
    if (error instanceof EvidenceError) throw error;
    throw new EvidenceError({ code: "unreadable", file: dir, message: `evidence cannot be read: ${String(error)}` });
  }
}
