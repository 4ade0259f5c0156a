/**
 * Writes the outputs of a scored round in the formats asked for: results.json and the CSV
 * tables (results, standards, problems, rejects).
 */
import type { Results, Ruleset } from "@civitas/core";
import { problemsTable, rejectsTable, resultsTable, standardsTable, tableToCsv } from "@civitas/csv";
import type { StagedOutput } from "./atomic-output.js";

export const FORMATS = ["json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

/** results.json text: stable key order as built, two-space indent, trailing newline. */
export function resultsJson(results: Results): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/** Writes every output of the formats asked for into the staged directory. */
export async function writeRound(
  output: StagedOutput,
  results: Results,
  _ruleset: Ruleset | undefined,
  formats: ReadonlySet<Format>,
): Promise<string[]> {
  const written: string[] = [];
  const put = (name: string, data: string | Uint8Array) => {
    output.write(name, data);
    written.push(name);
  };
  if (formats.has("json")) put("results.json", resultsJson(results));
  if (formats.has("csv")) {
    put("results.csv", await tableToCsv(resultsTable(results)));
    put("standards.csv", await tableToCsv(standardsTable(results)));
    put("problems.csv", await tableToCsv(problemsTable(results)));
    put("rejects.csv", await tableToCsv(rejectsTable(results)));
  }
  return written;
}
