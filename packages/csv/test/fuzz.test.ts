/**
 * Fuzzing the ingest with fast-check: random and mutated CSV bytes (stray quotes and commas,
 * CR/LF mixes, BOMs in the middle, invalid UTF-8, GB18030, very long cells). Whatever comes in:
 * no uncaught exception, no hang, every row accounted for (rows = accepted + skipped +
 * rejected, one reject per rejected row, lines in file order), the file's hash over its raw
 * bytes, and any error an `EvidenceError` naming the file and a line.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { EvidenceError } from "@civitas/core";
import * as Effect from "effect/Effect";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readEvidenceEffect } from "../src/effect.js";
import { ChunkedRowParser, readEvidence } from "../src/index.js";
import { CITIES, evidenceDir, fileOf, gb18030, rejectsOf, removeTempDirs, ruleset, sha256, utf8Bom } from "./support/evidence.js";

afterAll(removeTempDirs);

const HEADER = "round,city_id,fact,value";
/** Fails a run that takes longer than this: a hang (generous: the machine may be busy). */
const RUN_TIMEOUT = 60_000;

// ---------------------------------------------------------------------------------------------
// The ingest of facts.csv, whatever its bytes

const dir = evidenceDir({ "cities.csv": CITIES });

/** Reads `bytes` as facts.csv and checks the invariants that hold for any input. */
async function expectAccountedFor(bytes: Uint8Array): Promise<void> {
  writeFileSync(join(dir, "facts.csv"), bytes);
  const result = await Effect.runPromise(Effect.result(readEvidenceEffect(dir, ruleset, "2024")));
  // Each LF and each CR can end a line, so no line number is above this.
  const lastLine = 1 + bytes.reduce((n, b) => n + (b === 0x0a || b === 0x0d ? 1 : 0), 0);
  if (result._tag === "Failure") {
    const error = result.failure;
    expect(error).toBeInstanceOf(EvidenceError);
    expect(error.file).toBe("facts.csv");
    expect(error.message).toContain("facts.csv");
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(lastLine);
    return;
  }
  const read = result.success;
  expect(fileOf(read, "cities.csv")).toMatchObject({ rows: 2, accepted: 2 });
  const facts = fileOf(read, "facts.csv");
  expect(facts.sha256).toBe(sha256(bytes));
  expect(facts.rows).toBe(facts.accepted + facts.skipped + facts.rejected);
  expect(facts.rows).toBeLessThanOrEqual(lastLine - 1);
  const rejects = rejectsOf(read, "facts.csv");
  expect(rejects).toHaveLength(facts.rejected);
  let previous = 1;
  for (const reject of rejects) {
    expect(reject.line).toBeGreaterThan(previous);
    expect(reject.line).toBeLessThanOrEqual(lastLine);
    expect(typeof reject.raw).toBe("string");
    previous = reject.line;
  }
}

const bytesOf = (text: string) => Buffer.from(text, "utf8");

/** Pieces of CSV: structure, values, encodings and garbage. */
const piece: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('"', ",", "\r", "\n", "\r\n", " ", "\t", '""', '","', "\n\n").map(bytesOf) },
  { weight: 30, arbitrary: fc.constantFrom("2024", "2023", "a", "b", "x", "pm25", "1", "-3.5", "abc", "甲市", "'").map(bytesOf) },
  {
    weight: 20,
    arbitrary: fc
      .constantFrom("2024,a,pm25,45\n", "2023,a,f,1\r\n", "2024,x,f,1\n", '2024,a,"f\nx",1\n', '2024,a,"f"x,1\n', "2024,a,f\n")
      .map(bytesOf),
  },
  { weight: 5, arbitrary: fc.constant(Buffer.from([0xef, 0xbb, 0xbf])) },
  { weight: 5, arbitrary: fc.constant(gb18030("测评,数值")) },
  {
    weight: 8,
    arbitrary: fc
      .constantFrom([0xff], [0xfe], [0x80], [0xc3], [0xe4, 0xb8], [0xed, 0xa0, 0x80], [0x00], [0x84, 0x31, 0x95, 0x33])
      .map((b) => Buffer.from(b)),
  },
  {
    weight: 1,
    // longer than a 64 KiB read chunk (records longer than the stall size: large-files.test.ts)
    arbitrary: fc.constantFrom(bytesOf("x".repeat(70_000)), bytesOf(`"${"长,\n".repeat(12_000)}"`), bytesOf(`"${"q".repeat(70_000)}`)),
  },
);

/** What a file may start with. */
const start = fc.constantFrom(
  bytesOf(`${HEADER}\n`),
  bytesOf(`${HEADER}\r\n`),
  utf8Bom(`${HEADER}\n`),
  gb18030("测评轮次,城市代码,指标,数值\r\n"),
  bytesOf(`${HEADER},${HEADER}\n`),
  bytesOf("round,city_id\n"),
  Buffer.alloc(0),
);

const soup = fc.tuple(start, fc.array(piece, { maxLength: 40 })).map(([head, pieces]) => Buffer.concat([head, ...pieces]));

/** A valid facts.csv, then mutated: bytes inserted, deleted, overwritten or repeated. */
const mutation = fc.record({
  op: fc.constantFrom("insert", "delete", "overwrite", "repeat"),
  at: fc.nat(),
  length: fc.nat({ max: 12 }),
  piece,
});
const mutated = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom("2024", "2023"),
        fc.constantFrom("a", "b", "x"),
        fc.string({ maxLength: 6 }),
        fc.constantFrom("1", "2.5", "-3", "abc"),
      ),
      { maxLength: 30 },
    ),
    fc.constantFrom("\n", "\r\n"),
    fc.array(mutation, { minLength: 1, maxLength: 5 }),
  )
  .map(([rows, eol, mutations]) => {
    const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
    let bytes = bytesOf([HEADER, ...rows.map((r, i) => [r[0], r[1], quote(`f${i}${r[2]}`), r[3]].join(","))].join(eol) + eol);
    for (const { op, at, length, piece } of mutations) {
      const p = at % (bytes.length + 1);
      const before = bytes.subarray(0, p);
      const after = bytes.subarray(p);
      if (op === "insert") bytes = Buffer.concat([before, piece, after]);
      else if (op === "delete") bytes = Buffer.concat([before, after.subarray(length)]);
      else if (op === "overwrite") bytes = Buffer.concat([before, piece, after.subarray(piece.length)]);
      else bytes = Buffer.concat([before, after.subarray(0, length), after]);
    }
    return bytes;
  });

describe("the ingest of fuzzed bytes", () => {
  it("accounts for every row of random CSV pieces, or fails with the file and line", async () => {
    await fc.assert(fc.asyncProperty(soup, expectAccountedFor), { numRuns: 200, timeout: RUN_TIMEOUT, markInterruptAsFailure: true });
  });

  it("accounts for every row of a mutated valid file, or fails with the file and line", async () => {
    await fc.assert(fc.asyncProperty(mutated, expectAccountedFor), { numRuns: 200, timeout: RUN_TIMEOUT, markInterruptAsFailure: true });
  });

  it("accounts for every row of random bytes, or fails with the file and line", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }).map(Buffer.from), expectAccountedFor), {
      numRuns: 200,
      timeout: RUN_TIMEOUT,
      markInterruptAsFailure: true,
    });
  });

  it("reads every row of a well-formed file with its line, in any encoding and line ending", async () => {
    const record = fc.record({
      round: fc.constantFrom("2024", "2023"),
      city: fc.constantFrom("a", "b", "x"),
      fact: fc.string({ unit: fc.constantFrom("a", "甲", ",", '"', "\n", " ", "\r\n", "=") }),
      value: fc.constantFrom("1", "-2.5", "abc", '"4"'),
      blankAfter: fc.boolean(),
    });
    const file = fc.record({
      rows: fc.array(record, { maxLength: 25 }),
      eol: fc.constantFrom("\n", "\r\n"),
      encoding: fc.constantFrom("utf8", "utf8-bom", "gb18030"),
    });
    await fc.assert(
      fc.asyncProperty(file, async ({ rows, eol, encoding }) => {
        let text = HEADER + eol;
        let line = 2;
        const expected: string[] = [];
        let skipped = 0;
        rows.forEach((row, i) => {
          // unique fact names, so that no row is a duplicate
          const fact = `f${i}${row.fact}`;
          const cells = [row.round, row.city, /[",\r\n]|^\s|\s$/.test(fact) ? `"${fact.replaceAll('"', '""')}"` : fact, row.value];
          if (row.round === "2023") skipped++;
          else if (row.city === "x") expected.push(`${line} unknown_city`);
          else if (row.value === "abc") expected.push(`${line} bad_value`);
          text += cells.join(",") + eol + (row.blankAfter ? eol : "");
          line += 1 + (fact.match(/\n/g)?.length ?? 0) + (row.blankAfter ? 1 : 0);
        });
        const bytes = encoding === "gb18030" ? gb18030(text) : encoding === "utf8-bom" ? utf8Bom(text) : bytesOf(text);
        writeFileSync(join(dir, "facts.csv"), bytes);
        const read = await readEvidence(dir, ruleset, "2024");
        expect(fileOf(read, "facts.csv")).toMatchObject({
          rows: rows.length,
          skipped,
          rejected: expected.length,
          accepted: rows.length - skipped - expected.length,
          sha256: sha256(bytes),
        });
        expect(rejectsOf(read, "facts.csv").map((r) => `${r.line} ${r.code}`)).toEqual(expected);
      }),
      { numRuns: 200, timeout: RUN_TIMEOUT, markInterruptAsFailure: true },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The row parser alone, fed in random chunks

type Item = [line: number, cells: string[]] | [line: number, raw: string, detail: string];

function parseChunks(chunks: readonly string[]): Item[] {
  const items: Item[] = [];
  const parser = new ChunkedRowParser({
    row: (cells, line) => items.push([line, cells]),
    malformed: (line, raw, detail) => items.push([line, raw, detail]),
  });
  chunks.forEach((chunk, i) => parser.push(chunk, i === chunks.length - 1));
  return items;
}

/** `text` cut at the given offsets (any order, duplicates allowed). */
function cut(text: string, offsets: readonly number[]): string[] {
  const at = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  return [...at, text.length].map((end, i) => text.slice(i === 0 ? 0 : at[i - 1], end));
}

describe("the row parser", () => {
  it("gives the same rows, lines and malformed rows however the text is cut", () => {
    const text = fc
      .array(fc.constantFrom('"', ",", "\r", "\n", "\r\n", "a", "2024", " ", "\t", "甲", '""', "\u3000", "\uFEFF"), { maxLength: 80 })
      .map((t) => t.join(""));
    // fast-csv drops a U+FEFF at the start of each piece it parses; cells are trimmed on admission.
    const withoutBom = (items: Item[]) => JSON.parse(JSON.stringify(items).replaceAll("\\ufeff", "").replaceAll("\uFEFF", ""));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (t, offsets) => {
        expect(withoutBom(parseChunks(cut(t, offsets)))).toEqual(withoutBom(parseChunks([t])));
      }),
      { numRuns: 1000 },
    );
  });

  it("reads back exactly the cells and lines of well-formed CSV, cut anywhere, a broken row affecting only itself", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "甲", ",", '"', "\n", "\r\n", " ", "=", "\t") });
    const good = fc.record({
      cells: fc.array(cell, { minLength: 2, maxLength: 4 }),
      quoteAnyway: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      blank: fc.nat({ max: 2 }),
    });
    // text after a closing quote: fast-csv refuses the row
    const broken = fc.constantFrom('1,"x"y', '"a"b,c', '2,"p, q" r', '3,"甲"""乙');
    const row = fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: broken });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, eol, offsets) => {
          let text = "";
          let line = 1;
          const expected: Item[] = [];
          for (const row of rows) {
            if (typeof row === "string") {
              expected.push([line, row, "broken quoting"]);
              text += row + eol;
              line += 1;
              continue;
            }
            const { cells, quoteAnyway, blank } = row;
            // quoted when it must be, or at random; a quote inside an unquoted cell stays literal
            const written = cells.map((c, i) => (/[,\r\n]|^["\s]|\s$/.test(c) || quoteAnyway[i] ? `"${c.replaceAll('"', '""')}"` : c));
            expected.push([line, cells]);
            text += written.join(",") + eol + eol.repeat(blank);
            line += 1 + (cells.join("").match(/\n/g)?.length ?? 0) + blank;
          }
          expect(parseChunks(cut(text, offsets))).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
