/**
 * The files of the commands across rounds, in the formats asked for: closure.{json,csv,pdf}
 * (compare), composite.{json,csv,pdf} and plan.{json,csv,pdf}.
 */
import {
  CLOSURE_CLASS_NAMES,
  type Closure,
  type Composite,
  type Plan,
  type Results,
  type Ruleset,
  nameBookOfRounds,
  Names,
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
    const cityNames = new Map([...rounds.base.cities, ...rounds.current.cities].map((c) => [c.cityId, c.name]));
    const csv = await tableToCsv({
      header: [
        "city_id",
        "city_name",
        "standard_id",
        "standard_name",
        "check_id",
        "check_name",
        "site_id",
        "class",
        "class_name",
        "responsible",
        "responsible_names",
        "since_round",
        "base_count",
        "base_loss",
        "current_count",
        "current_loss",
      ],
      rows: closure.items.map((i) => [
        i.cityId,
        cityNames.get(i.cityId) ?? null,
        i.standardId,
        names.standard(i.standardId),
        i.checkId,
        i.checkId === null ? null : names.check(i.checkId),
        i.siteId,
        i.class,
        CLOSURE_CLASS_NAMES[i.class],
        i.responsible.join(";"),
        names.departments(i.responsible).join(";"),
        i.class === "new" ? closure.current.round : closure.base.round,
        i.base?.count,
        i.base?.loss,
        i.current?.count,
        i.current?.loss,
      ]),
    });
    files.push(["closure.csv", csv]);
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
  if (formats.has("csv")) {
    const rounds = composite.rounds.map((r) => r.round);
    const csv = await tableToCsv({
      header: ["city_id", "name", "peer_group", "composite_ratio", "status", "titled", "dynamic", ...rounds.map((r) => `ratio_${r}`)],
      rows: composite.cities.map((c) => [
        c.cityId,
        c.name,
        c.peerGroup,
        c.ratio,
        c.status,
        c.titled ? 1 : 0,
        c.dynamic,
        ...c.rounds.map((r) => r.ratio),
      ]),
    });
    files.push(["composite.csv", csv]);
  }
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
    const header = ["city_id", "name", "outcome", "ratio", "target", "step", "standard_id", "standard_name", "check_id", "check_name"];
    const csv = await tableToCsv({
      header: [...header, "gain", "ratio_after", "responsible", "responsible_names"],
      rows: plan.cities.flatMap((c) =>
        c.steps.length === 0
          ? [[c.cityId, c.name, c.outcome, c.ratio, c.target, null, null, null, null, null, null, c.ratioAfter, null, null]]
          : c.steps.map((s, i) => [
              c.cityId,
              c.name,
              c.outcome,
              c.ratio,
              c.target,
              i + 1,
              s.standardId,
              names.standard(s.standardId),
              s.checkId,
              s.checkId === null ? null : names.check(s.checkId),
              s.gain,
              s.ratioAfter,
              s.responsible.join(";"),
              names.departments(s.responsible).join(";"),
            ]),
      ),
    });
    files.push(["plan.csv", csv]);
  }
  if (formats.has("pdf")) files.push(["plan.pdf", await (await loadPdf()).renderPlan(plan, results, pdfOptions(pdf))]);
  return files;
}
