/**
 * Data quality of the batch: every input file with what became of its rows, and the rejected
 * rows counted by file and reason code (with the first line numbers, to find them). The counts
 * are each file's `rejectedBy`, whole even when results.json lists only the first rejected rows;
 * the line numbers come from the rows results.json lists, so `render` shows what `score` did.
 */
import { headerOf, listedRejects, REJECTS_TABLE, type Results } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { note, subheading } from "../blocks.js";
import { count, DASH } from "../format.js";
import { rejectLabel } from "../labels.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";

/** Line numbers listed per file and code. */
const LINES_SHOWN = 6;

/** Rejected rows of one file and reason code: how many, and the first lines listed. */
export interface RejectGroup {
  readonly file: string;
  readonly code: string;
  readonly count: number;
  readonly lines: readonly number[];
}

/** Rejected rows grouped by file and code, in file order of the inputs, then by count. */
export function rejectGroups(results: Results): RejectGroup[] {
  const groups = new Map<string, { file: string; code: string; count: number; lines: number[] }>();
  const group = (file: string, code: string) => {
    const key = `${file}\u0000${code}`;
    let found = groups.get(key);
    if (found === undefined) groups.set(key, (found = { file, code, count: 0, lines: [] }));
    return found;
  };
  const counted = new Set<string>();
  for (const f of results.inputs.files) {
    if (f.rejectedBy === undefined) continue;
    counted.add(f.name);
    for (const [code, n] of Object.entries(f.rejectedBy)) group(f.name, code).count += n ?? 0;
  }
  // the rows listed: line numbers, and the counts of files that do not count by code (older results)
  for (const r of listedRejects(results).rejects) {
    const g = group(r.file, r.code);
    if (!counted.has(r.file)) g.count++;
    if (g.lines.length < LINES_SHOWN) g.lines.push(r.line);
  }
  const fileOrder = new Map(results.inputs.files.map((f, i) => [f.name, i]));
  return [...groups.values()].sort(
    (a, b) =>
      (fileOrder.get(a.file) ?? Number.MAX_SAFE_INTEGER) - (fileOrder.get(b.file) ?? Number.MAX_SAFE_INTEGER) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      b.count - a.count ||
      (a.code < b.code ? -1 : 1),
  );
}

/** The first lines of a group, `…` when there are more; a dash when none is listed. */
function linesText(g: RejectGroup): string {
  if (g.lines.length === 0) return DASH;
  return `${g.lines.join(", ")}${g.count > g.lines.length ? " …" : ""}`;
}

/** Says that the line numbers come from the first rejected rows only, when results.json leaves some out. */
function omittedNote(results: Results): string {
  const { rejects, omitted } = listedRejects(results);
  return omitted === 0 ? "" : `行号示例取自 results.json 列出的前 ${count(rejects.length)} 行（另有 ${count(omitted)} 行未列出）。`;
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
        { header: headerOf(REJECTS_TABLE, "file"), width: 80 },
        { header: headerOf(REJECTS_TABLE, "code"), width: 100 },
        { header: headerOf(REJECTS_TABLE, "reason"), width: "*" },
        { header: "行数", width: 40, align: "right" },
        { header: "行号（示例）", width: 110 },
      ],
      groups.map((g) => [
        { text: g.file },
        { text: g.code, style: "small" },
        { text: rejectLabel(g.code) },
        { text: count(g.count), bold: true },
        { text: linesText(g), style: "small" },
      ]),
    ),
    note(`共拒收 ${count(results.inputs.rejected)} 行；拒收行不计入任何城市的得分，逐行原因见 rejects.csv。${omittedNote(results)}`),
  );
  return parts;
}
