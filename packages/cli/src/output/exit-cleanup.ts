/**
 * What a run leaves behind only while it runs — staging directories, lock files — removed when
 * the process ends: at exit, and on SIGINT, SIGTERM and SIGHUP (then exiting 128 + signal).
 */
import { rmSync } from "node:fs";

const paths = new Set<string>();
let hooked = false;

const removeAll = () => {
  for (const path of paths) rmSync(path, { recursive: true, force: true });
  paths.clear();
};

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/** Removes `path` when the process ends, unless `keep` is called first. */
export function removeAtExit(path: string): void {
  paths.add(path);
  if (hooked) return;
  hooked = true;
  process.once("exit", removeAll);
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      removeAll();
      process.exit(128 + number);
    });
  }
}

/** `path` stays (it was put in place, or removed already). */
export function keep(path: string): void {
  paths.delete(path);
}
