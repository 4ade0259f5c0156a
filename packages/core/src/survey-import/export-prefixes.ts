/**
 * The respondent-id prefix of each export of one import, so that ids stay unique across
 * exports; two exports whose names would give the same prefix stop the import
 * (`SurveyImportError` `duplicate_export`, in the core's failure vocabulary).
 */
import { SurveyImportError } from "../errors.js";

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
