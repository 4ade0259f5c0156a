import type { CityResult, Results, Ruleset } from "@civitas/core";
import { beforeAll, describe, expect, it } from "vitest";
import { renderScorecard } from "../src/index.js";
import { fixed2 } from "../src/format.js";
import { surveyRateText } from "../src/scorecard/evidence-text.js";
import { type PdfText, pdfText, squeeze } from "./support/pdf-text.js";
import { syntheticRound } from "./support/synthetic.js";

let ruleset: Ruleset;
let results: Results;
let ok: CityResult;
let vetoed: CityResult;
let pdf: Buffer;
let text: PdfText;

const cityWith = (predicate: (c: CityResult) => boolean): CityResult => {
  const city = results.cities.find(predicate);
  if (city === undefined) throw new Error("no such city in the synthetic round");
  return city;
};

beforeAll(async () => {
  ({ ruleset, results } = await syntheticRound({ cities: 6 }));
  ok = cityWith((c) => c.status === "ok" && c.penaltyPoints === 0 && c.improvements.length > 0);
  vetoed = cityWith((c) => c.status === "vetoed");
  pdf = await renderScorecard(results, ok.cityId, { ruleset, date: "2024-06-30" });
  text = await pdfText(pdf);
});

describe("a city's scorecard", () => {
  it("names the city, its score, ratio, grade and rank", () => {
    expect(text.pages[0]).toContain(ok.name);
    expect(text.pages[0]).toContain("测评成绩单");
    expect(text.pages[0]).toContain(ok.score.toFixed(2));
    expect(text.pages[0]).toContain(`${((ok.ratio ?? 0) * 100).toFixed(2)}%`);
    expect(text.pages[0]).toContain(ok.gradeName ?? "missing grade");
    expect(text.pages[0]).toContain(`${ok.rank.overall}/${results.cities.length}`);
  });

  it("shows the peer group, the round and the rule set with its short hash", () => {
    expect(text.pages[0]).toContain(ok.peerGroup ?? "missing group");
    expect(text.pages[0]).toContain(results.round);
    expect(text.pages[0]).toContain(`${results.ruleset.id}@${results.ruleset.version}`);
    expect(text.pages[0]).toContain(results.ruleset.hash.slice("sha256:".length, "sha256:".length + 12));
    expect(text.pages[0]).toContain("2024年6月30日");
  });

  it("lists every category with its score and ratio on the first page", () => {
    for (const category of ok.categories) {
      expect(text.pages[0]).toContain(category.name);
      expect(text.pages[0]).toContain(category.score.toFixed(2));
    }
  });

  it("has the sections 主要扣分项, 整改建议 and the adjustments, with names from the rule set", () => {
    for (const heading of ["一、测评项目得分", "二、主要扣分项", "三、整改建议", "四、负面清单、一票否决与数据说明"]) {
      expect(text.all).toContain(heading);
    }
    const first = ok.improvements[0];
    expect(first).toBeDefined();
    const department = ruleset.index.departmentNames.get(first?.responsible[0] ?? "");
    if (department !== undefined) expect(text.all).toContain(department);
    expect(text.all).toContain(`+${(first?.gain ?? 0).toFixed(2)}`);
    expect(text.all).toContain("发生重大安全生产责任事故");
  });

  it("explains losses with their evidence: sites, survey rates, verdicts", () => {
    expect(text.all).toMatch(/考察\d+个点位/);
    expect(text.all).toMatch(/问卷题Q\d+：\d+份回答/);
    expect(text.all).toContain("问题最集中的测评细则");
    // a scored survey standard that lost points shows its rate with the 95% interval and n, and the score range
    const survey = ok.standards.find((s) => s.evidence?.method === "survey" && s.status === "scored" && s.score < s.max);
    if (survey?.evidence?.method !== "survey" || survey.evidence.rateLow === undefined || survey.evidence.rateHigh === undefined)
      throw new Error("a scored survey standard below its max expected");
    const { rate, rateLow, rateHigh, responses, scoreLow, scoreHigh } = survey.evidence;
    expect(text.all).toContain(squeeze(surveyRateText(rate ?? 0, rateLow, rateHigh, responses)));
    expect(text.all).toContain(squeeze(`按置信区间，本项得分在 ${fixed2(scoreLow ?? 0)}–${fixed2(scoreHigh ?? 0)} 分之间`));
    expect(text.all).toMatch(/本批证据共拒收\d+行/);
  });

  it("numbers its pages 第 x 页 / 共 y 页", () => {
    const pages = text.pages.length;
    expect(pages).toBeGreaterThanOrEqual(3);
    text.pages.forEach((page, i) => expect(page).toContain(`第${i + 1}页/共${pages}页`));
  });

  it("embeds Noto Sans SC Regular and Bold as subsets", () => {
    const bytes = pdf.toString("latin1");
    expect(bytes).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(bytes).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(bytes).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(pdf.length).toBeLessThan(400_000);
  });

  it("is A4 and carries its title and dates", () => {
    const bytes = pdf.toString("latin1");
    expect(bytes).toContain("/MediaBox [0 0 595.28 841.89]");
    // creation and modification date, both from the date option
    expect(bytes.split("(D:20240630000000Z)").length - 1).toBe(2);
  });
});

describe("determinism", () => {
  it("gives byte-identical PDFs for the same results", async () => {
    const again = await renderScorecard(structuredClone(results), ok.cityId, { ruleset, date: "2024-06-30" });
    expect(again.equals(pdf)).toBe(true);
  });

  it("never reads the clock: without a date it uses SOURCE_DATE_EPOCH, else 2000-01-01", async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    try {
      delete process.env.SOURCE_DATE_EPOCH;
      const fallback = await renderScorecard(results, ok.cityId, { ruleset });
      expect(fallback.toString("latin1")).toContain("(D:20000101000000Z)");
      process.env.SOURCE_DATE_EPOCH = "1719705600";
      const epoch = await renderScorecard(results, ok.cityId, { ruleset });
      expect(epoch.equals(pdf)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});

describe("a vetoed city", () => {
  it("shows the red 一票否决 band with the veto names, and no grade or rank", async () => {
    const vetoText = await pdfText(await renderScorecard(results, vetoed.cityId, { ruleset, date: "2024-06-30" }));
    const first = vetoText.pages[0] ?? "";
    expect(first).toContain("一票否决");
    expect(first).toContain("本轮测评结果为一票否决：不评定等级，不参与排名。");
    for (const veto of vetoed.adjustments.filter((a) => a.kind === "veto")) expect(first).toContain(squeeze(`${veto.name}（${veto.id}）`));
    expect(first).toContain("否决城市不参与排名");
    expect(first).not.toContain("距「");
  });
});

describe("without a rule set", () => {
  it("takes the names the results carry (departments, checks) and falls back to ids for the rest", async () => {
    const plain = await pdfText(await renderScorecard(results, ok.cityId, { date: "2024-06-30" }));
    expect(plain.pages[0]).toContain(ok.name);
    const item = ok.improvements.find((i) => i.responsible.length > 0);
    expect(plain.all).toContain(ruleset.index.departmentNames.get(item?.responsible[0] ?? "") ?? "missing");
    const problem = ok.problems.find((p) => p.checkName !== null);
    expect(plain.all).toContain(problem?.checkName ?? "missing");
    const site = ok.standards.flatMap((s) => (s.evidence?.method === "field" ? s.evidence.sites : [])).find((t) => t.loss > 0);
    expect(plain.all).toContain(`（${site?.siteType ?? "missing"}）`);
  });

  it("refuses a city that is not in the results", async () => {
    await expect(renderScorecard(results, "nowhere")).rejects.toThrow(/no city "nowhere"/);
  });
});

describe("a hostile name", () => {
  it("of 20,000 characters is cut with an ellipsis, so the scorecard renders instead of laying out for minutes", async () => {
    const name = "很长的城市名称".repeat(3000);
    const hostile = { ...results, cities: results.cities.map((c) => (c.cityId === ok.cityId ? { ...c, name } : c)) };
    // uncut, this takes over 100 s: the test's timeout stops a render that lays out the whole name
    const longText = await pdfText(await renderScorecard(hostile, ok.cityId, { ruleset, date: "2024-06-30" }));
    expect(longText.all).toContain("很长的城市名称很长的城市名称");
    expect(longText.all).toContain("…");
    expect(longText.all.length).toBeLessThan(name.length);
  });
});
