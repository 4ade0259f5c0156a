/**
 * Output written atomically: everything goes to a temporary directory beside `--out`, which
 * is renamed into place only when complete. An interrupted run leaves the previous output
 * untouched and no directory that looks complete.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** A directory being written; `commit` puts it in place of `--out`. */
export interface StagedOutput {
  readonly dir: string;
  write(relativePath: string, data: string | Uint8Array): void;
  /** Writes a file piece by piece (text as UTF-8), so that it is never whole in memory. */
  writePieces(relativePath: string, pieces: Iterable<string | Uint8Array>): void;
  commit(): void;
  discard(): void;
}

const staged = new Set<string>();
const cleanUp = () => {
  for (const dir of staged) rmSync(dir, { recursive: true, force: true });
};
let hooked = false;

/** Starts writing an output directory next to `out`. */
export function stageOutput(out: string): StagedOutput {
  const target = resolve(out);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const dir = join(parent, `.${basename(target)}.partial-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(dir);
  staged.add(dir);
  if (!hooked) {
    hooked = true;
    process.once("exit", cleanUp);
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        cleanUp();
        process.exit(128 + (signal === "SIGINT" ? 2 : 15));
      });
    }
  }
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
      if (hadPrevious) renameSync(target, previous);
      renameSync(dir, target);
      staged.delete(dir);
      if (hadPrevious) rmSync(previous, { recursive: true, force: true });
    },
    discard() {
      rmSync(dir, { recursive: true, force: true });
      staged.delete(dir);
    },
  };
}
