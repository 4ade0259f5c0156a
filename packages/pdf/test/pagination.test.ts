import type { CityResult, Results, Ruleset } from "@civitas/core";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCORECARD_LIMITS, renderScorecard } from "../src/index.js";
import { pdfText } from "./support/pdf-text.js";
import { syntheticRound } from "./support/synthetic.js";

let ruleset: Ruleset;
let results: Results;
let city: CityResult;

beforeAll(async () => {
  ({ ruleset, results } = await syntheticRound({ cities: 3, maxCount: 3 }));
  const longest = [...results.cities].sort((a, b) => b.improvements.length - a.improvements.length)[0];
  if (longest === undefined) throw new Error("no cities");
  city = longest;
});

/** The header row of the improvement table, as extracted. */
const HEADER = "序号整改事项测评项目可提升责任单位";

/** The pages (0-based) whose text contains `needle`. */
const pagesWith = (pages: readonly string[], needle: string) => pages.flatMap((p, i) => (p.includes(needle) ? [i] : []));

describe("long lists", () => {
  it("show the top items of a long improvement list with a note, the table breaking across pages under a repeated header", async () => {
    const limit = DEFAULT_SCORECARD_LIMITS.improvements;
    expect(city.improvements.length).toBeGreaterThan(limit);
    const { pages } = await pdfText(await renderScorecard(results, city.cityId, { ruleset, date: "2024-06-30" }));
    const start = pagesWith(pages, "三、整改建议")[0] ?? -1;
    const note = pagesWith(pages, `共${city.improvements.length}项整改事项，上表列出可提升分值最多的${limit}项`)[0] ?? -1;
    expect(start).toBeGreaterThan(0);
    expect(note).toBeGreaterThan(start);
    for (let page = start; page <= note; page++) expect(pages[page]).toContain(HEADER);
  });

  it("list every item when the limit allows, still paginated", async () => {
    const all = city.improvements.length;
    const { pages } = await pdfText(
      await renderScorecard(results, city.cityId, { ruleset, date: "2024-06-30", limits: { improvements: all } }),
    );
    const text = pages.join("\n");
    expect(text).not.toContain("项整改事项，上表列出");
    const last = city.improvements[all - 1];
    expect(text).toContain(`+${last?.gain.toFixed(2)}`);
    expect(pagesWith(pages, HEADER).length).toBeGreaterThanOrEqual(3);
  });
});
