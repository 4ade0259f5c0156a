/**
 * 主要扣分项: the standards that lost most (with the evidence behind each) and the field
 * checks whose problems cost most, each list cut to its top N with a note.
 */
import type { CityResult, StandardResult, Names } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { note, subheading } from "../blocks.js";
import { count, fixed2 } from "../format.js";
import { methodLabel } from "../labels.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";
import { evidenceText } from "./evidence-text.js";

/** Losses below this are rounding noise. */
const EPSILON = 1e-9;

export interface LossLimits {
  readonly standards: number;
  readonly checks: number;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Standards ordered by points lost (max − score), largest first. */
export function standardsByLoss(city: CityResult): StandardResult[] {
  return city.standards.filter((s) => s.max - s.score > EPSILON).sort((a, b) => b.max - b.score - (a.max - a.score) || byId(a.id, b.id));
}

function standardsTable(city: CityResult, names: Names, limit: number): Content[] {
  const losing = standardsByLoss(city);
  if (losing.length === 0) return [note("本轮各项测评标准均未失分。")];
  const totalLoss = losing.reduce((acc, s) => acc + s.max - s.score, 0);
  const rows: TableCell[][] = losing.slice(0, limit).map((s, i) => [
    { text: String(i + 1), color: COLORS.muted },
    {
      stack: [
        { text: names.standard(s.id, s.name), bold: true },
        { text: `${s.id} · ${names.category(s.categoryId, city.categories.find((c) => c.id === s.categoryId)?.name)}`, style: "small" },
        { text: `${methodLabel(s.method)} · 得分 ${fixed2(s.score)} / ${fixed2(s.max)}`, style: "small" },
      ],
    },
    { text: fixed2(s.max - s.score), bold: true, color: COLORS.veto },
    { stack: evidenceText(s, names) },
  ]);
  const shown = Math.min(limit, losing.length);
  const shownLoss = losing.slice(0, limit).reduce((acc, s) => acc + s.max - s.score, 0);
  return [
    dataTable(
      [
        { header: "序号", width: 22 },
        { header: "测评标准", width: 128 },
        { header: "失分", width: 34, align: "right" },
        { header: "扣分依据", width: "*" },
      ],
      rows,
    ),
    note(
      losing.length > shown
        ? `共 ${losing.length} 项标准失分，合计 ${fixed2(totalLoss)} 分；上表列出失分最多的 ${shown} 项（合计 ${fixed2(shownLoss)} 分），完整明细见 standards.csv 与 problems.csv。`
        : `共 ${losing.length} 项标准失分，合计 ${fixed2(totalLoss)} 分。`,
    ),
  ];
}

function checksTable(city: CityResult, names: Names, limit: number): Content[] {
  const items = city.improvements.filter((i) => i.checkId !== null);
  if (items.length === 0) return [];
  const tallies = new Map<string, { problems: number; sites: Set<string> }>();
  for (const p of city.problems) {
    if (p.checkId === null) continue;
    const key = `${p.standardId}\u0000${p.checkId}`;
    const tally = tallies.get(key) ?? { problems: 0, sites: new Set<string>() };
    tally.problems += p.count ?? 0;
    if (p.siteId !== null) tally.sites.add(p.siteId);
    tallies.set(key, tally);
  }
  const rows: TableCell[][] = items.slice(0, limit).map((item, i) => {
    const checkId = item.checkId ?? "";
    const tally = tallies.get(`${item.standardId}\u0000${checkId}`);
    const standard = city.standards.find((s) => s.id === item.standardId);
    return [
      { text: String(i + 1), color: COLORS.muted },
      { stack: [{ text: names.check(checkId) }, { text: checkId, style: "small" }] },
      { stack: [{ text: names.standard(item.standardId, standard?.name) }, { text: item.standardId, style: "small" }] },
      { text: count(tally?.problems ?? 0) },
      { text: count(tally?.sites.size ?? 0) },
      { text: fixed2(item.gain), bold: true, color: COLORS.good },
    ];
  });
  return [
    subheading("问题最集中的测评细则（实地考察）"),
    dataTable(
      [
        { header: "序号", width: 22 },
        { header: "问题（测评细则）", width: "*" },
        { header: "所属测评标准", width: 150 },
        { header: "问题数", width: 40, align: "right" },
        { header: "涉及点位", width: 44, align: "right" },
        { header: "整改可挽回", width: 52, align: "right" },
      ],
      rows,
    ),
    ...(items.length > limit ? [note(`共 ${items.length} 条细则有问题，上表列出可挽回分值最多的 ${limit} 条。`)] : []),
  ];
}

/** The 主要扣分项 section body. */
export function lossesSection(city: CityResult, names: Names, limits: LossLimits): Content[] {
  return [...standardsTable(city, names, limits.standards), ...checksTable(city, names, limits.checks)];
}
