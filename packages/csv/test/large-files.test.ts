/**
 * Large files: from SPLIT_MIN_BYTES on a file is cut at a record boundary and its second part
 * parsed on a worker thread, and rows must come out exactly as from one thread (lines, rejects,
 * accounting, hash).
 */
import { afterAll, describe, expect, it } from "vitest";
// Internal, to size the input: the test must keep covering the split if the threshold moves.
import { SPLIT_MIN_BYTES } from "../src/read-evidence-file.js";
import { CITIES, evidenceDir, fileOf, gb18030, read, rejectsOf, removeTempDirs, sha256 } from "./support/evidence.js";

afterAll(removeTempDirs);

interface Expected {
  readonly text: string;
  readonly rows: number;
  readonly accepted: number;
  readonly skipped: number;
  readonly rejects: string[];
}

/**
 * A facts.csv of about `size` bytes with a note column, its rejects at known lines: unknown
 * cities, other rounds, blank lines and multi-line notes throughout; broken quoting, wrong
 * column counts and literal quotes only in the second half (past where the file is cut).
 */
function bigFacts(size: number, eol: string): Expected {
  const parts = [`round,city_id,fact,value,note${eol}`];
  let length = parts[0]?.length ?? 0;
  let line = 2;
  let rows = 0;
  let accepted = 0;
  let skipped = 0;
  const rejects: string[] = [];
  const note = "现场检查记录：地面有积水、垃圾，已拍照留存。".repeat(4);
  for (let i = 0; length < size; i++) {
    const secondHalf = length > size / 2;
    let row: string;
    let lines = 1;
    rows++;
    if (i % 1000 === 0) {
      row = `2024,x,f${i},1,${note}`;
      rejects.push(`${line} unknown_city`);
    } else if (i % 1000 === 250) {
      row = `2024,a,f${i},1,"${note}${eol}第二行, 带逗号${eol}第三行 ""引号"""`;
      lines = 3;
      accepted++;
    } else if (i % 1000 === 500) {
      row = `2024,a,f${i},1,${note}${eol}`;
      lines = 2;
      accepted++;
    } else if (i % 1000 === 750) {
      row = `2023,a,f${i},1,${note}`;
      skipped++;
    } else if (secondHalf && i % 1000 === 999) {
      row = `2024,a,"f${i}"x,1,${note}`;
      rejects.push(`${line} malformed_row`);
    } else if (secondHalf && i % 1000 === 123) {
      row = `2024,a,f${i}`;
      rejects.push(`${line} malformed_row`);
    } else if (secondHalf && i % 1000 === 321) {
      row = `2024,a,f${i},1,门口有"广告`;
      accepted++;
    } else {
      row = `2024,a,f${i},${i},${note}`;
      accepted++;
    }
    parts.push(row + eol);
    length += row.length * 2 + eol.length;
    line += lines;
  }
  return { text: parts.join(""), rows, accepted, skipped, rejects };
}

describe("a file large enough to be parsed on two threads", () => {
  it.each([
    ["UTF-8 with CRLF", "\r\n", (text: string) => Buffer.from(text, "utf8")],
    ["GB18030 with LF", "\n", gb18030],
  ])("(%s) gives every row with its line, as one thread would", async (_, eol, encode) => {
    const expected = bigFacts(SPLIT_MIN_BYTES + 512 * 1024, eol);
    const bytes = encode(expected.text);
    expect(bytes.length).toBeGreaterThan(SPLIT_MIN_BYTES);
    const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": bytes }));
    expect(fileOf(evidence, "facts.csv")).toMatchObject({
      rows: expected.rows,
      accepted: expected.accepted,
      skipped: expected.skipped,
      rejected: expected.rejects.length,
      sha256: sha256(bytes),
    });
    expect(rejectsOf(evidence, "facts.csv").map((r) => `${r.line} ${r.code}`)).toEqual(expected.rejects);
    expect(evidence.admission.evidence().byCity.get("a")?.facts.size).toBe(expected.accepted);
  });
});
