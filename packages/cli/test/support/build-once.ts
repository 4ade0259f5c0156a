/**
 * Vitest global setup: builds every package into its dist/ once, before any test file runs
 * (turbo's cache makes it nearly free when nothing changed). The CLI tests then run the built
 * command as a user does (`bin/civitas.js` → dist/), instead of loading the TypeScript sources
 * through tsx in every child process (about 1 s each); the packing test packs those builds.
 * The tests of library functions still run their TypeScript sources in-process.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

export default function setup(): void {
  const turbo = join(root, "node_modules/turbo/bin/turbo");
  try {
    execFileSync(process.execPath, [turbo, "run", "build", "--output-logs=errors-only"], {
      cwd: root,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`the build before the tests failed:\n${stdout}${stderr}`);
  }
}
