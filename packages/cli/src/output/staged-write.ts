/**
 * The one way a command writes its output. `withOutputDirectory` checks `--out` (what it may
 * replace, see atomic-output.ts) and takes its lock before the command does any work, so a
 * second run on the same `--out` refuses at once; the command then stages everything it writes
 * in a directory beside `--out` and puts it in place as a whole. `withOutputFile` does the same
 * for a command writing one file (`ruleset import --out skeleton.yaml`). The lock is released,
 * and anything staged removed, however the command ends.
 */
import { appendFileSync, existsSync, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import * as Effect from "effect/Effect";
import { type CliFailure, outputFailure } from "../failure.js";
import { checkOutputTarget, type StagedOutput, stageOutput, stagingPathFor } from "./atomic-output.js";
import { keep, removeAtExit } from "./exit-cleanup.js";
import { type Lock, lockPathOf, takeLock } from "./output-lock.js";

/** A command's output directory, locked for the run. */
export interface OutputDirectory {
  readonly path: string;
  /** Stages what `produce` writes, then puts it in place of `--out`; on any failure `--out` stays as it was. */
  write<T>(produce: (staged: StagedOutput) => Promise<T> | T): Effect.Effect<T, CliFailure>;
}

/** A command's output file, locked for the run. */
export interface OutputFile {
  readonly path: string;
  /**
   * Writes the file beside its place, then renames it into place; `data` may come in pieces
   * (a large CSV written as its pieces are made).
   */
  write(data: string | Uint8Array | Iterable<string>): Effect.Effect<void, CliFailure>;
}

const failed = (out: string, message: string) => outputFailure("output_failed", out, message);

/** Takes the lock of `out` (creating its parent directory), or fails saying which run holds it. */
function lockOutput(out: string): Effect.Effect<Lock, CliFailure> {
  const target = resolve(out);
  return Effect.try({
    try: () => mkdirSync(dirname(target), { recursive: true }),
    catch: (error) => failed(out, `--out ${out}: cannot create the output beside it (${(error as Error).message})`),
  }).pipe(
    Effect.andThen(
      Effect.try({
        try: () => takeLock(target),
        catch: (error) => failed(out, `--out ${out}: cannot lock it (${(error as Error).message})`),
      }),
    ),
    Effect.flatMap((lock) =>
      lock.held
        ? Effect.fail(
            outputFailure(
              "output_locked",
              out,
              `--out ${out} is being written by another civitas run (pid ${Number.isNaN(lock.pid) ? "unknown" : lock.pid}); ` +
                `wait for it to finish, or remove ${lockPathOf(target)} if no civitas run is going on`,
            ),
          )
        : Effect.succeed(lock),
    ),
  );
}

/** Runs `run` holding `lock`, released however it ends. */
const holding = <A, E, R>(lock: Effect.Effect<Lock, CliFailure>, run: Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(
    lock,
    () => run,
    (taken) => Effect.sync(() => taken.release()),
  );

/**
 * Runs `run` with the output directory `out`, checked first (`inputs` are what the run reads,
 * which `--out` must not hold) and locked for the whole run.
 */
export function withOutputDirectory<A, E, R>(
  out: string,
  inputs: readonly string[],
  run: (output: OutputDirectory) => Effect.Effect<A, E, R>,
): Effect.Effect<A, E | CliFailure, R> {
  const output: OutputDirectory = {
    path: out,
    write: (produce) =>
      Effect.gen(function* () {
        const staged = yield* stageOutput(out, inputs);
        const result = yield* Effect.tryPromise({
          try: async () => produce(staged),
          catch: (error) => failed(out, `cannot write ${out}: ${String(error)}`),
        }).pipe(Effect.onError(() => Effect.sync(() => staged.discard())));
        yield* staged.commit();
        return result;
      }),
  };
  return checkOutputTarget(out, inputs).pipe(Effect.andThen(holding(lockOutput(out), run(output))));
}

/** Why `path` may not be written as a file, or undefined. */
function fileRefusal(path: string): string | undefined {
  if (path.trim() === "") return "--out is empty: name the output file";
  if (existsSync(path) && lstatSync(path).isDirectory()) return `--out ${path} is a directory: name a file`;
  return undefined;
}

/** Writes `data` beside `target` and renames it into place (a plain function: this boundary). */
function putFile(target: string, data: string | Uint8Array | Iterable<string>): void {
  const staging = stagingPathFor(target, `-${basename(target)}`);
  removeAtExit(staging);
  try {
    if (typeof data === "string" || data instanceof Uint8Array) writeFileSync(staging, data);
    else {
      writeFileSync(staging, "");
      for (const piece of data) appendFileSync(staging, piece);
    }
    renameSync(staging, target);
  } finally {
    rmSync(staging, { force: true });
    keep(staging);
  }
}

/** Runs `run` with the output file `path`, locked for the whole run. */
export function withOutputFile<A, E, R>(
  path: string,
  run: (output: OutputFile) => Effect.Effect<A, E, R>,
): Effect.Effect<A, E | CliFailure, R> {
  const target = resolve(path);
  const output: OutputFile = {
    path,
    write: (data) =>
      Effect.try({ try: () => putFile(target, data), catch: (error) => failed(path, `cannot write ${path}: ${(error as Error).message}`) }),
  };
  return Effect.try({ try: () => fileRefusal(path), catch: (error) => failed(path, `--out ${path}: ${(error as Error).message}`) }).pipe(
    Effect.flatMap((why) => (why === undefined ? Effect.void : Effect.fail(outputFailure("output_refused", path, why)))),
    Effect.andThen(holding(lockOutput(path), run(output))),
  );
}
