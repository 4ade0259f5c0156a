/**
 * Writes the outputs of a scored round in the formats asked for: results.json, the CSV tables
 * (results, standards, problems, rejects) and the PDFs (a scorecard per city, summary.pdf).
 */
import type { Results, Ruleset } from "@civitas/core";
import { problemsTable, rejectsTable, resultsTable, standardsTable, tableToCsv } from "@civitas/csv";
import { renderScorecards, renderSummary } from "@civitas/pdf";
import type { StagedOutput } from "./atomic-output.js";
import { safeFileName } from "./safe-file-name.js";

export const FORMATS = ["json", "csv", "pdf"] as const;
export type Format = (typeof FORMATS)[number];

/**
 * results.json text: one top-level key per line and one city (or rejected row) per line —
 * readable and diffable by city, yet compact for national batches. Stable key order.
 */
export function resultsJson(results: Results): string {
  const lines = Object.entries(results).map(([key, value]) => {
    const name = JSON.stringify(key);
    if (Array.isArray(value) && value.length > 0)
      return `  ${name}: [\n${value.map((item) => `    ${JSON.stringify(item)}`).join(",\n")}\n  ]`;
    return `  ${name}: ${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(",\n")}\n}\n`;
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
  let done = 0;
  for await (const { cityId, pdf } of renderScorecards(results, undefined, { ...options, ...previous })) {
    output.write(`scorecards/${safeFileName(cityId)}.pdf`, pdf);
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
  if (formats.has("pdf")) written.push(...(await writePdfs(output, results, pdf)));
  return written;
}
