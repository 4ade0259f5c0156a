/**
 * Output tables described once (results.csv, standards.csv, … and the sheets of a workbook):
 * a `TableDefinition` names the table and its columns, each column with its CSV key, its
 * Chinese header, its kind (how a workbook stores it) and how to read its cell from a row; the
 * definition also says how to get the rows out of its source (`Results`, a `Closure`, …). The
 * writers (CSV in @civitas/csv, workbooks, HTML) only render definitions: none lists columns.
 */

/**
 * What a column holds, for writers that type their cells: `id` (an identifier: text, never a
 * number, even when it is all digits), `code` (one of the engine's codes: status, method, …),
 * `text`, `number` (scores and points at full precision), `integer` (counts, ranks, lines),
 * `ratio` (0..1, shown as a percentage), `date`, `list` (several ids or texts).
 */
export type ColumnKind = "id" | "code" | "text" | "number" | "integer" | "ratio" | "date" | "list";

/** A cell: empty (null), a number, a text, or for a `list` column its items. */
export type TableCell = string | number | null | readonly string[];

/** One column of a table. */
export interface TableColumn<Row> {
  /** The CSV header, e.g. `city_id`. */
  readonly key: string;
  /** The Chinese header, e.g. `城市代码` (workbooks, reports). */
  readonly header: string;
  readonly kind: ColumnKind;
  /** The cell of this column in `row`. */
  value(row: Row): TableCell;
}

/** An output table: its name, its columns and how to get its rows from its source. */
export interface TableDefinition<Source, Row> {
  /** The file name without extension, e.g. `results` (results.csv). */
  readonly name: string;
  /** What the table is, in Chinese (the sheet name of a workbook), e.g. `总表`. */
  readonly title: string;
  /** The columns every table of this kind has. */
  readonly columns: readonly TableColumn<Row>[];
  /** Columns that depend on the source (one per category, one per round), after the others. */
  columnsOf?(source: Source): readonly TableColumn<Row>[];
  /**
   * Columns added after those of the source, last of all: a table with source columns gains
   * columns here, so that every column it had keeps its place.
   */
  readonly appended?: readonly TableColumn<Row>[];
  /** The rows of the source, in table order. */
  rows(source: Source): Iterable<Row>;
}

/** Items of a `list` cell as one text, in CSV and wherever one text is wanted: `cgj;scj`. */
export const LIST_SEPARATOR = ";";

/** A column (a shorter way to write one). */
export function column<Row>(key: string, header: string, kind: ColumnKind, value: (row: Row) => TableCell): TableColumn<Row> {
  return { key, header, kind, value };
}

/** Every column of `definition` for `source`: the fixed ones, then those of the source, then the appended ones. */
export function tableColumns<Source, Row>(definition: TableDefinition<Source, Row>, source: Source): readonly TableColumn<Row>[] {
  const more = [...(definition.columnsOf?.(source) ?? []), ...(definition.appended ?? [])];
  return more.length === 0 ? definition.columns : [...definition.columns, ...more];
}

/** A cell as one value: a list joined with `LIST_SEPARATOR`, anything else as it is. */
export function flatCell(cell: TableCell): string | number | null {
  return typeof cell === "object" && cell !== null ? cell.join(LIST_SEPARATOR) : cell;
}

/** A table laid out for writing: its columns, and its rows as cells in column order. */
export interface LaidOutTable {
  readonly name: string;
  readonly title: string;
  readonly columns: readonly { readonly key: string; readonly header: string; readonly kind: ColumnKind }[];
  readonly rows: Iterable<readonly TableCell[]>;
}

/** Lays out `definition` over `source`; the rows are read as they are iterated. */
export function layOutTable<Source, Row>(definition: TableDefinition<Source, Row>, source: Source): LaidOutTable {
  const columns = tableColumns(definition, source);
  return {
    name: definition.name,
    title: definition.title,
    columns: columns.map(({ key, header, kind }) => ({ key, header, kind })),
    rows: {
      *[Symbol.iterator]() {
        for (const row of definition.rows(source)) {
          const cells = new Array<TableCell>(columns.length);
          for (let i = 0; i < columns.length; i++) cells[i] = (columns[i] as TableColumn<Row>).value(row);
          yield cells;
        }
      },
    },
  };
}

/** The Chinese header of the column `key` of `definition` (for reports that show the same value). */
export function headerOf<Source, Row>(definition: TableDefinition<Source, Row>, key: string): string {
  const found = [...definition.columns, ...(definition.appended ?? [])].find((c) => c.key === key);
  if (found === undefined) throw new Error(`table ${definition.name} has no column ${key}`);
  return found.header;
}
