/**
 * Runs the civitas CLI from its TypeScript sources in a child process, as a user would.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const main = fileURLToPath(new URL("../../src/main.ts", import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd = repoRoot): CliRun {
  const child = spawnSync(process.execPath, ["--conditions=@civitas/source", "--import", "tsx", main, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}
