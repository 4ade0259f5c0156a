/**
 * `civitas feedback` (SPEC section 8) as a user runs it: a notice per city as PDF and .docx in
 * --out; 50 camera photos stay under 5 MB per notice; a photo that is missing, not an image,
 * enormous in pixels, or outside the evidence directory (`../`, absolute, a link leading out)
 * is warned about and named on the notice, never fatal; bad flags are usage errors (exit 2).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resultsJson, scoreRound } from "@civitas/core";
import { beforeAll, describe, expect, it } from "vitest";
import { appealRow, cityRow, fieldRow, ROUND, siteRow } from "../../core/test/support/evidence-builders.js";
import { noticeRuleset } from "../../core/test/support/notices.js";
import { docxParagraphs } from "../../docx/test/support/read-docx.js";
import { jpegOf, pngClaiming } from "../../photos/test/support/images.js";
import { runCliAsync } from "./support/run-cli.js";

const FAULTY = ["photos/missing.jpg", "photos/notes.jpg", "photos/bomb.png", "../outside.jpg", "/etc/hostname", "photos/link-out.jpg"];

/** An evidence directory with 50 camera photos and the faulty ones, and a results.json naming them. */
async function batch() {
  const base = mkdtempSync(join(tmpdir(), "civitas-feedback-"));
  const evidence = join(base, "evidence");
  mkdirSync(join(evidence, "photos"), { recursive: true });
  const camera = await jpegOf(1600, 1200, 88);
  for (let i = 1; i <= 50; i++) writeFileSync(join(evidence, "photos", `p${i}.jpg`), camera);
  writeFileSync(join(evidence, "photos", "notes.jpg"), "not a photo");
  writeFileSync(join(evidence, "photos", "bomb.png"), pngClaiming(40_000, 40_000));
  writeFileSync(join(base, "outside.jpg"), camera);
  symlinkSync(join(base, "outside.jpg"), join(evidence, "photos", "link-out.jpg"));
  const sites = Array.from({ length: 56 }, (_, i) => `m${i + 1}`);
  const photoOf = (i: number) => (i < 50 ? `photos/p${i + 1}.jpg` : (FAULTY[i - 50] as string));
  const results = await scoreRound({
    ruleset: noticeRuleset,
    round: ROUND,
    evidence: {
      cities: [cityRow("a", { name: "甲市" }), cityRow("b", { name: "乙市" })],
      sites: sites.map((site) => siteRow("a", site)),
      field: sites.map((site, i) => fieldRow("a", site, "K1", 1, { photo: photoOf(i) })),
      appeals: [appealRow("a", "A1", { standard_id: "S1", check_id: "K1", site_id: "m1" }, "pending")],
    },
  });
  const resultsPath = join(base, "results.json");
  writeFileSync(resultsPath, resultsJson(results));
  return { base, evidence, resultsPath, out: join(base, "notices") };
}

describe("civitas feedback", () => {
  let files: Awaited<ReturnType<typeof batch>>;
  let run: Awaited<ReturnType<typeof runCliAsync>>;
  beforeAll(async () => {
    files = await batch();
    run = await runCliAsync([
      "feedback",
      "--results",
      files.resultsPath,
      "--evidence",
      files.evidence,
      "--appeal-days",
      "7",
      "--report-date",
      "2024-06-28",
      "--out",
      files.out,
    ]);
  }, 180_000);

  it("writes a notice per city as PDF and .docx, and says what it wrote", () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.status).toBe(0);
    expect(
      readdirSync(files.out)
        .filter((f) => !f.startsWith("."))
        .sort(),
    ).toEqual(["a.docx", "a.pdf", "b.docx", "b.pdf"]);
    expect(run.stdout).toMatchInlineSnapshot(`
      "wrote 2 feedback notices (PDF and .docx) for round 2024 into ${files.out}: 56 problems, 50 of 56 photos shown, appeals due by 2024-07-05
      "
    `);
  });

  it("keeps a notice with 50 camera photos under 5 MB, in both formats", () => {
    for (const name of ["a.pdf", "a.docx"]) expect(statSync(join(files.out, name)).size).toBeLessThan(5 * 1024 * 1024);
    expect(statSync(join(files.out, "a.pdf")).size).toBeGreaterThan(50 * 2_000);
  });

  it("warns of every photo it cannot show, by name and city, and names it on the notice", () => {
    const warnings = run.stderr.split("\n").filter((line) => line.startsWith("warning:"));
    expect(warnings).toHaveLength(6);
    for (const name of FAULTY) expect(warnings.some((w) => w.includes(JSON.stringify(name)) && w.includes("(a)"))).toBe(true);
    const text = docxParagraphs(readFileSync(join(files.out, "a.docx")));
    expect(text).toEqual(
      expect.arrayContaining([
        "照片缺失：photos/missing.jpg",
        "不是 JPEG 或 PNG 图片：photos/notes.jpg",
        "照片过大，未显示：photos/bomb.png",
        "照片不在证据目录内，未读取：../outside.jpg",
        "照片不在证据目录内，未读取：/etc/hostname",
        "照片不在证据目录内，未读取：photos/link-out.jpg",
      ]),
    );
    expect(text.filter((t) => t === "[图片]")).toHaveLength(50);
    expect(text.join("\n")).toContain("申诉截止日期：2024年7月5日");
  });

  it("refuses appeal days that are not a whole number, and a report date that is not a date (exit 2)", async () => {
    const days = await runCliAsync(["feedback", "--results", files.resultsPath, "--appeal-days", "five", "--out", join(files.base, "x")]);
    expect([days.status, days.stderr.trim()]).toEqual([2, 'civitas: --appeal-days "five": expected a whole number of days (e.g. 5)']);
    const date = await runCliAsync(["feedback", "--results", files.resultsPath, "--report-date", "30/6", "--out", join(files.base, "y")]);
    expect([date.status, date.stderr.trim()]).toEqual([2, 'civitas: --report-date "30/6": expected a date YYYY-MM-DD']);
  });
});
