import { type CityResult, compareRounds, type Results, type Ruleset } from "@civitas/core";
import { beforeAll, describe, expect, it } from "vitest";
import { percentPoints, signed2 } from "../src/format.js";
import { renderScorecard, renderScorecards } from "../src/index.js";
import { type PdfText, pdfText, squeeze } from "./support/pdf-text.js";
import { twoRounds } from "./support/two-rounds.js";

let ruleset: Ruleset;
let base: Results;
let current: Results;
let city: CityResult;
let before: CityResult;
let pdf: Buffer;
let text: PdfText;

beforeAll(async () => {
  ({ ruleset, base, current } = await twoRounds());
  const found = current.cities.find((c) => c.status === "ok" && c.rank.overall !== null && base.cities.some((b) => b.cityId === c.cityId));
  const then = base.cities.find((b) => b.cityId === found?.cityId);
  if (found === undefined || then === undefined) throw new Error("no city in both rounds");
  city = found;
  before = then;
  pdf = await renderScorecard(current, city.cityId, { ruleset, date: "2024-06-30", previous: base });
  text = await pdfText(pdf);
});

describe("a scorecard with the previous round", () => {
  it("shows the change of score, ratio and rank under the headline", () => {
    const first = text.pages[0] ?? "";
    expect(first).toContain(`较2023轮：总得分${signed2(city.score - before.score)}`);
    expect(first).toContain(squeeze(`得分率 ${percentPoints((city.ratio ?? 0) - (before.ratio ?? 0))}`));
  });

  it("has a section 较上轮变化 with score, ratio, ranks, every category and last round's problems by class", () => {
    expect(text.all).toContain("二、较上轮（2023）变化");
    expect(text.all).toContain("三、主要扣分项");
    expect(text.all).toContain("五、负面清单、一票否决与数据说明");
    expect(text.all).toContain(`总得分${before.score.toFixed(2)}/${before.max.toFixed(2)}${city.score.toFixed(2)}/${city.max.toFixed(2)}`);
    expect(text.all).toContain(`总名次${before.rank.overall}/${base.cities.length}${city.rank.overall}/${current.cities.length}`);
    for (const category of city.categories) expect(text.all).toContain(category.name);
    const totals = compareRounds(base, current).totals.byCity[city.cityId];
    if (totals === undefined) throw new Error("no closure totals");
    const baseProblems = totals.resolved + totals.unverified + totals.persisting;
    expect(text.all).toContain(`上轮问题整改情况（上轮问题${baseProblems}项）已销号${totals.resolved}`);
    expect(text.all).toContain(`未整改${totals.persisting}两轮均存在新发现${totals.new}`);
    if (totals.persisting > 0) expect(text.all).toContain("仍未整改的问题（本轮失分最多的在前）");
  });

  it("says so for a city new in this round", async () => {
    const newcomer = await pdfText(await renderScorecard(current, "c07", { ruleset, date: "2024-06-30", previous: base }));
    expect(newcomer.pages[0]).toContain("较2023轮：上轮未参评，无可比数据。");
    expect(newcomer.all).toContain("本市未参加上轮（2023）测评");
  });

  it("is the same in worker threads and without the previous round keeps the plain numbering", async () => {
    const rendered: Buffer[] = [];
    for await (const r of renderScorecards(current, [city.cityId, "c07"], { ruleset, date: "2024-06-30", previous: base, workers: 1 })) {
      rendered.push(r.pdf);
    }
    expect(rendered[0]?.equals(pdf)).toBe(true);
    const plain = await pdfText(await renderScorecard(current, city.cityId, { ruleset, date: "2024-06-30" }));
    expect(plain.all).toContain("二、主要扣分项");
    expect(plain.all).not.toContain("较上轮");
  });

  it("refuses a previous round of another rule set", async () => {
    const other = { ...base, ruleset: { ...base.ruleset, id: "other" } };
    await expect(renderScorecard(current, city.cityId, { previous: other })).rejects.toThrow(/cannot compare/);
  });
});
