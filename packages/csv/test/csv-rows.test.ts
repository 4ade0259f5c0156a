/**
 * The CSV rows the outputs are written with are byte for byte what @fast-csv/format's row
 * formatter writes for the same cells (quotes, commas, line breaks, `|`, NULs, formulas
 * neutralised), so replacing its per-row machinery changed no output.
 */
import { FormatterOptions } from "@fast-csv/format";
import { RowFormatter } from "@fast-csv/format/build/src/formatter/RowFormatter.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutralise, tableCsvPieces } from "../src/index.js";
import { csvField, csvRow } from "../src/write-table.js";

/** What @fast-csv/format writes for `rows` (header first), with CRLF between rows. */
function fastCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const formatter = new RowFormatter<string[], string[]>(
    new FormatterOptions({ headers: false, rowDelimiter: "\r\n", alwaysWriteHeaders: false }),
  );
  let out = "";
  for (const row of rows) {
    formatter.format(row.map(neutralise), (error, texts) => {
      if (error !== null) throw error;
      for (const text of texts ?? []) out += text;
    });
  }
  return out;
}

const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "满", ",", '"', "\n", "\r", "|", "\0", "=", "+", "-", "@", "\t", " ", ";", "1") }),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.constant(null),
);

describe("CSV rows", () => {
  it("are what @fast-csv/format writes, for any cells", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const [header, ...rest] = rows as [(string | number | null)[], ...(string | number | null)[][]];
        const written = [...tableCsvPieces({ header: header.map(String), rows: rest })].join("");
        expect(written).toBe(`\uFEFF${fastCsv([header.map(String), ...rest])}`);
      }),
      { numRuns: 500 },
    );
  });

  it("quote a field with a quote, comma, pipe or line break, and drop NULs", () => {
    expect(["plain", 'say "hi"', "a,b", "a|b", "two\nlines", "nul\0", "满意┋一般"].map(csvField)).toEqual([
      "plain",
      '"say ""hi"""',
      '"a,b"',
      '"a|b"',
      '"two\nlines"',
      "nul",
      "满意┋一般",
    ]);
    expect(csvRow(["=1+1", -3, null, "-x"])).toBe("'=1+1,-3,,'-x");
  });
});
