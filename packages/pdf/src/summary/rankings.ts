/**
 * Ranking tables of the batch summary: overall (every city, ranked ones first, then vetoed
 * and unranked ones) and per peer group.
 */
import { type CityResult, headerOf, RESULTS_TABLE, type Results } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { colorOfGrade, colorOfRatio, note, subheading } from "../blocks.js";
import { ratioBar } from "../charts/ratio-bar.js";
import { DASH, fixed2, percent } from "../format.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";

const byId = (a: CityResult, b: CityResult) => (a.cityId < b.cityId ? -1 : a.cityId > b.cityId ? 1 : 0);

/** Ranked cities by rank, then the others (vetoed, no ratio) by id. */
export function rankingOrder(cities: readonly CityResult[], rankOf: (c: CityResult) => number | null): CityResult[] {
  const ranked = cities.filter((c) => rankOf(c) !== null).sort((a, b) => (rankOf(a) ?? 0) - (rankOf(b) ?? 0) || byId(a, b));
  const others = cities.filter((c) => rankOf(c) === null).sort(byId);
  return [...ranked, ...others];
}

function gradeCell(city: CityResult, grades: Results["ruleset"]["grades"]): TableCell {
  if (city.status === "vetoed") return { text: "一票否决", bold: true, color: COLORS.veto };
  return { text: city.gradeName ?? DASH, bold: true, color: colorOfGrade(grades, city.grade) };
}

/** 暂定 after the name of a city whose appeals are not all settled. */
const provisionalMark = (c: CityResult) => (c.provisional ? [{ text: "  暂定", bold: true, color: COLORS.warn, fontSize: 7.5 }] : []);

/** The overall ranking table. */
export function overallRanking(results: Results): Content[] {
  const grades = results.ruleset.grades;
  const ticks = grades.map((g) => g.minRatio);
  const rows: TableCell[][] = rankingOrder(results.cities, (c) => c.rank.overall).map((c) => [
    { text: c.rank.overall === null ? DASH : String(c.rank.overall), bold: true, alignment: "center" },
    { text: [{ text: c.name }, ...provisionalMark(c), { text: `  ${c.cityId}`, style: "small" }] },
    { text: c.peerGroup ?? DASH },
    { text: fixed2(c.score) },
    { text: fixed2(c.max) },
    { text: percent(c.ratio), bold: true, color: c.status === "vetoed" ? COLORS.veto : colorOfRatio(grades, c.ratio) },
    ratioBar(c.ratio, { width: 48, height: 6, color: c.status === "vetoed" ? COLORS.veto : colorOfRatio(grades, c.ratio), ticks }),
    gradeCell(c, grades),
    { text: c.rank.peerGroup === null ? DASH : String(c.rank.peerGroup), alignment: "center" },
  ]);
  return [
    dataTable(
      [
        { header: "名次", width: 24, align: "center" },
        { header: "城市", width: "*" },
        { header: headerOf(RESULTS_TABLE, "peer_group"), width: 78 },
        { header: headerOf(RESULTS_TABLE, "score"), width: 40, align: "right" },
        { header: headerOf(RESULTS_TABLE, "max"), width: 40, align: "right" },
        { header: headerOf(RESULTS_TABLE, "ratio"), width: 42, align: "right" },
        { header: "", width: 48 },
        { header: headerOf(RESULTS_TABLE, "grade"), width: 40 },
        { header: "组内", width: 24, align: "center" },
      ],
      rows,
    ),
    note("名次按得分率从高到低排列，得分率相同则并列（1、2、2、4）；一票否决或满分为 0 的城市不参与排名，列于表末。"),
    ...(results.cities.some((c) => c.provisional) ? [note("标注“暂定”的城市有申诉待复核：其得分与名次在复核完成前为暂定。")] : []),
  ];
}

/** Groups up to this size are kept on one page. */
const SMALL_GROUP = 20;

/** One ranking table per peer group, larger groups first. */
export function groupRankings(results: Results): Content[] {
  const sizes = new Map<string, number>();
  for (const c of results.cities) if (c.peerGroup !== null) sizes.set(c.peerGroup, (sizes.get(c.peerGroup) ?? 0) + 1);
  // larger groups first, then by name (code point order)
  const groups = [...sizes.keys()].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  if (groups.length === 0) return [note("参评城市均未分组。")];
  const grades = results.ruleset.grades;
  const parts: Content[] = [];
  for (const group of groups) {
    const members = results.cities.filter((c) => c.peerGroup === group);
    const small = members.length <= SMALL_GROUP;
    const table = dataTable(
      [
        { header: "组内名次", width: 44, align: "center" },
        { header: "城市", width: "*" },
        { header: headerOf(RESULTS_TABLE, "score"), width: 50, align: "right" },
        { header: headerOf(RESULTS_TABLE, "ratio"), width: 50, align: "right" },
        { header: headerOf(RESULTS_TABLE, "grade"), width: 56 },
        { header: "总名次", width: 40, align: "center" },
      ],
      rankingOrder(members, (c) => c.rank.peerGroup).map((c) => [
        { text: c.rank.peerGroup === null ? DASH : String(c.rank.peerGroup), bold: true, alignment: "center" },
        { text: [{ text: c.name }, { text: `  ${c.cityId}`, style: "small" }] },
        { text: fixed2(c.score) },
        { text: percent(c.ratio), bold: true, color: c.status === "vetoed" ? COLORS.veto : colorOfRatio(grades, c.ratio) },
        gradeCell(c, grades),
        { text: c.rank.overall === null ? DASH : String(c.rank.overall), alignment: "center" },
      ]),
      { unbreakable: small },
    );
    const heading = subheading(`${group}（${members.length} 个城市）`, { kept: small });
    // a small group stays on one page with its heading; a large one breaks under its header row
    if (small) parts.push({ stack: [heading, table], unbreakable: true });
    else parts.push(heading, table);
  }
  const ungrouped = results.cities.filter((c) => c.peerGroup === null).length;
  if (ungrouped > 0) parts.push(note(`另有 ${ungrouped} 个城市未分组，不参与组内排名。`));
  return parts;
}
