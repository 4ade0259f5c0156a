/**
 * Where a row came from — its file, line and raw text — as a rejected row names it: one place,
 * so that a row the row gate rejects and a row rejected after it was admitted (an appeal whose
 * target turns out not to be a problem of the city) read the same.
 */
import type { RowOrigin } from "./model.js";
import { csvLine } from "./values.js";

/** The origin of the row `cells` found at `line` of `file`. */
export function rowOrigin(file: string, line: number, cells: readonly string[]): RowOrigin {
  return { file, line, raw: csvLine(cells) };
}
