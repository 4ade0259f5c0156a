/**
 * Writes the outputs of a scored round in the formats asked for: results.json, the CSV tables
 * (results, standards, problems, rejects) and the PDFs (a scorecard per city, summary.pdf).
 */
import type { Results, Ruleset } from "@civitas/core";
import { problemsTable, rejectsTable, resultsTable, standardsTable, tableCsvPieces } from "@civitas/csv";
import type { StagedOutput } from "./atomic-output.js";
import { safeFileNames } from "./safe-file-name.js";

/** @civitas/pdf (pdfmake and its fonts), loaded only when PDFs are asked for. */
export const loadPdf = () => import("@civitas/pdf");

export const FORMATS = ["json", "csv", "pdf"] as const;
export type Format = (typeof FORMATS)[number];

/** About this many characters per piece of results.json. */
const PIECE = 1 << 20;

/**
 * results.json text in pieces: one top-level key per line and one city (or rejected row) per
 * line — readable and diffable by city, yet compact for national batches. Stable key order.
 * Written piece by piece, a national batch's results are never one string in memory.
 */
export function* resultsJsonPieces(results: Results): Generator<string> {
  const entries = Object.entries(results);
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

/** How the PDFs are made: the rule set for names, the date printed, the previous round, progress. */
export interface PdfSettings {
  readonly ruleset: Ruleset | undefined;
  readonly date: string | undefined;
  /** The previous round's results: scorecards then show the change since it. */
  readonly previous?: Results | undefined;
  readonly onScorecard?: (done: number, total: number) => void;
}

/** Renders every scorecard (worker threads) and the summary into the staged directory. */
export async function writePdfs(output: StagedOutput, results: Results, settings: PdfSettings): Promise<string[]> {
  const options = {
    ...(settings.ruleset === undefined ? {} : { ruleset: settings.ruleset }),
    ...(settings.date === undefined ? {} : { date: settings.date }),
  };
  const previous = settings.previous === undefined ? {} : { previous: settings.previous };
  const { renderScorecards, renderSummary } = await loadPdf();
  const fileNames = safeFileNames(results.cities.map((c) => c.cityId));
  let done = 0;
  for await (const { cityId, pdf } of renderScorecards(results, undefined, { ...options, ...previous })) {
    output.write(`scorecards/${fileNames.get(cityId) as string}.pdf`, pdf);
    settings.onScorecard?.(++done, results.cities.length);
  }
  output.write("summary.pdf", await renderSummary(results, options));
  return ["scorecards/", "summary.pdf"];
}

/** Writes every output of the formats asked for into the staged directory. */
export async function writeRound(
  output: StagedOutput,
  results: Results,
  formats: ReadonlySet<Format>,
  pdf: PdfSettings,
): Promise<string[]> {
  const written: string[] = [];
  const put = (name: string, pieces: Iterable<string>) => {
    output.writePieces(name, pieces);
    written.push(name);
  };
  if (formats.has("json")) put("results.json", resultsJsonPieces(results));
  if (formats.has("csv")) {
    put("results.csv", tableCsvPieces(resultsTable(results)));
    put("standards.csv", tableCsvPieces(standardsTable(results)));
    put("problems.csv", tableCsvPieces(problemsTable(results)));
    put("rejects.csv", tableCsvPieces(rejectsTable(results)));
  }
  if (formats.has("pdf")) written.push(...(await writePdfs(output, results, pdf)));
  return written;
}
