/**
 * The chunked row parser: rows with the line they start on, blank lines skipped, broken rows
 * isolated (only they are malformed) whatever the line endings and however the text is cut.
 */
import { describe, expect, it } from "vitest";
import { ChunkedRowParser, splitRecords } from "../src/index.js";

type Item = { line: number; cells: string[] } | { line: number; malformed: string; detail: string };

/** Parses `chunks` (the last one final) and lists what came out. */
function parse(...chunks: string[]): Item[] {
  const items: Item[] = [];
  const parser = new ChunkedRowParser({
    row: (cells, line) => items.push({ line, cells }),
    malformed: (line, raw, detail) => items.push({ line, malformed: raw, detail }),
  });
  chunks.forEach((chunk, i) => parser.push(chunk, i === chunks.length - 1));
  return items;
}

describe("ChunkedRowParser", () => {
  it("numbers rows from 1 with the header on line 1", () => {
    expect(parse("a,b\n1,2\n3,4\n")).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "2"] },
      { line: 3, cells: ["3", "4"] },
    ]);
  });

  it("skips blank and whitespace-only lines but counts them as lines", () => {
    expect(parse("a,b\n\n1,2\n   \n\t\n\n3,4\n\n").map((i) => i.line)).toEqual([1, 3, 7]);
  });

  it("reports a row with quoted line breaks at its first line and counts the lines it spans", () => {
    expect(parse('a,b\n1,"x\ny\nz"\n2,w\n')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "x\ny\nz"] },
      { line: 5, cells: ["2", "w"] },
    ]);
  });

  it("reads CRLF files, with CRLF inside quoted cells", () => {
    expect(parse('a,b\r\n\r\n1,"x\r\ny"\r\n2,w\r\n')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 3, cells: ["1", "x\r\ny"] },
      { line: 5, cells: ["2", "w"] },
    ]);
  });

  it("gives the same rows and lines however the text is cut into chunks", () => {
    const text = 'a,b\r\n\r\n1,"x\r\ny"\r\n2,"p""q"\n\n3,w\n4,"long, cell"';
    const whole = parse(text);
    for (let cut = 1; cut < text.length; cut++) expect(parse(text.slice(0, cut), text.slice(cut))).toEqual(whole);
    expect(parse(...text.split(""), "")).toEqual(whole);
  });

  it("rejects a row with text after a closing quote as broken quoting and keeps the rows around it", () => {
    expect(parse('a,b\n1,x\n2,"y"z\n3,w\n')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "x"] },
      { line: 3, malformed: '2,"y"z', detail: "broken quoting" },
      { line: 4, cells: ["3", "w"] },
    ]);
  });

  it("rejects a quote that is never closed at the line it opens on", () => {
    expect(parse('a,b\n1,x\n2,"y\n3,w\n')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "x"] },
      { line: 3, malformed: '2,"y\n3,w', detail: "a quoted field is never closed (lines 3–4 read as this one record)" },
    ]);
  });

  // Regression: the record splitter used to treat every quote as opening or closing a quoted
  // field, so a literal quote inside an unquoted cell (which fast-csv reads as a character)
  // swallowed every later row of the chunk once a broken row elsewhere forced recovery.
  it("keeps rows with a literal quote inside an unquoted cell when another row of the chunk is broken", () => {
    expect(parse('a,b\n1,"x"y\n2,门口有"广告\n3,z\n4,w\n')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, malformed: '1,"x"y', detail: "broken quoting" },
      { line: 3, cells: ["2", '门口有"广告'] },
      { line: 4, cells: ["3", "z"] },
      { line: 5, cells: ["4", "w"] },
    ]);
  });

  it("keeps escaped quotes, quoted commas and quotes after leading spaces apart from a broken row", () => {
    expect(parse('a,b\n1,"x"y\n2, "p,\nq"\n3,"a""b"\n4,w\n')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, malformed: '1,"x"y', detail: "broken quoting" },
      { line: 3, cells: ["2", "p,\nq"] },
      { line: 5, cells: ["3", 'a"b'] },
      { line: 6, cells: ["4", "w"] },
    ]);
  });

  // Regression: lone CR line endings (Excel's "CSV (Macintosh)") were not record boundaries
  // for the splitter, so one broken row made the whole chunk, header included, one bad row.
  it("isolates a broken row in a file with lone CR line endings", () => {
    const expected = [
      { line: 1, cells: ["a", "b"] },
      { line: 2, malformed: '1,"x"y', detail: "broken quoting" },
      { line: 3, cells: ["2", "z"] },
      { line: 4, cells: ["3", "w"] },
    ];
    expect(parse('a,b\r1,"x"y\r2,z\r3,w\r')).toEqual(expected);
    expect(parse('a,b\r1,"x"y\r', "2,z\r", "3,w\r", "")).toEqual(expected);
  });
});

describe("splitRecords", () => {
  it("cuts at line breaks outside quoted fields and returns the unfinished tail", () => {
    const { records, rest, unterminated } = splitRecords('a,"b\nc"\r\nd,e\nf', 7, false);
    expect(records).toEqual([
      { text: 'a,"b\nc"\r\n', line: 7 },
      { text: "d,e\n", line: 9 },
    ]);
    expect(rest).toBe("f");
    expect(unterminated).toBe(false);
  });

  it("treats a quote inside an unquoted field as a character", () => {
    expect(splitRecords('a,b"c\nd,e\n', 1, true).records.map((r) => r.line)).toEqual([1, 2]);
  });

  it("tells when the text ends inside a quoted field", () => {
    const split = splitRecords('a,"b\nc\n', 1, true);
    expect(split.records).toEqual([{ text: 'a,"b\nc\n', line: 1 }]);
    expect(split.unterminated).toBe(true);
  });

  it("waits for the next character before cutting at a CR that ends the text", () => {
    expect(splitRecords("a,b\rc,d\r", 1, false)).toMatchObject({ records: [{ text: "a,b\r", line: 1 }], rest: "c,d\r" });
  });
});
