/**
 * Runs the civitas CLI from its TypeScript sources in a child process, as a user would.
 */
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const main = fileURLToPath(new URL("../../src/main.ts", import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const nodeArgs = (args: readonly string[]) => ["--conditions=@civitas/source", "--import", "tsx", main, ...args];
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
    const child = spawn(process.execPath, nodeArgs(args), { cwd, env: env() });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
