/**
 * The files of the commands across rounds, in the formats asked for: closure.{json,csv,pdf}
 * (compare), composite.{json,csv,pdf} and plan.{json,csv,pdf}. Which files for which formats
 * only: the tables are core's definitions (`CLOSURE_TABLE`, …), the PDFs @civitas/pdf's.
 */
import {
  CLOSURE_TABLE,
  COMPOSITE_TABLE,
  type Closure,
  type Composite,
  nameBookOfRounds,
  Names,
  PLAN_TABLE,
  type Plan,
  type Results,
  type Ruleset,
} from "@civitas/core";
import { tableToCsv } from "@civitas/csv";
import { loadPdf, type Format } from "./write-round.js";

/** A file to write: name and contents. */
export type OutputFile = readonly [string, string | Uint8Array];

/** How the PDFs are made: the rule set for names, the date printed. */
export interface RoundPdfSettings {
  readonly ruleset: Ruleset | undefined;
  readonly date: string | undefined;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const pdfOptions = (settings: RoundPdfSettings) => ({
  ...(settings.ruleset === undefined ? {} : { ruleset: settings.ruleset }),
  ...(settings.date === undefined ? {} : { date: settings.date }),
});

/** closure.json, closure.csv (销号清单) and closure.pdf (责任清单). */
export async function closureFiles(
  closure: Closure,
  rounds: { readonly base: Results; readonly current: Results },
  formats: ReadonlySet<Format>,
  pdf: RoundPdfSettings,
): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  if (formats.has("json")) files.push(["closure.json", json(closure)]);
  if (formats.has("csv")) {
    const names = new Names(nameBookOfRounds(pdf.ruleset, [rounds.base, rounds.current]));
    files.push(["closure.csv", await tableToCsv(CLOSURE_TABLE, { closure, names })]);
  }
  if (formats.has("pdf")) files.push(["closure.pdf", await (await loadPdf()).renderClosure(closure, rounds, pdfOptions(pdf))]);
  return files;
}

/** composite.json, composite.csv and composite.pdf. */
export async function compositeFiles(
  composite: Composite,
  title: string | undefined,
  formats: ReadonlySet<Format>,
  pdf: RoundPdfSettings,
): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  if (formats.has("json")) files.push(["composite.json", json(composite)]);
  if (formats.has("csv")) files.push(["composite.csv", await tableToCsv(COMPOSITE_TABLE, composite)]);
  if (formats.has("pdf")) {
    files.push([
      "composite.pdf",
      await (await loadPdf()).renderComposite(composite, { ...pdfOptions(pdf), ...(title === undefined ? {} : { title }) }),
    ]);
  }
  return files;
}

/** plan.json, plan.csv and plan.pdf. */
export async function planFiles(plan: Plan, results: Results, formats: ReadonlySet<Format>, pdf: RoundPdfSettings): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  if (formats.has("json")) files.push(["plan.json", json(plan)]);
  if (formats.has("csv")) {
    const names = new Names(nameBookOfRounds(pdf.ruleset, [results]));
    files.push(["plan.csv", await tableToCsv(PLAN_TABLE, { plan, names })]);
  }
  if (formats.has("pdf")) files.push(["plan.pdf", await (await loadPdf()).renderPlan(plan, results, pdfOptions(pdf))]);
  return files;
}
