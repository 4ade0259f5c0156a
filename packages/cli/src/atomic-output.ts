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
import { type CliFailure, usage } from "./failure.js";

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
  /** Puts the directory in place of `--out`; a failure (say, `--out` is a mount point) is returned. */
  commit(): CliFailure | undefined;
  discard(): void;
}

const staged = new Set<string>();
const cleanUp = () => {
  for (const dir of staged) rmSync(dir, { recursive: true, force: true });
};
let hooked = false;

const within = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);

/** True when `dir` holds only what Civitas writes (the marker, or its output names). */
function isCivitasOutput(dir: string): boolean {
  const entries = readdirSync(dir);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return true;
  return entries.every((e) => OUTPUT_NAMES.has(e));
}

/**
 * Why `out` may not be replaced by this run's output, or undefined when it may. `inputs` are
 * the files and directories the run reads (evidence, results, rule sets).
 */
export function checkOutputTarget(out: string, inputs: readonly string[]): CliFailure | undefined {
  if (out.trim() === "") return usage("--out is empty: name the output directory");
  const target = resolve(out);
  if (dirname(target) === target) return usage(`--out ${out} is the root of the file system`);
  if (within(process.cwd(), target)) return usage(`--out ${out} is (or contains) the working directory: it would be replaced`);
  for (const input of inputs) {
    if (within(resolve(input), target)) return usage(`--out ${out} holds the input ${input}: replacing it would delete it`);
  }
  if (!existsSync(target)) return undefined;
  if (!lstatSync(target).isDirectory()) return usage(`--out ${out} exists and is not a directory`);
  if (!isCivitasOutput(target)) {
    return usage(
      `--out ${out} is a directory Civitas did not write (it has no ${OUTPUT_MARKER}); replacing it would delete what is in it — ` +
        "choose a new or empty directory, or remove it first",
    );
  }
  return undefined;
}

/** Starts writing an output directory next to `out` (checked with `checkOutputTarget`). */
export function stageOutput(out: string, inputs: readonly string[] = []): StagedOutput | CliFailure {
  const refused = checkOutputTarget(out, inputs);
  if (refused !== undefined) return refused;
  const target = resolve(out);
  const parent = dirname(target);
  const dir = join(parent, `.civitas-partial-${process.pid}-${Date.now().toString(36)}`);
  try {
    mkdirSync(parent, { recursive: true });
    if (!statSync(parent).isDirectory()) return usage(`--out ${out}: ${parent} is not a directory`);
    mkdirSync(dir);
    writeFileSync(join(dir, OUTPUT_MARKER), "Written by civitas; replaced as a whole by the next run with this --out.\n");
  } catch (error) {
    return usage(`--out ${out}: cannot create the output beside it (${(error as Error).message})`);
  }
  staged.add(dir);
  if (!hooked) {
    hooked = true;
    process.once("exit", cleanUp);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.once(signal, () => {
        cleanUp();
        process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15));
      });
    }
  }
  const discard = () => {
    rmSync(dir, { recursive: true, force: true });
    staged.delete(dir);
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
    commit() {
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
        return usage(
          `--out ${out}: cannot put the output in place (${(error as Error).message}); ${relative(process.cwd(), target) || target} is unchanged`,
        );
      }
      staged.delete(dir);
      if (hadPrevious) rmSync(previous, { recursive: true, force: true });
      return undefined;
    },
    discard,
  };
}
