/**
 * Appeals in the PDFs (SPEC section 8): the feedback notice (every problem with its cells, its
 * photo or what is wrong with it, the blank response column, the deadline; reproducible), and
 * the marks of a provisional result on the scorecard and in summary.pdf with what appeals changed.
 */
import { type NoticePhoto, parseRuleset, scoreRound } from "@civitas/core";
import { describe, expect, it } from "vitest";
import { renderNoticePdf, renderScorecard, renderSummary } from "../src/index.js";
import { noticeOf, noticeRuleset } from "../../core/test/support/notices.js";
import {
  appealRow,
  cityRow,
  factRow,
  fieldRow,
  fieldTarget,
  ROUND,
  siteRow,
  verdictRow,
} from "../../core/test/support/evidence-builders.js";
import { jpegOf } from "../../photos/test/support/images.js";
import { pdfText, squeeze } from "./support/pdf-text.js";

describe("the feedback notice as PDF", () => {
  it("lists every problem with standard, check, site, count, points lost, photo or fault, and asks for a response by the deadline", async () => {
    const { notice } = await noticeOf(2);
    const photos = new Map<string, NoticePhoto>([
      ["photos/p1.jpg", { ok: true, thumbnail: { jpeg: new Uint8Array(await jpegOf(480, 360, 70)), width: 480, height: 360 } }],
      ["photos/p2.jpg", { ok: false, fault: { code: "not_image", name: "photos/p2.jpg", message: "…" } }],
    ]);
    const text = (await pdfText(await renderNoticePdf(notice, photos))).all;
    for (const expected of [
      "测评问题反馈单",
      "甲市（a）·测评轮次2024",
      "申诉截止2024年7月5日",
      "本轮得分22/40（暂定，申诉待复核）",
      "请于2024年7月5日前，在“城市反馈”栏逐项填写申诉理由或整改措施",
      "序号测评标准问题（测评细则）点位数量扣分照片城市反馈（申诉/整改）",
      "1S1农贸市场环境卫生K1地面有积水、垃圾备注：m1东门积水m1（农贸市场）12",
      "不是JPEG或PNG图片：photos/p2.jpg",
      "标准得分未达满分已申诉A1：待复核",
      "P1扣分P1：扣10分",
      "测评机构（盖章）",
    ]) {
      expect(text).toContain(squeeze(expected));
    }
  });

  it("is the same bytes for the same notice and photos", async () => {
    const { notice } = await noticeOf(2);
    const [a, b] = [await renderNoticePdf(notice), await renderNoticePdf(notice)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe("a provisional result in the scorecard and the summary", () => {
  it("is marked 暂定 and shows what each appeal changed", async () => {
    const results = await scoreRound({
      ruleset: noticeRuleset,
      round: ROUND,
      evidence: {
        cities: [cityRow("a", { name: "甲市" }), cityRow("b", { name: "乙市" })],
        sites: [siteRow("a", "m1")],
        field: [fieldRow("a", "m1", "K1", 3)],
        documents: [verdictRow("a", "S3", "partial")],
        appeals: [
          appealRow("a", "A1", fieldTarget("S1", "K1", "m1"), "revised", { revised_count: "1" }),
          appealRow("a", "A2", { standard_id: "S3" }, "pending"),
        ],
      },
    });
    const card = (await pdfText(await renderScorecard(results, "a", { ruleset: noticeRuleset, date: "2024-06-30" }))).all;
    expect(card).toContain(squeeze("测评成绩单 · 暂定（申诉待复核）"));
    expect(card).toContain(squeeze("本成绩为暂定成绩：1 项申诉待复核"));
    expect(card).toContain(squeeze("申诉前得分 29.00，现得分 33.00"));
    expect(card).toContain(squeeze("A1 S1 农贸市场环境卫生 · K1 地面有积水、垃圾 · 点位 m1 改判 改为 1 处 +4.00"));
    expect(card).toContain(squeeze("A2 S3 工作机制 待复核 0"));
    const other = (await pdfText(await renderScorecard(results, "b", { ruleset: noticeRuleset }))).all;
    expect(other).not.toContain("暂定");
    expect(other).not.toContain("申诉复核");
    const summary = (await pdfText(await renderSummary(results, { ruleset: noticeRuleset }))).all;
    expect(summary).toContain(squeeze("甲市 暂定 a"));
    expect(summary).toContain(squeeze("标注“暂定”的城市有申诉待复核"));
    expect(summary).toContain(squeeze("甲市 a 2 维持 0 · 改判 1 · 撤销 0 1 29.00 33.00 +4.00"));
  });

  it("says of an adjustment withdrawn on appeal that the appeal withdrew it, not that it did not hold", async () => {
    const results = await scoreRound({
      ruleset: noticeRuleset,
      round: ROUND,
      evidence: {
        cities: [cityRow("a", { name: "甲市" })],
        facts: [factRow("a", "exposed", 2)],
        appeals: [appealRow("a", "A9", { adjustment_id: "P1" }, "withdrawn")],
      },
    });
    const card = (await pdfText(await renderScorecard(results, "a", { ruleset: noticeRuleset }))).all;
    expect(card).toContain(squeeze("申诉撤销 A9"));
    expect(card).toContain(squeeze("exposed = 2（条件 ≥ 1），成立"));
  });

  it("leaves a scorecard without appeals as it was: no 申诉复核 section", async () => {
    const plain = parseRuleset({ ...structuredClone(noticeRuleset.resolved as object) });
    const results = await scoreRound({ ruleset: plain, round: ROUND, evidence: { cities: [cityRow("a")] } });
    const card = (await pdfText(await renderScorecard(results, "a"))).all;
    expect(card).not.toContain("申诉");
  });
});
