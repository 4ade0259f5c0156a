#!/usr/bin/env node
// Writes fixtures/demo/exports/: the demo's round-2024 survey answers as 问卷星 exports them
// (按选项文本: one row per respondent, 序号, 提交答卷时间, 所用时间, 来自IP, the city and the
// numbered questions with their answer texts; UTF-8 with BOM, as 问卷星's CSV download is) —
// made from fixtures/demo/survey.csv, so that the import gives back exactly those answers — plus
// a few respondents a careful office must not count: speeders, a second submission from the same
// IP, a city outside the assessment, an answer text not in the map and a multi-select cell.
// Deterministic: re-running gives the same bytes.  node scripts/make-demo-export.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

const out = "fixtures/demo/exports";
const ruleset = parse(readFileSync("rulesets/national/2021.1.0.yaml", "utf8"));
let seed = 20240501;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const csvCell = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
const csv = (rows) => `\ufeff${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;

const CITY_NAMES = Object.fromEntries(
  readFileSync("fixtures/demo/cities.csv", "utf8")
    .replace(/^\ufeff/, "")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",").slice(0, 2)),
);
const PROVINCES = {
  杭州市: "浙江",
  宁波市: "浙江",
  绍兴市: "浙江",
  义乌市: "浙江",
  济南市: "山东",
  厦门市: "福建",
  晋江市: "福建",
  芜湖市: "安徽",
  赣州市: "江西",
  昆山市: "江苏",
  苏州市: "江苏",
};
const TEXTS = { A: "非常满意", B: "满意", C: "一般", D: "不满意", E: "非常不满意" };
const surveys = ruleset.categories.flatMap((c) => c.contents.flatMap((k) => k.standards)).filter((s) => s.method === "survey");
const questions = surveys.map((s, i) => ({
  id: s.question,
  number: i + 3,
  title: `${i + 3}、您对本市“${s.name.replace(/^市民对|^家长对|满意度$|^市民/g, "")}”的评价是？`,
}));

// the demo's round-2024 answers, per respondent in file order (the deliberate bad rows left out:
// they are the long file's own faults, not what a platform exports)
const answers = new Map();
for (const line of readFileSync("fixtures/demo/survey.csv", "utf8").trim().split(/\r?\n/).slice(1)) {
  const [round, city, respondent, question, answer] = line.split(",");
  if (round !== "2024" || !questions.some((q) => q.id === question)) continue;
  const key = `${city}\u0000${respondent}`;
  if (!answers.has(key)) answers.set(key, { city, cells: new Map() });
  const cells = answers.get(key).cells;
  if (!cells.has(question)) cells.set(question, answer);
}

const header = [
  "序号",
  "提交答卷时间",
  "所用时间",
  "来源",
  "来源详情",
  "来自IP",
  "1、您所在的城市：",
  "2、您的年龄段：",
  ...questions.map((q) => q.title),
];
const rows = [header];
let serial = 0;
let minute = 0;
const submitted = () => {
  minute += 1 + Math.floor(random() * 9);
  const day = 1 + Math.floor(minute / 600);
  const m = minute % 600;
  return `2024/5/${day} ${8 + Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}`;
};
const took = (seconds) => (seconds < 60 ? `${seconds}秒` : `${Math.floor(seconds / 60)}分${seconds % 60}秒`);
// distinct for every 序号: the second and third parts alone tell the serial apart
const ip = (cityName) =>
  `${[36, 58, 112, 117, 183][serial % 5]}.${10 + Math.floor(serial / 250)}.${serial % 250}.${((serial * 37) % 250) + 1}(${PROVINCES[cityName] ?? "浙江"}-${cityName.replace(/市$/, "")})`;
const row = (cityName, cells, options = {}) => {
  serial++;
  rows.push([
    serial,
    submitted(),
    took(options.seconds ?? 75 + Math.floor(random() * 400)),
    pick(["手机提交", "微信", "链接"]),
    "直接访问",
    options.ip ?? ip(cityName),
    cityName,
    pick(["18-30岁", "31-45岁", "46-60岁", "60岁以上"]),
    ...questions.map((q) => cells.get(q.id) ?? ""),
  ]);
  return rows[rows.length - 1];
};
const asTexts = (codes) => new Map([...codes].map(([q, code]) => [q, TEXTS[code]]));

const bad = [];
const note = (code, why) => bad.push({ line: rows.length, code, reason: why });
let n = 0;
for (const { city, cells } of answers.values()) {
  const name = CITY_NAMES[city];
  const kept = row(name, asTexts(cells));
  n++;
  // every so often someone submits twice from the same phone: the second is screened (duplicate)
  if (n % 97 === 0) {
    row(name, asTexts(new Map([...cells].map(([q]) => [q, pick(["A", "B", "C"])]))), { ip: kept[5] });
    note("duplicate", `a second submission from ${kept[5]}`);
  }
  // and some click through in half a minute: screened (min_seconds)
  if (n % 61 === 0) {
    row(name, new Map(questions.map((q) => [q.id, "非常满意"])), { seconds: 20 + Math.floor(random() * 30) });
    note("min_seconds", "answered in under a minute");
  }
}
row("苏州市", asTexts(new Map(questions.map((q) => [q.id, "B"]))));
note("unknown_city", "苏州市 is not assessed");
row("宁波市", new Map([[questions[0].id, "很满意"]]));
note("unknown_answer", "很满意 is not an answer text of the map");
row("杭州市", new Map([[questions[1].id, "满意┋一般"]]));
note("multiple_answers", "two options chosen");

const map = [
  "# yaml-language-server: $schema=../../../schemas/survey-map.schema.json",
  "# How the demo's 问卷星 export (wjx-2024.csv, downloaded 按选项文本) becomes survey.csv.",
  "platform: wjx",
  "round: 2024",
  "city:",
  "  column: 1、",
  "  values:",
  ...Object.entries(CITY_NAMES).map(([id, name]) => `    ${name}: ${id}`),
  "questions:",
  ...questions.flatMap((q) => [
    `  ${q.id}:`,
    `    column: ${q.number}、`,
    "    answers: { 非常满意: A, 满意: B, 一般: C, 不满意: D, 非常不满意: E }",
  ]),
  "screens:",
  "  minSeconds: 60",
  "  duplicateBy: [来自IP]",
  "",
].join("\n");

mkdirSync(out, { recursive: true });
writeFileSync(`${out}/wjx-2024.csv`, csv(rows));
writeFileSync(`${out}/survey-map.yaml`, map);
writeFileSync(`${out}/bad-rows.json`, `${JSON.stringify(bad, null, 2)}\n`);
console.log(`${out}: ${rows.length - 1} respondents × ${questions.length} questions, ${bad.length} to reject or screen`);
