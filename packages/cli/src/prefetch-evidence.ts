/**
 * A head start for `civitas score`: started by bin/civitas.js before the CLI loads, it finds
 * the evidence directory in the arguments and has @civitas/csv start parsing it on worker
 * threads while the rest of the CLI and the rule set load (about 0.4 s with a core idle).
 * Imports only @civitas/csv/prefetch; anything unexpected in the arguments means no head start.
 */
import { prefetchEvidence } from "@civitas/csv/prefetch";

/** The value of `--evidence` when the arguments are a `score` command, else undefined. */
export function evidenceArgument(args: readonly string[]): string | undefined {
  if (args[0] !== "score") return undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--evidence") return args[i + 1];
    if (arg.startsWith("--evidence=")) return arg.slice("--evidence=".length);
  }
  return undefined;
}

/** Starts parsing the evidence of a `score` command given these arguments, if any. */
export function prefetchEvidenceFor(args: readonly string[]): void {
  const dir = evidenceArgument(args);
  if (dir !== undefined && dir !== "") prefetchEvidence(dir);
}
