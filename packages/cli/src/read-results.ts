/**
 * Reading a results.json (written by `civitas score`, or by hand with the spec's required
 * core), with a clear failure naming the file and every path at fault when it is not one.
 */
import { readFileSync } from "node:fs";
import { type Results, type ResultsNeed, ResultsError, readResults as readResultsData } from "@civitas/core";
import { type CliFailure, usage } from "./failure.js";

/** Reads a results.json; `needs` names the parts of SPEC section 5 the command uses. */
export function readResults(path: string, needs: readonly ResultsNeed[] = []): Results | CliFailure {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    return usage(`${path}: cannot read results (${(error as Error).message})`);
  }
  try {
    return readResultsData(data, { needs });
  } catch (error) {
    if (!(error instanceof ResultsError)) throw error;
    const shown = error.issues.slice(0, 20).map((i) => `  ${i.path}: ${i.message}`);
    const more = error.issues.length > shown.length ? [`  … and ${error.issues.length - shown.length} more`] : [];
    return usage([`${path}: not a usable results.json (${error.issues.length} problem(s))`, ...shown, ...more].join("\n"));
  }
}
