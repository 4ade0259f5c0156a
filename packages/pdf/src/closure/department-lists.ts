/**
 * 责任清单: one section per department, each on a new page — what it must fix, where and since
 * when. Its open items (未整改, 新发现, 未复查) are listed per city, most urgent first, each with
 * the standard and check, the site, the count and loss in both rounds and the round it was
 * first found in; resolved items (已销号) are counted only.
 */
import type { ClosureItem, ClosureTotals } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { note } from "../blocks.js";
import { count, DASH, enumerate, fixed2 } from "../format.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";
import { CLASS_COLORS, className, classTag, OPEN_CLASSES, openItems } from "./classes.js";
import { type ClosureIndex, type ClosureInput, UNASSIGNED } from "./closure-input.js";

const COLUMNS = [
  { header: "类别", width: 30 },
  { header: "问题（测评细则 / 测评标准）", width: "*" },
  { header: "点位", width: 74 },
  { header: "上轮数量", width: 36, align: "right" },
  { header: "上轮失分", width: 36, align: "right" },
  { header: "本轮数量", width: 36, align: "right" },
  { header: "本轮失分", width: 36, align: "right" },
  { header: "始于", width: 30, align: "center" },
] as const;

const urgency = (item: ClosureItem) => OPEN_CLASSES.indexOf(item.class);

/** Counts of the four classes as coloured text runs: 未整改 3 · 新发现 2 · …. */
function countRuns(totals: ClosureTotals, order: readonly (keyof ClosureTotals)[], light = false): Content[] {
  return order.flatMap((c, i) => [
    ...(i === 0 ? [] : [{ text: "  ·  ", color: light ? COLORS.white : COLORS.faint }]),
    { text: `${className(c)} ` },
    { text: count(totals[c]), bold: true, ...(light ? {} : { color: totals[c] > 0 ? CLASS_COLORS[c] : COLORS.faint }) },
  ]);
}

function itemRow(item: ClosureItem, input: ClosureInput, index: ClosureIndex): TableCell[] {
  const { names, closure } = input;
  const standard = names.standard(item.standardId);
  const problem: TableCell =
    item.checkId === null
      ? { stack: [{ text: standard }, { text: `标准 ${item.standardId} 未得满分`, style: "small" }] }
      : { stack: [{ text: names.check(item.checkId) }, { text: `${item.checkId} · ${item.standardId} ${standard}`, style: "small" }] };
  const type = item.siteId === null ? undefined : index.siteType(item.siteId);
  const site: TableCell =
    item.siteId === null
      ? { text: DASH, color: COLORS.faint }
      : { stack: [{ text: item.siteId }, ...(type === undefined ? [] : [{ text: names.siteType(type), style: "small" }])] };
  const amount = (value: number | null | undefined): TableCell =>
    value === null || value === undefined ? { text: DASH, color: COLORS.faint } : { text: count(value) };
  const loss = (value: number | undefined, bold = false): TableCell =>
    value === undefined ? { text: DASH, color: COLORS.faint } : { text: fixed2(value), bold };
  return [
    classTag(item.class),
    problem,
    site,
    amount(item.base?.count),
    loss(item.base?.loss),
    amount(item.current?.count),
    loss(item.current?.loss, item.class === "persisting"),
    { text: item.class === "new" ? closure.current.round : closure.base.round },
  ];
}

function departmentBanner(name: string, id: string | null, totals: ClosureTotals, first: boolean): Content {
  return {
    table: {
      widths: ["*", "auto"],
      body: [
        [
          {
            text: [{ text: name, fontSize: 15, bold: true }, ...(id === null ? [] : [{ text: `  ${id}`, fontSize: 8 }])],
            color: COLORS.white,
            margin: [8, 6, 8, 5],
          },
          { text: countRuns(totals, OPEN_CLASSES.concat("resolved"), true), color: COLORS.white, fontSize: 8.5, margin: [8, 10, 8, 5] },
        ],
      ],
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => COLORS.primary },
    headlineLevel: 1,
    ...(first ? {} : { pageBreak: "before" as const }),
    margin: [0, 0, 0, 8],
  };
}

/** The section of one department. */
function departmentSection(input: ClosureInput, index: ClosureIndex, department: string, first: boolean): Content[] {
  const items = index.itemsOf(department);
  const totals: ClosureTotals = { resolved: 0, unverified: 0, persisting: 0, new: 0 };
  for (const item of items) totals[item.class]++;
  const name = index.departmentName(department);
  const id = department === UNASSIGNED || department === name ? null : department;
  const parts: Content[] = [departmentBanner(name, id, totals, first)];
  const byCity = new Map<string, ClosureItem[]>();
  for (const item of items) {
    const list = byCity.get(item.cityId) ?? [];
    list.push(item);
    byCity.set(item.cityId, list);
  }
  const allResolved: string[] = [];
  for (const [cityId, cityItems] of byCity) {
    const cityTotals: ClosureTotals = { resolved: 0, unverified: 0, persisting: 0, new: 0 };
    for (const item of cityItems) cityTotals[item.class]++;
    const open = cityItems.filter((i) => i.class !== "resolved").sort((a, b) => urgency(a) - urgency(b));
    if (open.length === 0) {
      allResolved.push(`${index.cityName(cityId)}（${cityTotals.resolved} 项）`);
      continue;
    }
    parts.push(
      dataTable(
        COLUMNS,
        open.map((item) => itemRow(item, input, index)),
        {
          caption: () => ({
            text: [
              { text: index.cityName(cityId), bold: true, fontSize: 10, color: COLORS.primary },
              { text: `  ${cityId}      `, style: "small" },
              ...countRuns(cityTotals, OPEN_CLASSES.concat("resolved")),
            ],
            fontSize: 8,
            fillColor: COLORS.white,
            margin: [0, 2, 0, 1],
          }),
          margin: [0, 0, 0, 10],
        },
      ),
    );
  }
  if (openItems(totals) === 0) parts.push(note("本单位负责的问题均已销号，无待整改事项。", [0, 0, 0, 6]));
  if (allResolved.length > 0) parts.push(note(`以下城市中本单位负责的问题已全部销号：${enumerate(allResolved)}。`, [0, 0, 0, 6]));
  return parts;
}

/** Every department's section; the first follows the heading, each other starts a new page. */
export function departmentLists(input: ClosureInput, index: ClosureIndex): Content[] {
  if (index.departments.length === 0) return [note("两轮均未发现问题。")];
  return [
    note(
      `每个责任单位一节，按城市列出待整改事项：未整改在前，其次新发现、未复查；已销号事项只计数，明细见 closure.csv。“始于”为最早发现该问题的轮次（本次比对的两轮之中）。四类问题的含义见首页。`,
      [0, 0, 0, 10],
    ),
    ...index.departments.flatMap((department, i) => departmentSection(input, index, department, i === 0)),
  ];
}
