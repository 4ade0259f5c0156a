/**
 * The pieces of parsing on worker threads, alone: where a file may be cut into segments
 * (only where a single thread would be at the start of a record), and the compact form in
 * which rows travel back to the main thread.
 */
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ChunkedRowParser } from "../src/parse-rows.js";
import { RowDecoder, RowEncoder } from "../src/parallel/row-codec.js";
import { CutFinder } from "../src/parallel/split-point.js";

/** The cuts found when `bytes` arrive in pieces ending at `ends`. */
function cutsOf(
  bytes: Uint8Array,
  segmentBytes: number,
  ends: readonly number[],
  bom = 0,
  encoding: "utf8" | "gb18030" = "utf8",
): number[] {
  const finder = new CutFinder(segmentBytes, bom, encoding);
  const at = [...new Set(ends.map((e) => e % (bytes.length + 1)))].sort((a, b) => a - b);
  const cuts: number[] = [];
  let start = 0;
  for (const end of [...at, bytes.length]) {
    cuts.push(...finder.push(bytes.subarray(start, end)));
    start = end;
  }
  return cuts;
}

const csvText = fc
  .array(fc.constantFrom('"', ",", "\r", "\n", "\r\n", "a", "甲", " ", '""', '","', '"x"', "2024,a,f,1\n", '2024,"a\nb",f,1\n'), {
    maxLength: 120,
  })
  .map((pieces) => Buffer.from(pieces.join(""), "utf8"));

type Parsed = [line: number, cells: string[]] | [line: number, raw: string, detail: string];

/** What one thread reads from `text`, lines counted from `firstLine`; and the line after it. */
function parse(text: string, firstLine: number): { items: Parsed[]; next: number } {
  const items: Parsed[] = [];
  const parser = new ChunkedRowParser(
    { row: (cells, line) => items.push([line, cells]), malformed: (line, raw, detail) => items.push([line, raw, detail]) },
    firstLine,
  );
  parser.push(text, true);
  return { items, next: parser.line };
}

const decode = (bytes: Uint8Array, encoding: "utf8" | "gb18030", fileStart: boolean) =>
  encoding === "gb18030" ? iconv.decode(Buffer.from(bytes), "gb18030") : new TextDecoder("utf-8", { ignoreBOM: !fileStart }).decode(bytes);

/** Text with every kind of quoting fast-csv meets: quotes at and inside fields, spaces before them, CJK. */
const trickyText = fc
  .array(
    fc.constantFrom(
      '"',
      ",",
      "\r",
      "\n",
      "\r\n",
      "a",
      "甲",
      "门口有",
      " ",
      "\u3000",
      '""',
      '","',
      '"x"',
      'a"b',
      '甲"乙',
      ' "q"',
      '"q" ',
      "2024,a,f,1\n",
      '2024,"a\nb",f,1\n',
    ),
    { maxLength: 100 },
  )
  .map((pieces) => pieces.join(""));

describe("the cut finder", () => {
  it("cuts only where parsing the pieces apart reads exactly what one thread reads", () => {
    fc.assert(
      fc.property(
        trickyText,
        fc.constantFrom<"utf8" | "gb18030">("utf8", "gb18030"),
        fc.integer({ min: 1, max: 30 }),
        (text, encoding, segment) => {
          const bytes = encoding === "gb18030" ? iconv.encode(text, "gb18030") : Buffer.from(text, "utf8");
          const cuts = cutsOf(bytes, segment, [], 0, encoding);
          const whole = parse(decode(bytes, encoding, true), 1);
          const items: Parsed[] = [];
          let line = 1;
          [0, ...cuts].forEach((start, i) => {
            const part = parse(decode(bytes.subarray(start, cuts[i] ?? bytes.length), encoding, start === 0), line);
            items.push(...part.items);
            line = part.next;
          });
          expect(items).toEqual(whole.items);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("cuts in the same places however the bytes arrive, a segment apart at least", () => {
    fc.assert(
      fc.property(csvText, fc.integer({ min: 1, max: 40 }), fc.array(fc.nat(), { maxLength: 6 }), (bytes, segment, ends) => {
        const cuts = cutsOf(bytes, segment, ends);
        expect(cuts).toEqual(cutsOf(bytes, segment, []));
        cuts.forEach((cut, i) => {
          expect(cut - (i === 0 ? 0 : (cuts[i - 1] as number))).toBeGreaterThanOrEqual(segment);
          expect(bytes[cut - 1]).toBe(0x0a);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("cuts plain CSV about every segment, at line ends, quoted line breaks left whole", () => {
    const row = (i: number) => (i % 3 === 0 ? `2024,a,"备注\n第二行, ""引号""",${i}\n` : `2024,a,f${i},${i}\n`);
    const bytes = Buffer.from(`round,city_id,note,value\n${Array.from({ length: 300 }, (_, i) => row(i)).join("")}`, "utf8");
    const cuts = cutsOf(bytes, 500, [7, 4096, 5000]);
    expect(cuts.length).toBeGreaterThan(bytes.length / 700);
    for (const cut of cuts) expect(bytes.subarray(cut).toString("utf8")).toMatch(/^2024,a,/);
  });

  it("goes on cutting past a literal quote inside a field, and stops at one after a space", () => {
    const literal = Buffer.from(`h\n${"a,b\n".repeat(50)}a"b,门口有"广告\n${"a,b\n".repeat(50)}`, "utf8");
    expect(Math.max(...cutsOf(literal, 20, []))).toBeGreaterThan(literal.length - 50);
    const spaced = Buffer.from(`h\n${"a,b\n".repeat(50)}a, "b"\n${"a,b\n".repeat(50)}`, "utf8");
    expect(Math.max(...cutsOf(spaced, 20, []))).toBeLessThanOrEqual(2 + 50 * 4);
  });

  it("skips a byte-order mark, so a quoted header after it does not stop the cuts", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`"city_id","name"\n${"a,甲市\n".repeat(40)}`, "utf8")]);
    expect(cutsOf(bytes, 50, [])).toEqual([]);
    const cuts = cutsOf(bytes, 50, [], 3);
    expect(cuts.length).toBeGreaterThan(3);
    expect(cutsOf(bytes, 50, [1, 2, 4], 3)).toEqual(cuts);
  });
});

type Item = [line: number, cells: string[]] | [line: number, raw: string, detail: string];

function roundTrip(items: readonly Item[], batchEvery: number, offset: number): Item[] {
  const encoder = new RowEncoder();
  const decoder = new RowDecoder();
  const out: Item[] = [];
  const sink = {
    row: (cells: string[], line: number) => out.push([line, cells]),
    malformed: (line: number, raw: string, detail: string) => out.push([line, raw, detail]),
  };
  items.forEach((item, i) => {
    if (item.length === 2) encoder.row(item[1], item[0]);
    else encoder.malformed(item[0], item[1], item[2]);
    if ((i + 1) % batchEvery === 0) decoder.decode(encoder.take(), sink, offset);
  });
  decoder.decode(encoder.take(), sink, offset);
  return out;
}

describe("the row codec", () => {
  it("gives back every row and malformed row, cells and lines exact, however the batches fall", () => {
    const cell = fc.oneof(fc.constantFrom("", "a", "c00001", "2024", "甲市", '"', "\u0000", "\uFEFF"), fc.string({ maxLength: 80 }));
    const item = fc.oneof(
      fc.tuple(fc.nat(), fc.array(cell, { maxLength: 40 })),
      fc.tuple(fc.nat(), fc.string(), fc.constantFrom("broken quoting", "a quoted field is never closed")),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), fc.nat(1000), (items, every, offset) => {
        const shifted = items.map((i) => [i[0] + offset, ...i.slice(1)]);
        expect(roundTrip(items as Item[], every, offset)).toEqual(shifted);
      }),
      { numRuns: 500 },
    );
  });

  it("numbers repeated values and stops numbering a column whose values do not repeat", () => {
    const items: Item[] = Array.from({ length: 5000 }, (_, i) => [i + 2, ["2024", `c${i % 7}`, `IMG_${i}.jpg`]]);
    const encoder = new RowEncoder();
    for (const [line, cells] of items) encoder.row(cells as string[], line);
    const strings = JSON.parse(encoder.take().strings) as string[];
    expect(strings.length).toBeLessThan(5000 + 600);
    expect(roundTrip(items, 1000, 0)).toEqual(items);
  });
});
