/**
 * results.json as text (SPEC section 4), the writer beside its reader (`read-results.ts`): one
 * top-level key per line and one city (or rejected row) per line — readable and diffable by
 * city, yet compact for national batches — in pieces, so that a national batch's results are
 * never one string in memory. Stable key order. A round's results.json lists the first
 * `REJECTS_LISTED` rejected rows and says how many it leaves out (`rejectsOmitted`; every file's
 * counts stay whole in `inputs`); rejects.csv, written from the full list, has them all. A
 * shard's results list every rejected row: `merge` needs them all to write rejects.csv.
 */
import type { RejectedRow } from "../evidence/reject-codes.js";
import type { Results } from "./model.js";

/** Rejected rows a results.json lists; the rest are counted in `rejectsOmitted`. */
export const REJECTS_LISTED = 1000;

/** About this many characters per piece of results.json. */
const PIECE = 1 << 20;

/**
 * The rejected rows a results.json of `results` lists, and how many it leaves out: the first
 * `REJECTS_LISTED` for a round (those already left out stay out), all of them for a shard.
 */
export function listedRejects(results: Results): { readonly rejects: readonly RejectedRow[]; readonly omitted: number } {
  const already = results.rejectsOmitted;
  if (results.shard !== undefined || results.rejects.length <= REJECTS_LISTED) return { rejects: results.rejects, omitted: already };
  return { rejects: results.rejects.slice(0, REJECTS_LISTED), omitted: already + results.rejects.length - REJECTS_LISTED };
}

/** The key → value pairs of results.json, in order, with the rejected rows capped. */
function entriesOf(results: Results): [string, unknown][] {
  const listed = listedRejects(results);
  return Object.entries(results).map(([key, value]): [string, unknown] => {
    if (key === "rejects") return [key, listed.rejects];
    if (key === "rejectsOmitted") return [key, listed.omitted];
    return [key, value];
  });
}

/** results.json text in pieces (see the module comment); their concatenation is the file. */
export function* resultsJsonPieces(results: Results): Generator<string> {
  const entries = entriesOf(results);
  yield "{\n";
  for (const [i, [key, value]] of entries.entries()) {
    const name = JSON.stringify(key);
    const end = i < entries.length - 1 ? ",\n" : "\n";
    if (Array.isArray(value) && value.length > 0) {
      let piece = `  ${name}: [\n`;
      for (let k = 0; k < value.length; k++) {
        piece += `    ${JSON.stringify(value[k])}${k < value.length - 1 ? ",\n" : "\n"}`;
        if (piece.length >= PIECE) {
          yield piece;
          piece = "";
        }
      }
      yield `${piece}  ]${end}`;
    } else yield `  ${name}: ${JSON.stringify(value)}${end}`;
  }
  yield "}\n";
}

/** results.json text (see `resultsJsonPieces`). */
export function resultsJson(results: Results): string {
  return Array.from(resultsJsonPieces(results)).join("");
}
