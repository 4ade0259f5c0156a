/**
 * Builders for the CSV tests: a small rule set with one standard of each method, evidence
 * directories written under the system's temp directory, and readers that return what was
 * read or the error that stopped the read.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EvidenceError, type InputFile, parseRuleset, type RejectedRow, type Ruleset } from "@civitas/core";
import iconv from "iconv-lite";
import { type EvidenceRead, type ReadEvidenceOptions, readEvidence } from "../../src/index.js";

/** One standard per method: field S1 (market; K1 −2, K2 −3), survey S2 (Q1), document S3, data S4 (pm25). */
export const ruleset: Ruleset = parseRuleset({
  id: "csv-test",
  version: "1.0.0",
  title: "CSV 测试体系（示例）",
  effectiveFrom: "2020-01-01",
  grades: [
    { id: "pass", name: "合格", minRatio: 0.7 },
    { id: "fail", name: "不合格", minRatio: 0 },
  ],
  departments: [
    { id: "cgj", name: "城市管理局" },
    { id: "scj", name: "市场监督管理局" },
  ],
  siteTypes: [
    { id: "market", name: "农贸市场" },
    { id: "road", name: "主次干道" },
  ],
  categories: [
    {
      id: "C1",
      name: "公共环境",
      contents: [
        {
          id: "C1.1",
          name: "市容",
          standards: [
            {
              id: "S1",
              name: "农贸市场环境卫生",
              points: 30,
              method: "field",
              responsible: ["cgj", "scj"],
              siteTypes: ["market"],
              checks: [
                { id: "K1", name: "地面有积水、垃圾", deduction: 2 },
                { id: "K2", name: "占道经营", deduction: 3 },
              ],
            },
            {
              id: "S2",
              name: "市民满意度",
              points: 20,
              method: "survey",
              responsible: ["cgj"],
              question: "Q1",
              positive: ["A", "B"],
              floor: 0.5,
              target: 0.9,
            },
            { id: "S3", name: "工作机制", points: 10, method: "document", responsible: ["cgj"] },
            { id: "S4", name: "PM2.5", points: 10, method: "data", responsible: [], fact: "pm25", floor: 75, target: 35 },
          ],
        },
      ],
    },
  ],
});

/** A `cities.csv` with cities `a` (甲市) and `b` (乙市). */
export const CITIES = "city_id,name,peer_group\na,甲市,g1\nb,乙市,g2\n";

const made: string[] = [];

/** A fresh directory under the system's temp directory, removed by `removeTempDirs`. */
export function tempDir(prefix = "civitas-csv-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every directory `tempDir` made (call it in `afterAll`). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** An evidence directory holding exactly `files` (name → text or bytes); `cities.csv` is not added. */
export function evidenceDir(files: Readonly<Record<string, string | Uint8Array>>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Reads and admits `dir` for `round`; a failure fails the test. */
export function read(dir: string, round = "2024", options: ReadEvidenceOptions = {}): Promise<EvidenceRead> {
  return readEvidence(dir, ruleset, round, options);
}

/** The error that refuses `dir`; a read that succeeds fails the test, and so does a failure that is not an `EvidenceError`. */
export async function readFailure(dir: string, round = "2024", options: ReadEvidenceOptions = {}): Promise<EvidenceError> {
  try {
    await readEvidence(dir, ruleset, round, options);
  } catch (error) {
    if (error instanceof EvidenceError) return error;
    throw error;
  }
  throw new Error(`expected the evidence in ${dir} to be refused`);
}

/** The accounting of one file of a read. */
export function fileOf(read: EvidenceRead, name: string): InputFile {
  const file = read.files.find((f) => f.name === name);
  if (file === undefined) throw new Error(`${name} was not read (files: ${read.files.map((f) => f.name).join(", ")})`);
  return file;
}

/** The rejected rows of one file. */
export function rejectsOf(read: EvidenceRead, name: string): RejectedRow[] {
  return read.admission.rejects.filter((r) => r.file === name);
}

/** Hex SHA-256 of bytes, as node:crypto computes it. */
export function sha256(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Text encoded as GB18030 (what Excel writes on Chinese Windows; a superset of GBK). */
export function gb18030(text: string): Buffer {
  return iconv.encode(text, "gb18030");
}

/** Text encoded as UTF-8 with a byte-order mark. */
export function utf8Bom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}
