/**
 * The feedback notice as .docx (SPEC section 8), read back as a city official's editor shows
 * it: the heading, the deadline, every problem with standard, check, site, count, points lost
 * and its photo (or what is wrong with it), the appeals on it, a blank response column; the
 * same bytes every time.
 */
import { describe, expect, it } from "vitest";
import { feedbackNotices, type NoticePhoto } from "@civitas/core";
import { renderNoticeDocx } from "../src/index.js";
import { noticeOf } from "../../core/test/support/notices.js";
import { jpegOf } from "../../photos/test/support/images.js";
import { docxParagraphs, unzip } from "./support/read-docx.js";

const thumbnail = async (): Promise<NoticePhoto> => ({
  ok: true,
  thumbnail: { jpeg: new Uint8Array(await jpegOf(480, 360, 70)), width: 480, height: 360 },
});

describe("the feedback notice as .docx", () => {
  it("reads as a notice: heading, deadline, each problem's cells, the appeal on it and the blank response column", async () => {
    const { notice } = await noticeOf(2);
    const photos = new Map<string, NoticePhoto>([
      ["photos/p1.jpg", await thumbnail()],
      ["photos/p2.jpg", { ok: false, fault: { code: "outside", name: "photos/p2.jpg", message: "…" } }],
    ]);
    const text = docxParagraphs(await renderNoticeDocx(notice, photos));
    expect(text.slice(0, 4)).toEqual([
      "测评问题反馈单",
      "甲市（a） · 测评轮次 2024 · 测试体系（示例）（test@1.0.0）",
      "报告日期：2024年6月30日    申诉截止日期：2024年7月5日    本轮得分：22 / 40（暂定，申诉待复核）",
      "请于 2024年7月5日 前，在“城市反馈”栏逐项填写申诉理由或整改措施，加盖公章后反馈测评机构；逾期未反馈的，视为对所列问题无异议。",
    ]);
    expect(text).toContain("问题清单（共 3 项）");
    const header = ["序号", "测评标准", "问题（测评细则）", "点位", "数量", "扣分", "照片", "城市反馈（申诉/整改）"];
    const at = text.indexOf("序号");
    expect(text.slice(at, at + 8)).toEqual(header);
    // row 1: photo shown; row 2: the fault named; row 3: the document standard with its pending appeal
    expect(text.slice(at + 8, at + 15)).toEqual([
      "1",
      "S1 农贸市场环境卫生",
      "K1 地面有积水、垃圾",
      "备注：m1 东门积水",
      "m1（农贸市场）",
      "1",
      "2",
    ]);
    expect(text[at + 15]).toBe("[图片]");
    expect(text).toContain("照片不在证据目录内，未读取：photos/p2.jpg");
    expect(text).toContain("已申诉 A1：待复核");
    expect(text).toContain("P1 扣分P1：扣 10 分");
    expect(text.at(-1)).toMatch(/^测评机构（盖章）：_+ +城市联络人（签字）：_+ +日期：_+$/);
  });

  it("embeds each shown photo once as a JPEG, and names a photo it was not given as missing", async () => {
    const { notice } = await noticeOf(2);
    const docx = await renderNoticeDocx(notice, new Map([["photos/p1.jpg", await thumbnail()]]));
    const media = [...unzip(docx).keys()].filter((name) => name.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(docxParagraphs(docx)).toContain("照片缺失：photos/p2.jpg");
  });

  it("says the deadline runs from receipt when the notice has no report date", async () => {
    const { notice } = await noticeOf(1, null);
    const text = docxParagraphs(await renderNoticeDocx(notice));
    expect(text[2]).toContain("报告日期：（未注明）    申诉截止日期：自本单送达之日起 5 日内");
    expect(text[3]).toMatch(/^请自本单送达之日起 5 日内，/);
  });

  it("says so for a city without problems", async () => {
    const { results } = await noticeOf(1);
    const empty = feedbackNotices({ ...results, cities: results.cities.map((c) => ({ ...c, problems: [], adjustments: [] })) })[0];
    if (empty === undefined) throw new Error("no notice");
    expect(docxParagraphs(await renderNoticeDocx(empty))).toContain("本轮测评未发现问题。");
  });

  it("gives the same bytes for the same notice, whatever was rendered before", async () => {
    const { notice } = await noticeOf(3);
    const photos = new Map([
      ["photos/p1.jpg", await thumbnail()],
      ["photos/p3.jpg", await thumbnail()],
    ]);
    const first = await renderNoticeDocx(notice, photos);
    await renderNoticeDocx((await noticeOf(5)).notice, photos);
    expect(Buffer.from(await renderNoticeDocx(notice, photos)).equals(Buffer.from(first))).toBe(true);
  });
});
