/**
 * `civitas import survey`: turns survey-platform exports (问卷星, KoboToolbox, any wide table)
 * into the long survey.csv of SPEC section 2, with survey-rejects.csv beside it, and prints
 * what became of every respondent × mapped question (SPEC section 7). Reads the map and the
 * exports, calls the library (core's SurveyImport through @civitas/csv), writes both files.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import {
  type ExportCounts,
  readSurveyMap,
  SURVEY_REJECTS_TABLE,
  SURVEY_TABLE,
  SurveyImportError,
  type SurveyImportResult,
  type TableDefinition,
  formatIssue,
} from "@civitas/core";
import { type ExportFile, importSurveyFiles, tableCsvPieces } from "@civitas/csv";
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";
import { Argument, Command, Flag } from "effect/cli";
import { CliFailure, usage } from "../failure.js";

/** survey-rejects.csv beside survey.csv (whatever --out is called). */
export function rejectsPathOf(out: string): string {
  return join(dirname(out), "survey-rejects.csv");
}

/** Writes `definition` over `result` as CSV into `path`, piece by piece. */
function writeTable<Row>(path: string, definition: TableDefinition<SurveyImportResult, Row>, result: SurveyImportResult): void {
  writeFileSync(path, "");
  for (const piece of tableCsvPieces(definition, result)) writeFileSync(path, piece, { flag: "a" });
}

/** Writes survey.csv and survey-rejects.csv each beside its place, then renames both into place. */
function writeBoth(out: string, result: SurveyImportResult): void {
  const survey = resolve(out);
  const rejects = resolve(rejectsPathOf(out));
  const staged = (target: string) => join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  mkdirSync(dirname(survey), { recursive: true });
  try {
    writeTable(staged(survey), SURVEY_TABLE, result);
    writeTable(staged(rejects), SURVEY_REJECTS_TABLE, result);
    renameSync(staged(survey), survey);
    renameSync(staged(rejects), rejects);
  } finally {
    rmSync(staged(survey), { force: true });
    rmSync(staged(rejects), { force: true });
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** One line of counts: `9 respondents: 8 written, 2 unanswered, 4 rejected, 4 screened`. */
function countsLine(counts: Omit<ExportCounts, "file" | "sheet">): string {
  return `${plural(counts.respondents, "respondent")}: ${counts.written} written, ${counts.unanswered} unanswered, ${counts.rejected} rejected, ${counts.screened} screened`;
}

export const importSurveyCommand = Command.make(
  "survey",
  {
    exports: Argument.String("export").pipe(
      Argument.withDescription("exports (.csv) of 问卷星 (按选项文本), KoboToolbox or any wide table"),
      Argument.variadic({ min: 1 }),
    ),
    map: Flag.String("map").pipe(Flag.withDescription("the survey map (YAML): platform, round, city, respondent, questions, screens")),
    out: Flag.String("out").pipe(Flag.withDescription("the long survey.csv to write (survey-rejects.csv is written beside it)")),
    strict: Flag.Boolean("strict").pipe(Flag.withDescription("exit 1 when any answer or respondent was rejected"), Flag.withDefault(false)),
  },
  Effect.fn(function* (options) {
    const inputs = new Set([options.map, ...options.exports].map((p) => resolve(p)));
    for (const target of [options.out, rejectsPathOf(options.out)]) {
      if (inputs.has(resolve(target))) return yield* usage(`--out ${options.out}: ${target} is an input of this import; write elsewhere`);
    }
    const workbook = options.exports.find((p) => /\.xlsx$/i.test(p));
    if (workbook !== undefined)
      return yield* usage(`${workbook}: workbook exports are not read yet; save the sheet as CSV (UTF-8) and import that`);
    let text: string;
    try {
      text = readFileSync(options.map, "utf8");
    } catch (error) {
      return yield* usage(`--map ${options.map}: cannot read it (${(error as Error).message})`);
    }
    const checked = readSurveyMap(text, options.map);
    if (!checked.ok)
      return yield* usage(
        `invalid survey map ${options.map}: ${checked.issues.length} problem(s)\n${checked.issues.map(formatIssue).join("\n")}`,
      );
    const files: ExportFile[] = options.exports.map((path) => ({ path, name: basename(path) }));
    const result = yield* Effect.tryPromise({
      try: () => importSurveyFiles(checked.map, files),
      catch: (error) => {
        if (error instanceof SurveyImportError) return usage(error.message);
        if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "EISDIR") {
          return usage(`cannot read ${(error as NodeJS.ErrnoException).path ?? "an export"}: ${(error as Error).message}`);
        }
        throw error;
      },
    });
    yield* Effect.try({
      try: () => writeBoth(options.out, result),
      catch: (error) => usage(`cannot write ${options.out}: ${String(error)}`),
    });
    const { totals } = result;
    yield* Console.log(
      `imported ${plural(totals.respondents, "respondent")} × ${plural(result.questions.length, "question")} from ${plural(files.length, "export")} into ${options.out}: ` +
        `${totals.written} answers written, ${totals.unanswered} unanswered, ${totals.rejected} rejected, ${totals.screened} screened`,
    );
    const width = Math.max(...result.exports.map((e) => e.file.length));
    for (const [i, counts] of result.exports.entries()) {
      const read = result.files[i];
      const how =
        read === undefined
          ? ""
          : ` (${[read.encoding, read.delimiter === ";" ? "';'-separated" : null].filter((x) => x !== null).join(", ")})`;
      yield* Console.log(`  ${counts.file.padEnd(width)}  ${countsLine(counts)}${how}`);
    }
    if (result.rejects.length > 0) {
      yield* Console.error(
        `${plural(totals.respondentsRejected, "respondent")} rejected whole, ${totals.respondentsScreened} screened out, ` +
          `${plural(result.rejects.length - totals.respondentsRejected - totals.respondentsScreened, "answer")} rejected: see ${rejectsPathOf(options.out)}`,
      );
    }
    if (options.strict && totals.rejected > 0)
      return yield* new CliFailure({ exitCode: 1, message: "--strict: answers or respondents were rejected" });
  }),
).pipe(Command.withDescription("Turn survey-platform exports (问卷星, KoboToolbox, wide tables) into survey.csv"));

export const importCommand = Command.make("import").pipe(
  Command.withDescription("Turn the files platforms and offices hold into evidence"),
  Command.withSubcommands([importSurveyCommand]),
);
