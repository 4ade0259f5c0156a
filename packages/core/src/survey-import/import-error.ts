/**
 * Failures that stop an import before anything is written: an invalid map (or columns an
 * export lacks), an export without a header, two exports whose names would give the same
 * respondent-id prefix. Tagged, with a stable code and the file at fault.
 */
import { formatIssue } from "../ruleset/issues.js";
import type { SurveyMapIssue } from "./check-map.js";

export type SurveyImportErrorCode = "invalid_survey_map" | "empty_export" | "duplicate_export";

/** An import that cannot run; `issues` lists every problem of the map and of the exports' headers. */
export class SurveyImportError extends Error {
  override readonly name = "SurveyImportError";
  readonly _tag = "SurveyImportError";
  readonly code: SurveyImportErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly issues: readonly SurveyMapIssue[];
  constructor(details: { code: SurveyImportErrorCode; message: string; file?: string; issues?: readonly SurveyMapIssue[] }) {
    super(details.message);
    this.code = details.code;
    this.issues = details.issues ?? [];
    const first = this.issues[0];
    this.file = details.file ?? first?.file;
    this.line = first?.line;
    this.field = first === undefined ? undefined : first.path.join(".");
  }

  /** Every problem of a map (and of the exports' headers), one per line. */
  static invalidMap(issues: readonly SurveyMapIssue[]): SurveyImportError {
    return new SurveyImportError({
      code: "invalid_survey_map",
      message: `invalid survey map: ${issues.length} problem(s)\n${issues.map(formatIssue).join("\n")}`,
      issues,
    });
  }
}

/** The file name without directories and extension: `exports/wjx-hangzhou.csv` → `wjx-hangzhou`. */
export function exportStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * The respondent-id prefix of each export: none for a single export (ids as written); with
 * several, each export's file name without extension, so that 问卷星's 序号, which restarts at 1
 * in every export, stays unique (`hangzhou:17`, `ningbo:17`). Two exports of the same name fail.
 */
export function exportIdPrefixes(files: readonly string[]): (string | undefined)[] {
  if (files.length <= 1) return files.map(() => undefined);
  const stems = files.map(exportStem);
  const seen = new Map<string, string>();
  for (const [i, stem] of stems.entries()) {
    const before = seen.get(stem);
    if (before !== undefined) {
      throw new SurveyImportError({
        code: "duplicate_export",
        file: files[i] as string,
        message: `${files[i]} and ${before} have the same name ${JSON.stringify(stem)}: respondent ids are prefixed with the export's name, so rename one`,
      });
    }
    seen.set(stem, files[i] as string);
  }
  return stems;
}
