/**
 * `civitas import survey`: turns survey-platform exports (问卷星, KoboToolbox, any wide table)
 * into the long survey.csv of SPEC section 2, with survey-rejects.csv beside it, and prints
 * what became of every respondent × mapped question (SPEC section 7). Reads the map and the
 * exports, calls the library (core's SurveyImport through @civitas/csv), writes both files.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { type ExportCounts, formatIssue, readSurveyMap, SURVEY_REJECTS_TABLE, SURVEY_TABLE, type SurveyMap } from "@civitas/core";
import { type ExportFile, importSurveyFiles, type SurveyFilesImport, tableCsvPieces } from "@civitas/csv";
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";
import { CliFailure, outputFailure, unreadable, usage } from "../failure.js";
import { withOutputFile } from "../output/staged-write.js";
import { defineCommand, defineGroup } from "../shell/define-command.js";
import { booleanFlag, requiredFlag, variadicArgument } from "../shell/params.js";

/** survey-rejects.csv beside survey.csv (whatever --out is called). */
export function rejectsPathOf(out: string): string {
  return join(dirname(out), "survey-rejects.csv");
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** One line of counts: `9 respondents: 8 written, 2 unanswered, 4 rejected, 4 screened`. */
function countsLine(counts: Omit<ExportCounts, "file" | "sheet">): string {
  return `${plural(counts.respondents, "respondent")}: ${counts.written} written, ${counts.unanswered} unanswered, ${counts.rejected} rejected, ${counts.screened} screened`;
}

/** The map at `path`, checked: every problem with file, line and path. */
function readMap(path: string): Effect.Effect<SurveyMap, CliFailure> {
  return Effect.try({
    try: () => readFileSync(path, "utf8"),
    catch: (error) => unreadable(path, `--map ${path}: cannot read it (${(error as Error).message})`),
  }).pipe(
    Effect.flatMap((text) => {
      const checked = readSurveyMap(text, path);
      if (checked.ok) return Effect.succeed(checked.map);
      return Effect.fail(
        usage(`invalid survey map ${path}: ${checked.issues.length} problem(s)\n${checked.issues.map(formatIssue).join("\n")}`, path),
      );
    }),
  );
}

/** What the import did, on stdout (per export and in total) and stderr (what to look at). */
function report(result: SurveyFilesImport, out: string, exports: number) {
  return Effect.gen(function* () {
    const { totals } = result;
    yield* Console.log(
      `imported ${plural(totals.respondents, "respondent")} × ${plural(result.questions.length, "question")} from ${plural(exports, "export")} into ${out}: ` +
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
      const answers = result.rejects.length - totals.respondentsRejected - totals.respondentsScreened;
      yield* Console.error(
        `${plural(totals.respondentsRejected, "respondent")} rejected whole, ${totals.respondentsScreened} screened out, ` +
          `${plural(answers, "answer")} rejected: see ${rejectsPathOf(out)}`,
      );
    }
  });
}

export const importSurveyCommand = defineCommand(
  {
    name: "survey",
    description: "Turn survey-platform exports (问卷星, KoboToolbox, wide tables) into survey.csv, with survey-rejects.csv beside it",
    examples: [
      "import survey --map fixtures/demo/exports/survey-map.yaml fixtures/demo/exports/wjx-2024.csv --out out/evidence/survey.csv",
    ],
    params: {
      exports: variadicArgument("export", "exports (.csv) of 问卷星 (按选项文本), KoboToolbox or any wide table", 1),
      map: requiredFlag("map", {
        placeholder: "FILE",
        description: "the survey map (YAML): platform, round, city, respondent, questions, screens",
      }),
      out: requiredFlag("out", { placeholder: "FILE", description: "the survey.csv to write (survey-rejects.csv is written beside it)" }),
      strict: booleanFlag("strict", "exit 1 when any answer or respondent was rejected"),
    },
  },
  (options) =>
    Effect.gen(function* () {
      const inputs = new Set([options.map, ...options.exports].map((p) => resolve(p)));
      for (const target of [options.out, rejectsPathOf(options.out)]) {
        if (inputs.has(resolve(target))) {
          return yield* outputFailure(
            "output_refused",
            options.out,
            `--out ${options.out}: ${target} is an input of this import; write elsewhere`,
          );
        }
      }
      const workbook = options.exports.find((p) => /\.xlsx$/i.test(p));
      if (workbook !== undefined) {
        return yield* usage(`${workbook}: workbook exports are not read yet; save the sheet as CSV (UTF-8) and import that`, workbook);
      }
      const map = yield* readMap(options.map);
      const files: ExportFile[] = options.exports.map((path) => ({ path, name: basename(path) }));
      const result = yield* Effect.tryPromise({
        try: () => importSurveyFiles(map, files),
        catch: (error) => {
          // a SurveyImportError is the core's, reported as it is; a file that cannot be read is named
          const code = (error as NodeJS.ErrnoException).code;
          if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
            const path = (error as NodeJS.ErrnoException).path ?? "an export";
            return unreadable(path, `cannot read ${path}: ${(error as Error).message}`);
          }
          return error;
        },
      });
      yield* withOutputFile(options.out, (survey) =>
        withOutputFile(rejectsPathOf(options.out), (rejects) =>
          Effect.andThen(survey.write(tableCsvPieces(SURVEY_TABLE, result)), rejects.write(tableCsvPieces(SURVEY_REJECTS_TABLE, result))),
        ),
      );
      yield* report(result, options.out, files.length);
      if (options.strict && result.totals.rejected > 0) {
        return yield* new CliFailure({ code: "rows_rejected", message: "--strict: answers or respondents were rejected" });
      }
    }),
);

export const importCommand = defineGroup("import", "Turn the files platforms and offices hold into evidence", [importSurveyCommand]);
