/**
 * Evidence held in memory (`EvidenceTables`): rows as records keyed by the spec's column
 * names (or their Chinese aliases), values as a CSV would give them. Judged exactly as CSV
 * rows are; a row's line is its index + 2 (as if the header were line 1). Each table's
 * `sha256` is that of the table written as CSV (header, then rows; LF; UTF-8 without BOM).
 */
import { createHash } from "node:crypto";
import { EvidenceError } from "../errors.js";
import type { Ruleset } from "../ruleset/model.js";
import { type Admission, type AdmissionOptions, createAdmission } from "./admission.js";
import { EVIDENCE_COLUMNS, EVIDENCE_FILE_NAMES, EVIDENCE_KINDS, type EvidenceKind, layoutHeader } from "./columns.js";
import { csvLine } from "./values.js";

/** A row: column name → value as text. */
export type EvidenceRow = Readonly<Record<string, string>>;

/** Evidence tables in memory; only `cities` is required. */
export type EvidenceTables = { readonly [K in EvidenceKind]?: readonly EvidenceRow[] };

function headerOf(rows: readonly EvidenceRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** In-memory tables admitted, with each table's SHA-256 by file name. */
export interface AdmittedTables {
  readonly admission: Admission;
  readonly sha256: ReadonlyMap<string, string>;
}

/**
 * Admits in-memory tables in dependency order (only the rows `options.owns` owns, for a shard);
 * returns the error when they cannot be scored.
 */
export function admitTables(
  ruleset: Ruleset,
  round: string,
  tables: EvidenceTables,
  options: AdmissionOptions = {},
): AdmittedTables | EvidenceError {
  if (tables.cities === undefined) {
    return new EvidenceError({ code: "missing_cities", file: EVIDENCE_FILE_NAMES.cities, message: "cities are required (cities.csv)" });
  }
  const admission = createAdmission(ruleset, round, options);
  const sha256 = new Map<string, string>();
  for (const kind of EVIDENCE_KINDS) {
    const rows = tables[kind];
    if (rows === undefined) continue;
    const file = EVIDENCE_FILE_NAMES[kind];
    // An empty table is a header-only file: its columns are the spec's.
    const header = rows.length === 0 ? EVIDENCE_COLUMNS[kind].map((c) => c.name) : headerOf(rows);
    const layout = layoutHeader(kind, header);
    if (!layout.ok) {
      const problem = layout.problems[0];
      return new EvidenceError({
        code: problem?.code === "duplicate_column" ? "duplicate_column" : "missing_column",
        file,
        line: 1,
        field: problem?.column ?? "",
        message: `${file}: ${layout.problems.map((p) => p.message).join("; ")}`,
      });
    }
    const target = admission.open(layout.layout, file);
    const hash = createHash("sha256").update(`${csvLine(header)}\n`);
    rows.forEach((row, i) => {
      const cells = header.map((column) => (Object.hasOwn(row, column) ? String(row[column] ?? "") : ""));
      hash.update(`${csvLine(cells)}\n`);
      target.row(cells, i + 2);
    });
    sha256.set(file, hash.digest("hex"));
  }
  return { admission, sha256 };
}
