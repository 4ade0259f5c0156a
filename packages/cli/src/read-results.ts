/**
 * Reading a results.json written by `civitas score`, with a clear failure when it is not one.
 */
import { readFileSync } from "node:fs";
import type { Results } from "@civitas/core";
import { type CliFailure, usage } from "./failure.js";

/** Reads and sanity-checks a results.json. */
export function readResults(path: string): Results | CliFailure {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    return usage(`${path}: cannot read results (${(error as Error).message})`);
  }
  const record = data as Partial<Results> | null;
  if (
    record === null ||
    typeof record !== "object" ||
    record.schemaVersion !== 1 ||
    !Array.isArray(record.cities) ||
    typeof record.ruleset?.id !== "string"
  ) {
    return usage(`${path}: not a Civitas results.json (schemaVersion 1 with ruleset and cities)`);
  }
  const ruleset = record.ruleset as Partial<Results["ruleset"]>;
  return { ...record, ruleset: { ...ruleset, grades: ruleset.grades ?? [], dynamic: ruleset.dynamic ?? null } } as Results;
}
