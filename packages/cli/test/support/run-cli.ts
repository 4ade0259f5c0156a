/**
 * Runs the civitas command in a child process, as a user would: `bin/civitas.js`, which runs
 * the built CLI in dist/ (built once before the tests by the global setup, build-once.ts).
 */
import { type ChildProcess, type SpawnOptions, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const bin = fileURLToPath(new URL("../../bin/civitas.js", import.meta.url));
const built = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const nodeArgs = (args: readonly string[]) => {
  // without dist/, bin/civitas.js would quietly run the sources through tsx: slow, and not what ships
  if (!existsSync(built)) throw new Error(`${built} is missing: the tests' global setup builds it (vitest.config.ts)`);
  return [bin, ...args];
};
const env = () => ({ ...process.env, NO_COLOR: "1" });

/** Runs civitas with `args`; `environment` replaces the environment's variables it names (undefined: removes). */
export function runCli(args: readonly string[], cwd = repoRoot, environment: Record<string, string | undefined> = {}): CliRun {
  const merged: Record<string, string | undefined> = { ...env(), ...environment };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  const child = spawnSync(process.execPath, nodeArgs(args), { cwd, encoding: "utf8", env: merged });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Like `runCli`, without blocking: several runs can go on at once. */
export function runCliAsync(args: readonly string[], cwd = repoRoot): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, { cwd });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** The command as a child process to steer (signals, stdin); stdout and stderr are pipes unless `stdio` says otherwise. */
export function spawnCli(args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, nodeArgs(args), { cwd: repoRoot, env: env(), ...options });
}
