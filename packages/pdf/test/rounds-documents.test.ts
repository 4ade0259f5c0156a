import {
  type Closure,
  type Composite,
  compareRounds,
  composeRounds,
  type Plan,
  planImprovements,
  type Results,
  type Ruleset,
} from "@civitas/core";
import { beforeAll, describe, expect, it } from "vitest";
import { percent } from "../src/format.js";
import { renderClosure, renderComposite, renderPlan } from "../src/index.js";
import { type PdfText, pdfText } from "./support/pdf-text.js";
import { twoRounds } from "./support/two-rounds.js";

let ruleset: Ruleset;
let base: Results;
let current: Results;

const DATE = "2024-06-30";
const pct = (ratio: number | null) => percent(ratio);

/** Page numbers, subset-embedded Noto Sans SC, no standard fonts, the date in the info dictionary. */
function expectWellFormed(pdf: Buffer, text: PdfText): void {
  text.pages.forEach((page, i) => expect(page).toContain(`第${i + 1}页/共${text.pages.length}页`));
  const bytes = pdf.toString("latin1");
  expect(bytes).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Regular/);
  expect(bytes).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Bold/);
  expect(bytes).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  expect(bytes.split("(D:20240630000000Z)").length - 1).toBe(2);
}

beforeAll(async () => {
  ({ ruleset, base, current } = await twoRounds());
});

describe("closure.pdf", () => {
  let closure: Closure;
  let pdf: Buffer;
  let text: PdfText;

  beforeAll(async () => {
    closure = compareRounds(base, current);
    pdf = await renderClosure(closure, { base, current }, { ruleset, date: DATE });
    text = await pdfText(pdf);
  });

  it("opens with the rounds compared, the four classes counted, and totals per city and per department", () => {
    const first = text.pages[0] ?? "";
    const t = closure.totals.overall;
    expect(first).toContain("问题销号与责任清单");
    expect(first).toContain("2023→2024");
    for (const [label, n] of [
      ["已销号", t.resolved],
      ["未复查", t.unverified],
      ["未整改", t.persisting],
      ["新发现", t.new],
    ] as const) {
      expect(first).toContain(`${label}${n}`);
      expect(n).toBeGreaterThan(0);
    }
    expect(text.all).toContain("一、各城市销号情况");
    expect(text.all).toContain("二、各责任单位销号情况");
    // c07, new in 2024, has only 新发现 problems: 0 0 0 0 (rate —) n n; c06, not assessed in 2024, only 未复查 ones
    const n = closure.totals.byCity.c07?.new ?? -1;
    expect(text.all).toContain(`${current.cities[5]?.name}c070000—${n}${n}`);
    const u = closure.totals.byCity.c06?.unverified ?? -1;
    expect(text.all).toContain(`${base.cities[5]?.name}c06${u}0${u}00.00%00`);
  });

  it("gives every department a section on a new page: what it must fix, where, since when, under repeated headers", () => {
    const starts: { page: number; name: string }[] = [];
    for (const department of Object.keys(closure.totals.byDepartment)) {
      const name = ruleset.index.departmentNames.get(department) ?? department;
      const t = closure.totals.byDepartment[department];
      // the banner with its counts
      const page = text.pages.findIndex((p) => p.includes(`${name}${department}未整改${t?.persisting}·新发现${t?.new}`));
      expect(page, `section of ${department}`).toBeGreaterThan(0);
      starts.push({ page, name });
    }
    starts.sort((a, b) => a.page - b.page);
    // the first follows the heading 三、责任清单; every other one starts a page
    for (const { page, name } of starts.slice(1)) expect(text.pages[page]?.startsWith(name)).toBe(true);
    const header = "类别问题（测评细则/测评标准）点位上轮数量上轮失分本轮数量本轮失分始于";
    for (let page = starts[0]?.page ?? 0; page < text.pages.length; page++) expect(text.pages[page]).toContain(header);
    const item = closure.items.find((i) => i.class === "persisting" && i.checkId !== null && i.siteId !== null);
    if (item === undefined) throw new Error("no persisting field problem");
    const check = ruleset.index.checkById.get(item.checkId ?? "")?.check.name ?? "missing";
    expect(text.all).toContain(`未整改${check}${item.checkId}·${item.standardId}`);
    expect(text.all).toContain(`${item.siteId}`);
  });

  it("is well formed and byte-identical for the same inputs", async () => {
    expectWellFormed(pdf, text);
    const again = await renderClosure(
      structuredClone(closure),
      { base: structuredClone(base), current: structuredClone(current) },
      { ruleset, date: DATE },
    );
    expect(again.equals(pdf)).toBe(true);
  });
});

describe("composite.pdf", () => {
  let composite: Composite;
  let pdf: Buffer;
  let text: PdfText;

  beforeAll(async () => {
    composite = composeRounds([
      { results: base, weight: 0.4 },
      { results: current, weight: 0.6 },
    ]);
    pdf = await renderComposite(composite, { ruleset, date: DATE });
    text = await pdfText(pdf);
  });

  it("tables every city with each round's ratio, the composite, status, title and dynamic flag", () => {
    expect(text.all).toContain("综合测评与动态管理");
    expect(text.all).toContain("2023权重0.42024权重0.6综合得分率状态称号动态管理趋势");
    expect(text.all).toContain("提醒线75.00%，建议撤销线60.00%");
    for (const city of composite.cities) {
      expect(text.all).toContain(`${city.name}${city.cityId}`);
      expect(text.all).toContain(pct(city.ratio));
    }
    const vetoed = composite.cities.find((c) => c.status === "vetoed");
    expect(text.all).toContain(`${vetoed?.name}${vetoed?.cityId}${pct(vetoed?.rounds[0]?.ratio ?? null)}`);
    expect(text.all).toContain("一票否决");
    // the newcomer did not take part in 2023, and is not titled
    const newcomer = composite.cities.find((c) => c.rounds[0]?.status === null);
    expect(text.all).toContain(`${newcomer?.name}${newcomer?.cityId}未参评${pct(newcomer?.ratio ?? null)}`);
  });

  it("names the flagged titled cities with how far below the line they are", () => {
    const flagged = composite.cities.filter((c) => c.dynamic === "warning" || c.dynamic === "removal");
    expect(flagged.length).toBeGreaterThan(0);
    for (const city of flagged) expect(text.all).toMatch(new RegExp(`${city.name}${city.cityId}${pct(city.ratio)}(提醒|建议撤销)低于`));
  });

  it("is well formed and reproducible", async () => {
    expectWellFormed(pdf, text);
    expect((await renderComposite(structuredClone(composite), { ruleset, date: DATE })).equals(pdf)).toBe(true);
  });
});

describe("plan.pdf", () => {
  let plan: Plan;
  let text: PdfText;
  let pdf: Buffer;

  beforeAll(async () => {
    plan = planImprovements(current, "excellent");
    pdf = await renderPlan(plan, current, { ruleset, date: DATE });
    text = await pdfText(pdf);
  });

  it("states each city's outcome plainly and lists its steps with gains and the ratio after", () => {
    expect(text.all).toContain("整改计划");
    expect(text.all).toContain("优秀（得分率≥90.00%）");
    const reached = plan.cities.find((c) => c.outcome === "reached" && c.steps.length >= 2);
    if (reached === undefined) throw new Error("no city reaches the target in steps");
    expect(text.all).toContain(`${reached.name}${reached.cityId}整改可达标`);
    expect(text.all).toContain(`按下表顺序完成${reached.steps.length}项整改`);
    const last = reached.steps[reached.steps.length - 1];
    expect(text.all).toContain(`+${last?.gain.toFixed(2)}${pct(last?.ratioAfter ?? null)}`);
    const vetoed = plan.cities.find((c) => c.outcome === "vetoed");
    expect(text.all).toContain(`${vetoed?.name}${vetoed?.cityId}一票否决结论：本轮一票否决`);
  });

  it("groups each city's steps by responsible department", () => {
    const reached = plan.cities.find((c) => c.outcome === "reached" && c.steps.length >= 2);
    const [department, steps] = Object.entries(reached?.byDepartment ?? {})[0] ?? ["", []];
    const name = ruleset.index.departmentNames.get(department) ?? "missing";
    expect(text.all).toContain("按责任单位");
    expect(text.all).toContain(`${name}${steps.map((i) => `第${i + 1}项`).join("、")}（${steps.length}项）`);
  });

  it("is well formed and reproducible", async () => {
    expectWellFormed(pdf, text);
    expect((await renderPlan(structuredClone(plan), current, { ruleset, date: DATE })).equals(pdf)).toBe(true);
  });
});
