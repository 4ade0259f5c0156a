/**
 * The evidence files (SPEC section 2): their canonical columns, Chinese aliases and which
 * columns are required, and the mapping of a header row onto them.
 */

/** The kinds of evidence file, in the order they must be admitted. */
export const EVIDENCE_KINDS = ["cities", "sites", "field", "survey", "documents", "facts", "appeals"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

interface ColumnSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
}

const column = (name: string, aliases: readonly string[], required = true): ColumnSpec => ({ name, aliases, required });
const round = column("round", ["测评轮次", "轮次"]);
const cityId = column("city_id", ["城市代码", "城市编号"]);
const siteId = column("site_id", ["点位编号"]);

/** Columns of every evidence file, canonical name first. */
export const EVIDENCE_COLUMNS: Readonly<Record<EvidenceKind, readonly ColumnSpec[]>> = {
  cities: [cityId, column("name", ["城市名称"]), column("peer_group", ["组别"], false)],
  sites: [
    round,
    cityId,
    siteId,
    column("site_type", ["点位类型"]),
    column("visited_at", ["测评时间"], false),
    column("assessor", ["测评员"], false),
  ],
  field: [
    round,
    cityId,
    siteId,
    column("check_id", ["问题代码"]),
    column("count", ["问题数量"]),
    column("note", ["备注"], false),
    column("photo", ["照片"], false),
  ],
  survey: [round, cityId, column("respondent_id", ["受访者编号"]), column("question_id", ["题号"]), column("answer", ["答案"])],
  documents: [
    round,
    cityId,
    column("standard_id", ["标准编号"]),
    column("verdict", ["评定", "评定结果"]),
    column("reviewer", ["评审人", "审核人"], false),
    column("note", ["备注"], false),
  ],
  facts: [round, cityId, column("fact", ["指标"]), column("value", ["数值"])],
  // SPEC section 8: one of standard_id / adjustment_id (EVIDENCE_COLUMN_CHOICES), the rest optional
  appeals: [
    round,
    cityId,
    column("appeal_id", ["申诉编号"]),
    column("standard_id", ["标准编号"], false),
    column("adjustment_id", ["否决扣分项"], false),
    column("check_id", ["问题代码"], false),
    column("site_id", ["点位编号"], false),
    column("decision", ["复核结论"]),
    column("revised_count", ["改判数量"], false),
    column("revised_verdict", ["改判评定"], false),
    column("revised_value", ["改判数值"], false),
    column("reviewer", ["复核人"], false),
    column("reason", ["理由"], false),
  ],
};

/** Columns of which a file's header must have at least one (each group names its choices). */
export const EVIDENCE_COLUMN_CHOICES: Readonly<Partial<Record<EvidenceKind, readonly (readonly string[])[]>>> = {
  appeals: [["standard_id", "adjustment_id"]],
};

/** The file name of each kind in an evidence directory. */
export const EVIDENCE_FILE_NAMES: Readonly<Record<EvidenceKind, string>> = {
  cities: "cities.csv",
  sites: "sites.csv",
  field: "field.csv",
  survey: "survey.csv",
  documents: "documents.csv",
  facts: "facts.csv",
  appeals: "appeals.csv",
};

/** Where each known column sits in a row; `extra` holds the other columns (name, index). */
export interface HeaderLayout {
  readonly kind: EvidenceKind;
  readonly width: number;
  readonly index: ReadonlyMap<string, number>;
  readonly extra: ReadonlyArray<readonly [name: string, index: number]>;
  readonly header: readonly string[];
}

/** A header that cannot be used: a required column missing, or a column given twice. */
export interface HeaderProblem {
  readonly code: "missing_column" | "duplicate_column" | "empty_file";
  readonly column: string;
  readonly message: string;
}

const normalise = (cell: string) =>
  cell
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();

/** Maps a header row onto the file's columns (names and aliases match case-insensitively). */
export function layoutHeader(
  kind: EvidenceKind,
  header: readonly string[],
): { ok: true; layout: HeaderLayout } | { ok: false; problems: HeaderProblem[] } {
  const specs = EVIDENCE_COLUMNS[kind];
  const lookup = new Map<string, string>();
  for (const spec of specs) for (const name of [spec.name, ...spec.aliases]) lookup.set(name.toLowerCase(), spec.name);
  const index = new Map<string, number>();
  const extra: [string, number][] = [];
  const seen = new Map<string, number>();
  const problems: HeaderProblem[] = [];
  header.forEach((cell, i) => {
    const key = normalise(cell);
    const canonical = lookup.get(key);
    const identity = canonical ?? key;
    if (key !== "" && seen.has(identity)) {
      problems.push({
        code: "duplicate_column",
        column: cell.trim(),
        message: `column ${JSON.stringify(cell.trim())} appears twice in the header (columns ${(seen.get(identity) ?? 0) + 1} and ${i + 1})`,
      });
      return;
    }
    seen.set(identity, i);
    if (canonical !== undefined) index.set(canonical, i);
    else if (key !== "") extra.push([cell.replace(/^\uFEFF/, "").trim(), i]);
  });
  for (const spec of specs) {
    if (spec.required && !index.has(spec.name)) {
      problems.push({
        code: "missing_column",
        column: spec.name,
        message: `required column ${JSON.stringify(spec.name)}${spec.aliases.length > 0 ? ` (${spec.aliases.join(" / ")})` : ""} is missing`,
      });
    }
  }
  for (const choices of EVIDENCE_COLUMN_CHOICES[kind] ?? []) {
    if (!choices.some((name) => index.has(name))) {
      problems.push({
        code: "missing_column",
        column: choices.join(" / "),
        message: `one of the columns ${choices.map((name) => JSON.stringify(name)).join(" / ")} is required`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, layout: { kind, width: header.length, index, extra, header } };
}

/** The required columns of a kind (canonical names). */
export function requiredColumns(kind: EvidenceKind): string[] {
  return EVIDENCE_COLUMNS[kind].filter((c) => c.required).map((c) => c.name);
}
