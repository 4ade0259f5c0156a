/**
 * Data tables: a header row repeated on every page (`headerRows: 1`, or 2 with a caption row
 * above it), right-aligned numbers, and long bodies split into several tables of at most
 * `chunk` rows, because pdfmake's table layout grows super-linearly with the number of rows.
 */
import type { Content, Size, TableCell } from "pdfmake/interfaces.js";
import { dataTableLayout } from "./theme.js";

/** One column: header text, width and alignment. */
export interface Column {
  readonly header: string;
  readonly width: Size;
  readonly align?: "left" | "right" | "center";
}

/** Rows per table; beyond this a body continues in a new table (with its own header row). */
export const TABLE_CHUNK = 60;

/** A header cell. */
export function th(text: string, align: "left" | "right" | "center" = "left"): TableCell {
  return { text, style: "th", alignment: align, noWrap: false };
}

/** A data table of `rows` (cells built fresh by the caller), split into chunks. */
export function dataTable(
  columns: readonly Column[],
  rows: readonly TableCell[][],
  options: {
    chunk?: number;
    margin?: [number, number, number, number];
    /** Kept on one page by the caller: no repeated header row (pdfmake drops repeated headers inside unbreakable blocks). */
    unbreakable?: boolean;
    /** A full-width row above the header row, repeated with it on every page (built fresh for each chunk). */
    caption?: () => TableCell;
  } = {},
): Content {
  const chunk = Math.max(1, options.chunk ?? TABLE_CHUNK);
  const aligned = rows.map((row) =>
    row.map((cell, i) => {
      const align = columns[i]?.align;
      if (align === undefined || align === "left" || typeof cell !== "object" || cell === null || "alignment" in cell) return cell;
      return { ...cell, alignment: align } as TableCell;
    }),
  );
  const parts: Content[] = [];
  const captionRow = (): TableCell[] =>
    options.caption === undefined
      ? []
      : [{ ...(options.caption() as object), colSpan: columns.length } as TableCell, ...columns.slice(1).map(() => ({}))];
  const headerRows = options.caption === undefined ? 1 : 2;
  for (let start = 0; start < Math.max(aligned.length, 1); start += chunk) {
    const body = aligned.slice(start, start + chunk);
    const caption = captionRow();
    parts.push({
      table: {
        ...(options.unbreakable === true ? {} : { headerRows, keepWithHeaderRows: 1 }),
        dontBreakRows: true,
        widths: columns.map((c) => c.width),
        body: [...(caption.length === 0 ? [] : [caption]), columns.map((c) => th(c.header, c.align ?? "left")), ...body],
      },
      layout: dataTableLayout(headerRows),
      style: "td",
      margin: [0, start === 0 ? 0 : 6, 0, 0],
    });
  }
  return { stack: parts, margin: options.margin ?? [0, 0, 0, 0] };
}
