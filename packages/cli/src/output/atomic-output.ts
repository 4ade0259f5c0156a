/**
 * Output written atomically: everything goes to a temporary directory beside `--out`, which
 * is renamed into place only when complete. An interrupted run leaves the previous output
 * untouched and no directory that looks complete.
 *
 * Replacing `--out` deletes what was there, so only what Civitas wrote may be replaced: a new
 * path, an empty directory, or a directory holding the `.civitas-output` marker every output
 * directory gets (or, written before the marker existed, only Civitas's own output names).
 * Never the working directory, a directory above it, or a directory holding the run's inputs.
 */
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import * as Effect from "effect/Effect";
import { CliFailure, outputFailure } from "../failure.js";
import { keep, removeAtExit } from "./exit-cleanup.js";
import { PARTIAL_PREFIX } from "./output-lock.js";
/** The file marking a directory as written by Civitas. */
export const OUTPUT_MARKER = ".civitas-output";

/** Names Civitas writes into an output directory (for directories written before the marker). */
const OUTPUT_NAMES = new Set([
  "results.json",
  "results.csv",
  "standards.csv",
  "problems.csv",
  "rejects.csv",
  "summary.pdf",
  "scorecards",
  "closure.json",
  "closure.csv",
  "closure.pdf",
  "composite.json",
  "composite.csv",
  "composite.pdf",
  "plan.json",
  "plan.csv",
  "plan.pdf",
  "rounds",
  "closure",
  "composite",
  "plan",
]);

/** A directory being written; `commit` puts it in place of `--out`. */
export interface StagedOutput {
  readonly dir: string;
  write(relativePath: string, data: string | Uint8Array): void;
  /** Writes a file piece by piece (text as UTF-8), so that it is never whole in memory. */
  writePieces(relativePath: string, pieces: Iterable<string | Uint8Array>): void;
  /** Puts the directory in place of `--out`; fails (say, `--out` is a mount point) leaving `--out` as it was. */
  commit(): Effect.Effect<void, CliFailure>;
  discard(): void;
}

const within = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);

/** True when `dir` holds only what Civitas writes (the marker, or its output names). */
function isCivitasOutput(dir: string): boolean {
  const entries = readdirSync(dir);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return true;
  return entries.every((e) => OUTPUT_NAMES.has(e));
}

const refused = (out: string, message: string) => outputFailure("output_refused", out, message);
const failed = (out: string, message: string) => outputFailure("output_failed", out, message);

/** Why `out` may not be replaced, or undefined when it may (reads the file system: may throw). */
function refusal(out: string, inputs: readonly string[]): string | undefined {
  if (out.trim() === "") return "--out is empty: name the output directory";
  const target = resolve(out);
  if (dirname(target) === target) return `--out ${out} is the root of the file system`;
  if (within(process.cwd(), target)) return `--out ${out} is (or contains) the working directory: it would be replaced`;
  for (const input of inputs) {
    if (within(resolve(input), target)) return `--out ${out} holds the input ${input}: replacing it would delete it`;
  }
  if (!existsSync(target)) return undefined;
  if (!lstatSync(target).isDirectory()) return `--out ${out} exists and is not a directory`;
  if (!isCivitasOutput(target)) {
    return (
      `--out ${out} is a directory Civitas did not write (it has no ${OUTPUT_MARKER}); replacing it would delete what is in it — ` +
      "choose a new or empty directory, or remove it first"
    );
  }
  return undefined;
}

/**
 * Fails when `out` may not be replaced by this run's output. `inputs` are the files and
 * directories the run reads (evidence, results, rule sets).
 */
export function checkOutputTarget(out: string, inputs: readonly string[]): Effect.Effect<void, CliFailure> {
  return Effect.try({
    try: () => refusal(out, inputs),
    catch: (error) => failed(out, `--out ${out}: cannot look at it (${(error as Error).message})`),
  }).pipe(Effect.flatMap((why) => (why === undefined ? Effect.void : Effect.fail(refused(out, why)))));
}

/** A fresh staging name beside `target`: `.civitas-partial-<pid>-<time>`. */
export const stagingPathFor = (target: string, suffix = "") =>
  join(dirname(target), `${PARTIAL_PREFIX}${process.pid}-${Date.now().toString(36)}${suffix}`);

/** Renames the staged directory into place (a plain function: its job is this boundary); throws a CliFailure. */
function commitDirectory(out: string, dir: string, target: string, discard: () => void): void {
  const previous = `${dir}.previous`;
  const hadPrevious = existsSync(target);
  try {
    if (hadPrevious) renameSync(target, previous);
    try {
      renameSync(dir, target);
    } catch (error) {
      if (hadPrevious) renameSync(previous, target);
      throw error;
    }
  } catch (error) {
    discard();
    throw failed(
      out,
      `--out ${out}: cannot put the output in place (${(error as Error).message}); ${relative(process.cwd(), target) || target} is unchanged`,
    );
  }
  keep(dir);
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
}

/** Starts writing an output directory next to `out` (checked with `checkOutputTarget` first). */
export function stageOutput(out: string, inputs: readonly string[] = []): Effect.Effect<StagedOutput, CliFailure> {
  return checkOutputTarget(out, inputs).pipe(Effect.flatMap(() => Effect.try({ try: () => stage(out), catch: asFailure(out) })));
}

/** What a plain function of this module threw, as a failure (its own CliFailure as it is). */
const asFailure = (out: string) => (error: unknown) =>
  error instanceof CliFailure ? error : failed(out, `--out ${out}: ${(error as Error).message}`);

/** Makes the staging directory (a plain function: its job is this file-system boundary); throws a CliFailure. */
function stage(out: string): StagedOutput {
  const target = resolve(out);
  const parent = dirname(target);
  const dir = stagingPathFor(target);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw failed(out, `--out ${out}: cannot create the output beside it (${(error as Error).message})`);
  }
  if (!statSync(parent).isDirectory()) throw failed(out, `--out ${out}: ${parent} is not a directory`);
  try {
    mkdirSync(dir);
    writeFileSync(join(dir, OUTPUT_MARKER), "Written by civitas; replaced as a whole by the next run with this --out.\n");
  } catch (error) {
    throw failed(out, `--out ${out}: cannot create the output beside it (${(error as Error).message})`);
  }
  removeAtExit(dir);
  const discard = () => {
    rmSync(dir, { recursive: true, force: true });
    keep(dir);
  };
  return {
    dir,
    write(relativePath, data) {
      const path = join(dir, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    },
    writePieces(relativePath, pieces) {
      const path = join(dir, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      const fd = openSync(path, "w");
      try {
        for (const piece of pieces) {
          const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
          for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
        }
      } finally {
        closeSync(fd);
      }
    },
    commit: () => Effect.try({ try: () => commitDirectory(out, dir, target, discard), catch: asFailure(out) }),
    discard,
  };
}
