/**
 * 整改建议: the city's improvement list (what fixing each standard or check would gain, with
 * the responsible departments by name), cut to its top N with a note, and the gains summed
 * per responsible department (责任单位).
 */
import type { CityResult, ImprovementItem, Names } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { note, subheading } from "../blocks.js";
import { count, enumerate, fixed2 } from "../format.js";
import { methodLabel } from "../labels.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";

/** Department label for standards without responsible units. */
const NO_DEPARTMENT = "（未指定责任单位）";

function itemCells(city: CityResult, item: ImprovementItem, index: number, names: Names): TableCell[] {
  const standard = city.standards.find((s) => s.id === item.standardId);
  const standardName = names.standard(item.standardId, standard?.name);
  const category = city.categories.find((c) => c.id === item.categoryId);
  const what: TableCell =
    item.checkId === null
      ? {
          text: [
            { text: standardName, bold: true },
            { text: `  标准 ${item.standardId} · ${methodLabel(item.method)}`, style: "small" },
          ],
        }
      : {
          text: [
            { text: `消除「${names.check(item.checkId)}」问题` },
            { text: `  细则 ${item.checkId} · 属 ${item.standardId} ${standardName}`, style: "small" },
          ],
        };
  return [
    { text: String(index + 1), color: COLORS.muted },
    what,
    { text: names.category(item.categoryId, category?.name) },
    { text: `+${fixed2(item.gain)}`, bold: true, color: COLORS.good },
    { text: enumerate(names.departments(item.responsible)) },
  ];
}

/** Gains of standard-level items summed per responsible department, largest first. */
export function gainsByDepartment(city: CityResult, names: Names): { name: string; standards: number; gain: number }[] {
  const totals = new Map<string, { standards: number; gain: number }>();
  for (const item of city.improvements) {
    if (item.checkId !== null) continue;
    const departments = item.responsible.length === 0 ? [null] : item.responsible;
    for (const id of departments) {
      const name = id === null ? NO_DEPARTMENT : names.department(id);
      const total = totals.get(name) ?? { standards: 0, gain: 0 };
      total.standards += 1;
      total.gain += item.gain;
      totals.set(name, total);
    }
  }
  return [...totals.entries()]
    .map(([name, t]) => ({ name, ...t }))
    .sort((a, b) => b.gain - a.gain || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The 整改建议 section body. */
export function improvementsSection(city: CityResult, names: Names, limit: number): Content[] {
  const items = city.improvements;
  if (items.length === 0) return [note("本轮无可提升的测评标准。")];
  const shown = items.slice(0, limit);
  const standardsGain = items.filter((i) => i.checkId === null).reduce((acc, i) => acc + i.gain, 0);
  const departments = gainsByDepartment(city, names);
  return [
    {
      text: `按整改后可提升的分值从高到低排列。测评标准项为该标准得满分可提升的分值；测评细则项为消除该类问题后可挽回的分值，已包含在所属标准项之内，不应重复相加。全部测评标准得满分共可提升 ${fixed2(standardsGain)} 分。`,
      style: "note",
      margin: [0, 0, 0, 6],
    },
    dataTable(
      [
        { header: "序号", width: 22 },
        { header: "整改事项", width: "*" },
        { header: "测评项目", width: 66 },
        { header: "可提升", width: 42, align: "right" },
        { header: "责任单位", width: 132 },
      ],
      shown.map((item, i) => itemCells(city, item, i, names)),
    ),
    ...(items.length > shown.length
      ? [
          note(
            `共 ${count(items.length)} 项整改事项，上表列出可提升分值最多的 ${shown.length} 项；完整清单见 results.json（improvements）。`,
          ),
        ]
      : []),
    subheading("责任单位汇总"),
    dataTable(
      [
        { header: "责任单位", width: "*" },
        { header: "涉及测评标准", width: 70, align: "right" },
        { header: "可提升分值合计", width: 80, align: "right" },
      ],
      departments.map((d) => [
        { text: d.name },
        { text: `${d.standards} 项` },
        { text: `+${fixed2(d.gain)}`, bold: true, color: COLORS.good },
      ]),
    ),
    note("一项标准由多个单位共同负责时，其可提升分值计入每个单位。"),
  ];
}
