/**
 * Records longer than the row parser's stall size (1 Mi characters), which it holds back until
 * a quote may close them: read whole, quoted or not, with the right lines after them; a quote
 * that never closes makes one malformed row.
 */
import { afterAll, describe, expect, it } from "vitest";
import { ChunkedRowParser } from "../src/index.js";
import { CITIES, evidenceDir, fileOf, read, rejectsOf, removeTempDirs } from "./support/evidence.js";

afterAll(removeTempDirs);

// just over the stall size: records this long take seconds through 64 KiB reads
const HUGE = "很长的备注, 含逗号\n".repeat(100_000);
const HUGE_LINES = 100_000;

type Item = [line: number, cells: string[]] | [line: number, raw: string, detail: string];

/** Parses `pieces` (the last one final) and lists what came out, long cells shortened. */
function parse(...pieces: string[]): Item[] {
  const items: Item[] = [];
  const short = (text: string) => (text.length > 100 ? `${text.slice(0, 10)}…(${text.length})` : text);
  const parser = new ChunkedRowParser({
    row: (cells, line) => items.push([line, cells.map(short)]),
    malformed: (line, raw, detail) => items.push([line, short(raw), detail]),
  });
  pieces.forEach((piece, i) => parser.push(piece, i === pieces.length - 1));
  return items;
}

describe("a record longer than the parser's stall size", () => {
  it("is read whole from a file when quoted, and the lines after it are right", async () => {
    const facts = `round,city_id,fact,value,note\n2024,a,f1,1,"${HUGE}"\n2024,x,f2,1,\n2024,a,f3,1,\n`;
    const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": facts }));
    expect(fileOf(evidence, "facts.csv")).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
    expect(rejectsOf(evidence, "facts.csv").map((r) => r.line)).toEqual([3 + HUGE_LINES]);
    expect(evidence.admission.evidence().byCity.get("a")?.facts.size).toBe(2);
  });

  it("is read whole when quoted and its closing quote comes in a later piece", () => {
    const [first, second] = [HUGE.slice(0, 600_000), HUGE.slice(600_000)];
    expect(parse("a,b\n", `1,"${first}`, `${second}`, `"\n2,x\n`, "3,y\n", "")).toEqual([
      [1, ["a", "b"]],
      [2, ["1", `很长的备注, 含逗号…(${HUGE.length})`]],
      [3 + HUGE_LINES, ["2", "x"]],
      [4 + HUGE_LINES, ["3", "y"]],
    ]);
  });

  it("is read whole when unquoted", () => {
    const cell = "x".repeat(1_100_000);
    expect(parse("a,b\n", `1,${cell.slice(0, 700_000)}`, cell.slice(700_000), "\n2,y\n", "")).toEqual([
      [1, ["a", "b"]],
      [2, ["1", `xxxxxxxxxx…(${cell.length})`]],
      [3, ["2", "y"]],
    ]);
  });

  it("is one malformed row when its quote never closes, the rows before it kept", () => {
    expect(parse("a,b\n1,x\n", `2,"${HUGE}`, "3,z\n", "")).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "x"]],
      [3, `2,"很长的备注, …(${HUGE.length + 6})`, "a quoted field is never closed (lines 3–100003 read as this one record)"],
    ]);
  });
});
