/**
 * Writes the outputs of a scored round in the formats asked for — which files for which
 * formats only: results.json (core's writer), the round's tables as CSV (core's definitions,
 * `ROUND_TABLES`: results, standards, problems, rejects) and the PDFs (a scorecard per city,
 * summary.pdf).
 */
import { ROUND_TABLES, type Results, type Ruleset, resultsJsonPieces } from "@civitas/core";
import { tableCsvPieces } from "@civitas/csv";
import type { StagedOutput } from "./atomic-output.js";
import { safeFileNames } from "./safe-file-name.js";

/** @civitas/pdf (pdfmake and its fonts), loaded only when PDFs are asked for. */
export const loadPdf = () => import("@civitas/pdf");

export const FORMATS = ["json", "csv", "pdf"] as const;
export type Format = (typeof FORMATS)[number];

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
  // rejects.csv lists every rejected row; results.json the first ones (REJECTS_LISTED)
  if (formats.has("csv")) for (const table of ROUND_TABLES) put(`${table.name}.csv`, tableCsvPieces(table, results));
  if (formats.has("pdf")) written.push(...(await writePdfs(output, results, pdf)));
  return written;
}
