/**
 * A feedback notice (测评问题反馈单) made in code: score a round held in memory, take a city's
 * notice from @civitas/core, its photos from @civitas/photos (under the evidence directory,
 * never outside it) and write it with @civitas/docx and @civitas/pdf.
 * Run: `npx tsx examples/feedback-notice.ts`.
 */
import { feedbackNotices, noticePhotoNames, parseRuleset, scoreRound } from "@civitas/core";
import { renderNoticeDocx } from "@civitas/docx";
import { renderNoticePdf } from "@civitas/pdf";
import { loadThumbnails } from "@civitas/photos";

const ruleset = parseRuleset({
  id: "notice-demo",
  version: "1.0.0",
  title: "反馈单示例（示例）",
  effectiveFrom: "2024-01-01",
  departments: [{ id: "cgj", name: "城市管理局" }],
  siteTypes: [{ id: "market", name: "农贸市场" }],
  categories: [
    {
      id: "C4",
      name: "公共环境",
      contents: [
        {
          id: "C4.1",
          name: "市容环境卫生",
          standards: [
            {
              id: "S4.1.1",
              name: "农贸市场环境卫生",
              points: 30,
              method: "field",
              responsible: ["cgj"],
              siteTypes: ["market"],
              checks: [{ id: "K001", name: "地面有积水、垃圾", deduction: 2 }],
            },
          ],
        },
      ],
    },
  ],
});
const round = "2024";
const results = await scoreRound({
  ruleset,
  round,
  evidence: {
    cities: [{ city_id: "hz", name: "杭州市" }],
    sites: [{ round, city_id: "hz", site_id: "M01", site_type: "market" }],
    field: [
      { round, city_id: "hz", site_id: "M01", check_id: "K001", count: "2", photo: "photos/IMG_2024_GA-S121-02_K006.jpg" },
      { round, city_id: "hz", site_id: "M01", check_id: "K001", count: "1", photo: "../secret.jpg" },
    ],
  },
});
const [notice] = feedbackNotices(results, { ruleset, reportDate: "2024-06-30" });
if (notice === undefined) throw new Error("no city");
// photos are named relative to the evidence directory; one outside it is a fault, never read
const photos = await loadThumbnails("fixtures/demo", noticePhotoNames([notice]));
for (const [name, photo] of photos) console.log(name, photo.ok ? "shown" : photo.fault.code);
const docx = await renderNoticeDocx(notice, photos);
const pdf = await renderNoticePdf(notice, photos);
console.log(
  `${notice.cityName}: ${notice.items.length} problem(s), appeals due ${notice.deadline}; docx ${docx.length > 0}, pdf ${pdf.length > 0}`,
);
