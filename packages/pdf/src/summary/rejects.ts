/**
 * Data quality of the batch: every input file with what became of its rows, and the rejected
 * rows counted by file and reason code (with the first line numbers, to find them).
 */
import type { Results } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { note, subheading } from "../blocks.js";
import { count, DASH } from "../format.js";
import { rejectLabel } from "../labels.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";

/** Line numbers listed per file and code. */
const LINES_SHOWN = 6;

/** Rejected rows grouped by file and code, in file order of the inputs, then by count. */
export function rejectGroups(results: Results): { file: string; code: string; reason: string; lines: number[] }[] {
  const groups = new Map<string, { file: string; code: string; reason: string; lines: number[] }>();
  for (const r of results.rejects) {
    const key = `${r.file}\u0000${r.code}`;
    const group = groups.get(key) ?? { file: r.file, code: r.code, reason: r.reason, lines: [] };
    group.lines.push(r.line);
    groups.set(key, group);
  }
  const fileOrder = new Map(results.inputs.files.map((f, i) => [f.name, i]));
  return [...groups.values()].sort(
    (a, b) =>
      (fileOrder.get(a.file) ?? Number.MAX_SAFE_INTEGER) - (fileOrder.get(b.file) ?? Number.MAX_SAFE_INTEGER) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      b.lines.length - a.lines.length ||
      (a.code < b.code ? -1 : 1),
  );
}

/** The rejects section body. */
export function rejectsSection(results: Results): Content[] {
  const files: TableCell[][] = results.inputs.files.map((f) => [
    { text: f.name },
    { text: f.encoding ?? DASH },
    { text: count(f.rows) },
    { text: count(f.accepted) },
    { text: count(f.skipped) },
    { text: count(f.rejected), bold: f.rejected > 0, color: f.rejected > 0 ? COLORS.veto : COLORS.ink },
  ]);
  const groups = rejectGroups(results);
  const parts: Content[] = [
    dataTable(
      [
        { header: "文件", width: "*" },
        { header: "编码", width: 60 },
        { header: "数据行", width: 60, align: "right" },
        { header: "采纳", width: 60, align: "right" },
        { header: "其他轮次", width: 60, align: "right" },
        { header: "拒收", width: 60, align: "right" },
      ],
      files,
    ),
    subheading("拒收行：按文件与原因"),
  ];
  if (groups.length === 0) return [...parts, note("本批证据无拒收行。")];
  parts.push(
    dataTable(
      [
        { header: "文件", width: 80 },
        { header: "原因代码", width: 100 },
        { header: "原因", width: "*" },
        { header: "行数", width: 40, align: "right" },
        { header: "行号（示例）", width: 110 },
      ],
      groups.map((g) => [
        { text: g.file },
        { text: g.code, style: "small" },
        { text: rejectLabel(g.code) },
        { text: count(g.lines.length), bold: true },
        { text: `${g.lines.slice(0, LINES_SHOWN).join(", ")}${g.lines.length > LINES_SHOWN ? " …" : ""}`, style: "small" },
      ]),
    ),
    note(`共拒收 ${count(results.inputs.rejected)} 行；拒收行不计入任何城市的得分，逐行原因见 rejects.csv。`),
  );
  return parts;
}
