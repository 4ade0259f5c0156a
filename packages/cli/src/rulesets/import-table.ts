/**
 * `civitas ruleset import`: turns a published indicator table (测评项目 / 测评内容 / 测评标准 /
 * 分值 / 测评方法 / 责任单位; UTF-8 or GBK) into a rule-set skeleton that validates. Method
 * details the table does not carry are filled with placeholders marked 待补充 (to fill in),
 * and rows that cannot be placed are reported.
 */
import { readFileSync } from "node:fs";
import { ChunkedRowParser, detectEncoding } from "@civitas/csv";
import iconv from "iconv-lite";

const COLUMNS = {
  category: ["测评项目", "category"],
  content: ["测评内容", "content"],
  standard: ["测评标准", "standard"],
  points: ["分值", "points"],
  method: ["测评方法", "method"],
  responsible: ["责任单位", "responsible"],
} as const;
type Column = keyof typeof COLUMNS;

const METHODS: Record<string, "field" | "survey" | "document" | "data"> = {
  实地考察: "field",
  实地察看: "field",
  实地检查: "field",
  问卷调查: "survey",
  问卷: "survey",
  材料审核: "document",
  材料审查: "document",
  网上申报: "data",
  统计数据: "data",
  数据: "data",
  field: "field",
  survey: "survey",
  document: "document",
  data: "data",
};

/** A row the importer could not place, and why. */
export interface UnplacedRow {
  readonly line: number;
  readonly reason: string;
}

export interface ImportResult {
  readonly ruleset: Record<string, unknown>;
  readonly unplaced: UnplacedRow[];
  readonly standards: number;
}

function readTable(path: string): { header: string[]; rows: Array<{ cells: string[]; line: number }>; malformed: UnplacedRow[] } {
  const bytes = readFileSync(path);
  const encoding = detectEncoding(bytes);
  const text = encoding === "gb18030" ? iconv.decode(bytes, "gb18030") : bytes.toString("utf8").replace(/^\uFEFF/, "");
  const rows: Array<{ cells: string[]; line: number }> = [];
  const malformed: UnplacedRow[] = [];
  const parser = new ChunkedRowParser({
    row: (cells, line) => rows.push({ cells, line }),
    malformed: (line, _raw, detail) => malformed.push({ line, reason: `malformed row: ${detail}` }),
  });
  parser.push(text, true);
  const [header, ...data] = rows;
  return { header: header?.cells.map((c) => c.trim()) ?? [], rows: data, malformed };
}

/** 分值 as published: `30`, `30分`, full-width ３０ or `2.5`. */
function pointsOf(text: string): number {
  const plain = text.normalize("NFKC").replace(/\s*分$/, "");
  return /^\d+(?:\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

/** Cells that say "no department". */
const NO_DEPARTMENT = new Set(["无", "—", "-", "／", "/", "暂无"]);

/** Builds the skeleton from the table at `path`. */
export function importTable(
  path: string,
  identity: { id: string; version: string; title: string; effectiveFrom: string },
): ImportResult | string {
  const { header, rows, malformed } = readTable(path);
  const at = {} as Record<Column, number>;
  for (const [column, names] of Object.entries(COLUMNS) as Array<[Column, readonly string[]]>) {
    const index = header.findIndex((h) => names.includes(h.toLowerCase()) || names.includes(h));
    if (index === -1 && column !== "responsible") return `${path}:1: column ${names[0]} (${names[1]}) is missing`;
    at[column] = index;
  }
  const departments = new Map<string, string>();
  const categories: Array<{ id: string; name: string; contents: Array<{ id: string; name: string; standards: unknown[] }> }> = [];
  const unplaced: UnplacedRow[] = [...malformed];
  let siteTypeNeeded = false;
  let checks = 0;
  let questions = 0;
  let facts = 0;
  let standards = 0;
  let lastCategory = "";
  let lastContent = "";
  for (const { cells, line } of rows) {
    const get = (column: Column) => (at[column] >= 0 ? (cells[at[column]] ?? "").trim() : "");
    // Published tables merge cells: an empty 测评项目 / 测评内容 repeats the one above.
    const categoryName = get("category") || lastCategory;
    const contentName = get("content") || lastContent;
    const name = get("standard");
    const points = pointsOf(get("points"));
    const method = METHODS[get("method")] ?? METHODS[get("method").toLowerCase()];
    if (categoryName === "" || contentName === "") {
      unplaced.push({ line, reason: "no 测评项目 / 测评内容 above it" });
      continue;
    }
    lastCategory = categoryName;
    lastContent = contentName;
    if (name === "") {
      unplaced.push({ line, reason: "测评标准 is empty" });
      continue;
    }
    if (!Number.isFinite(points) || points <= 0) {
      unplaced.push({ line, reason: `分值 ${JSON.stringify(get("points"))} is not a positive number` });
      continue;
    }
    if (method === undefined) {
      unplaced.push({ line, reason: `测评方法 ${JSON.stringify(get("method"))} is not 实地考察 / 问卷调查 / 材料审核 / 网上申报` });
      continue;
    }
    let category = categories.find((c) => c.name === categoryName);
    if (category === undefined) categories.push((category = { id: `C${categories.length + 1}`, name: categoryName, contents: [] }));
    let content = category.contents.find((c) => c.name === contentName);
    if (content === undefined)
      category.contents.push((content = { id: `${category.id}.${category.contents.length + 1}`, name: contentName, standards: [] }));
    const responsible = get("responsible")
      .split(/[、,，;；/\s]+/)
      .filter((d) => d !== "" && !NO_DEPARTMENT.has(d))
      .map((d) => {
        if (!departments.has(d)) departments.set(d, `d${String(departments.size + 1).padStart(2, "0")}`);
        return departments.get(d) as string;
      });
    const id = `S${content.id.slice(1)}.${content.standards.length + 1}`;
    const common = { id, name, points, method, responsible };
    standards++;
    if (method === "field") {
      siteTypeNeeded = true;
      checks++;
      content.standards.push({
        ...common,
        siteTypes: ["todo_site"],
        checks: [{ id: `K${String(checks).padStart(3, "0")}`, name: "待补充测评细则", deduction: 1 }],
      });
    } else if (method === "survey") {
      questions++;
      content.standards.push({ ...common, question: `Q${String(questions).padStart(2, "0")}`, positive: ["A"], floor: 0.6, target: 0.9 });
    } else if (method === "data") {
      facts++;
      content.standards.push({ ...common, fact: `todo_fact_${facts}`, floor: 0, target: 1 });
    } else {
      content.standards.push(common);
    }
  }
  const scale = categories
    .flatMap((c) => c.contents.flatMap((k) => k.standards as Array<{ points: number }>))
    .reduce((a, s) => a + s.points, 0);
  unplaced.sort((a, b) => a.line - b.line);
  return {
    standards,
    unplaced,
    ruleset: {
      ...identity,
      scale,
      missingEvidence: "zero",
      grades: [
        { id: "excellent", name: "优秀", minRatio: 0.9 },
        { id: "pass", name: "合格", minRatio: 0.7 },
        { id: "fail", name: "不合格", minRatio: 0 },
      ],
      departments: [...departments].map(([name, id]) => ({ id, name })),
      siteTypes: siteTypeNeeded ? [{ id: "todo_site", name: "待补充点位类型" }] : [],
      categories,
    },
  };
}
