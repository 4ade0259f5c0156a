/**
 * One run at a time per output: a lock file beside `--out` (`.<name>.civitas-lock`, holding
 * the pid of the run), created exclusively before any work, released when the run ends. A
 * second run on the same `--out` refuses with a clear message; a lock left by a process that
 * is gone (killed, crashed) is taken over. Staging directories left beside it by runs that are
 * gone (`.civitas-partial-<pid>-…`) are removed when the lock is taken.
 */
import { closeSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { keep, removeAtExit } from "./exit-cleanup.js";

/** The lock file of the output at `target` (an absolute path). */
export const lockPathOf = (target: string) => join(dirname(target), `.${basename(target)}.civitas-lock`);

/** Prefix of staging directories and files: `.civitas-partial-<pid>-<time>`. */
export const PARTIAL_PREFIX = ".civitas-partial-";

/** True while a process with this pid exists (one of another user's counts). */
export function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Why the lock could not be taken: the pid of the run that holds it. */
export interface LockHeld {
  readonly held: true;
  readonly pid: number;
  readonly path: string;
}

/** A lock taken: release it when the run's output is in place (or given up). */
export interface Lock {
  readonly held: false;
  readonly path: string;
  release(): void;
}

function create(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

const holderOf = (path: string): number => {
  try {
    return Number.parseInt(readFileSync(path, "utf8"), 10);
  } catch {
    return Number.NaN;
  }
};

/**
 * Takes the lock of `target`, or says who holds it. Throws only what the file system throws
 * (a parent that cannot be written, …). The parent directory must exist.
 */
export function takeLock(target: string): Lock | LockHeld {
  const path = lockPathOf(target);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create(path)) {
      removeAtExit(path);
      removeStaleStaging(dirname(target));
      return {
        held: false,
        path,
        release() {
          rmSync(path, { force: true });
          keep(path);
        },
      };
    }
    const pid = holderOf(path);
    // a lock without a pid is being written (or was left so): held, not stale
    if (Number.isNaN(pid) || isAlive(pid)) return { held: true, pid, path };
    rmSync(path, { force: true });
  }
  return { held: true, pid: holderOf(path), path };
}

/** Removes the staging directories (and files) in `dir` of runs whose process is gone. */
export function removeStaleStaging(dir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(PARTIAL_PREFIX)) continue;
    const pid = Number.parseInt(name.slice(PARTIAL_PREFIX.length), 10);
    if (Number.isNaN(pid) || isAlive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
