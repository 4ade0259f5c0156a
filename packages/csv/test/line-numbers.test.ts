/**
 * Line numbers of rejected rows (SPEC section 2): 1-based with the header on line 1, the line
 * an editor shows — blank lines are not rows but are lines, a row with quoted line breaks is
 * reported at its first line and the rows after it are not shifted; LF, CRLF and lone CR.
 */
import { afterAll, describe, expect, it } from "vitest";
import { CITIES, evidenceDir, fileOf, gb18030, read, rejectsOf, removeTempDirs } from "./support/evidence.js";

afterAll(removeTempDirs);

const FACTS = "round,city_id,fact,value";

/** The lines of the rejected rows of facts.csv (each test rejects rows with an unknown city `x`). */
async function rejectedLines(facts: string | Uint8Array): Promise<number[]> {
  const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": facts }));
  return rejectsOf(evidence, "facts.csv").map((r) => r.line);
}

describe("line numbers", () => {
  it("count the header as line 1 and the first data row as line 2", async () => {
    expect(await rejectedLines(`${FACTS}\n2024,x,pm25,1\n2024,a,pm25,1\n2024,x,y,1\n`)).toEqual([2, 4]);
  });

  it("count blank lines, which are not rows", async () => {
    const evidence = await read(
      evidenceDir({ "cities.csv": CITIES, "facts.csv": `${FACTS}\n\n2024,x,p,1\n\n\n2024,a,q,1\n\n2024,x,r,1\n\n` }),
    );
    expect(rejectsOf(evidence, "facts.csv").map((r) => r.line)).toEqual([3, 8]);
    expect(fileOf(evidence, "facts.csv")).toMatchObject({ rows: 3, accepted: 1, rejected: 2 });
  });

  it("count lines holding only spaces or tabs as blank lines", async () => {
    const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": `${FACTS}\n   \n\t\n2024,x,p,1\n` }));
    expect(rejectsOf(evidence, "facts.csv").map((r) => r.line)).toEqual([4]);
    expect(fileOf(evidence, "facts.csv").rows).toBe(1);
  });

  it("report a row whose quoted cell holds line breaks at its first line, and count its lines", async () => {
    const facts = `${FACTS}\n2024,x,"多行\n指标\n名称",1\n2024,a,p,1\n2024,x,q,1\n`;
    expect(await rejectedLines(facts)).toEqual([2, 6]);
  });

  it("read CRLF files, with CRLF inside quoted cells and blank CRLF lines", async () => {
    const facts = `${FACTS}\r\n\r\n2024,x,"a\r\nb",1\r\n2024,a,p,1\r\n\r\n2024,x,q,1\r\n`;
    expect(await rejectedLines(facts)).toEqual([3, 7]);
  });

  it("read lone CR line endings (Excel's CSV for Macintosh)", async () => {
    expect(await rejectedLines(`${FACTS}\r2024,x,p,1\r2024,a,q,1\r2024,x,r,1\r`)).toEqual([2, 4]);
  });

  it("read mixed line endings", async () => {
    expect(await rejectedLines(`${FACTS}\r\n2024,x,p,1\n2024,a,q,1\r2024,x,r,1\r\n\n2024,x,s,1`)).toEqual([2, 4, 6]);
  });

  it("stay right after a malformed row that spans several lines", async () => {
    const facts = `${FACTS}\n2024,a,"broken"quote,1\n2024,x,"ok\nspan",1\n2024,a,"x"y\n\n2024,x,q,1\n`;
    const evidence = await read(evidenceDir({ "cities.csv": CITIES, "facts.csv": facts }));
    expect(rejectsOf(evidence, "facts.csv").map((r) => [r.line, r.code])).toEqual([
      [2, "malformed_row"],
      [3, "unknown_city"],
      [5, "malformed_row"],
      [7, "unknown_city"],
    ]);
  });

  it("are the same in a GB18030 file", async () => {
    const facts = gb18030(`测评轮次,城市代码,指标,数值\r\n\r\n2024,x,"空气\r\n质量",1\r\n2024,a,优良天数,300\r\n2024,x,绿化率,1\r\n`);
    expect(await rejectedLines(facts)).toEqual([3, 6]);
  });

  it("count blank lines before the header", async () => {
    expect(await rejectedLines(`\n\n${FACTS}\n2024,x,p,1\n`)).toEqual([4]);
  });

  it("count lines across the 64 KiB read chunks", async () => {
    let facts = `${FACTS}\n`;
    let line = 2;
    const expected: number[] = [];
    for (let i = 0; facts.length < 200 * 1024; i++) {
      if (i % 97 === 0) {
        expected.push(line);
        facts += `2024,x,"f${i}\nsecond line",1\n\n`;
        line += 3;
      } else {
        facts += `2024,a,f${i},${i}\n`;
        line += 1;
      }
    }
    expect(await rejectedLines(facts)).toEqual(expected);
  });
});
