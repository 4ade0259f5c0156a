import { type EvidenceRow, REJECTS_LISTED, type Results, type Ruleset, readResults, resultsJson, scoreRound } from "@civitas/core";
import { beforeAll, describe, expect, it } from "vitest";
import { renderSummary } from "../src/index.js";
import { ratioBins } from "../src/summary/distribution.js";
import { rejectGroups } from "../src/summary/rejects.js";
import { type PdfText, pdfText } from "./support/pdf-text.js";
import { syntheticRound } from "./support/synthetic.js";

let ruleset: Ruleset;
let results: Results;
let pdf: Buffer;
let text: PdfText;

beforeAll(async () => {
  ({ ruleset, results } = await syntheticRound({ cities: 9 }));
  pdf = await renderSummary(results, { ruleset, date: "2024-06-30" });
  text = await pdfText(pdf);
});

describe("the batch summary", () => {
  it("ranks every city overall, ranked ones in rank order and the vetoed one last", () => {
    expect(text.all).toContain("测评汇总报告");
    expect(text.all).toContain("一、总排名");
    const overall = text.all.slice(text.all.indexOf("一、总排名"), text.all.indexOf("二、分组排名"));
    const ranked = [...results.cities].filter((c) => c.rank.overall !== null).sort((a, b) => (a.rank.overall ?? 0) - (b.rank.overall ?? 0));
    const positions = ranked.map((c) => overall.indexOf(c.name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const vetoed = results.cities.find((c) => c.status === "vetoed");
    expect(overall.indexOf(vetoed?.name ?? "missing")).toBeGreaterThan(Math.max(...positions));
  });

  it("ranks each peer group", () => {
    for (const group of new Set(results.cities.map((c) => c.peerGroup))) {
      const size = results.cities.filter((c) => c.peerGroup === group).length;
      expect(text.all).toContain(`${group}（${size}个城市）`);
    }
  });

  it("shows the ratio distribution, the categories that lose most, vetoes and rejected rows by file and reason", () => {
    for (const heading of ["三、得分率分布", "四、失分集中的测评项目", "五、一票否决与负面清单", "六、证据数据质量"])
      expect(text.all).toContain(heading);
    expect(text.all).toContain("失分最多的测评标准");
    expect(text.all).toContain("发生重大安全生产责任事故");
    expect(text.all).toContain("field.csvbad_count问题数量不是非负整数1");
    expect(text.all).toContain("unknown_city未知城市1");
    expect(text.all).toContain(`共拒收${results.inputs.rejected}行`);
  });

  it("numbers its pages and is reproducible", async () => {
    text.pages.forEach((page, i) => expect(page).toContain(`第${i + 1}页/共${text.pages.length}页`));
    const again = await renderSummary(structuredClone(results), { ruleset, date: "2024-06-30" });
    expect(again.equals(pdf)).toBe(true);
  });
});

describe("summary helpers", () => {
  it("bins ratios in 5% steps from the lowest ratio's bin (at most 50%), 100% in the last bin", () => {
    expect(ratioBins([0.72, 0.9, 1, 0.55])).toEqual({ lower: 0.5, counts: [0, 1, 0, 0, 1, 0, 0, 0, 1, 1] });
    expect(ratioBins([0.12]).lower).toBeCloseTo(0.1);
    expect(ratioBins([]).counts).toHaveLength(10);
  });

  it("groups rejected rows by file (in input order) and reason code, with their lines", () => {
    const groups = rejectGroups(results);
    expect(groups.map((g) => `${g.file}:${g.code}:${g.count}:${g.lines.length}`)).toEqual([
      "field.csv:bad_count:1:1",
      "field.csv:unknown_city:1:1",
      "survey.csv:unknown_question:1:1",
    ]);
  });

  it("counts every rejected row of a results.json that lists only the first ones, with the lines it lists", async () => {
    const cities: EvidenceRow[] = [{ city_id: "c01", name: "甲市" }];
    const bad = (n: number, row: (i: number) => EvidenceRow) => Array.from({ length: n }, (_, i) => row(i));
    const facts = [
      ...bad(REJECTS_LISTED, (i) => ({ round: "2024", city_id: "c01", fact: `f${i}`, value: "n/a" })),
      ...bad(150, (i) => ({ round: "2024", city_id: "nowhere", fact: `g${i}`, value: "1" })),
    ];
    const scored = await scoreRound({ ruleset, round: "2024", evidence: { cities, facts } });
    const capped = readResults(JSON.parse(resultsJson(scored)));
    expect(capped.rejects).toHaveLength(REJECTS_LISTED);
    expect(rejectGroups(capped)).toEqual([
      { file: "facts.csv", code: "bad_value", count: REJECTS_LISTED, lines: [2, 3, 4, 5, 6, 7] },
      // none of these is listed: counted, with no line to show
      { file: "facts.csv", code: "unknown_city", count: 150, lines: [] },
    ]);
    expect(rejectGroups(scored)).toEqual(rejectGroups(capped));
    const summary = (await pdfText(await renderSummary(capped, { ruleset, date: "2024-06-30" }))).all;
    expect(summary).toContain("facts.csvunknown_city未知城市150—");
    expect(summary).toContain("行号示例取自results.json列出的前1,000行（另有150行未列出）");
  });
});
