#!/usr/bin/env node
// Writes a 问卷星-style export of a national survey for the import benchmark: 300 cities × 400
// respondents = 120,000 rows, 20 satisfaction questions answered with 问卷星's option texts,
// 所用时间 and 来自IP (about 3% speeders, 1% repeat submissions, a few unknown texts and
// multi-selects), and its map. Deterministic (seeded).
//   node scripts/bench/generate-survey-export.mjs --out bench-data/survey [--cities 300] [--respondents 400]
import { mkdirSync, writeFileSync, createWriteStream } from "node:fs";
import { join } from "node:path";

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const out = arg("out", "bench-data/survey");
const CITIES = Number(arg("cities", "300"));
const PER_CITY = Number(arg("respondents", "400"));
const QUESTIONS = 20;
let seed = 20241201;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const TEXTS = ["非常满意", "满意", "一般", "不满意", "非常不满意"];
const cities = Array.from({ length: CITIES }, (_, i) => ({ id: `c${String(i + 1).padStart(3, "0")}`, name: `测试${i + 1}市` }));
const header = [
  "序号",
  "提交答卷时间",
  "所用时间",
  "来源",
  "来源详情",
  "来自IP",
  "1、您所在的城市：",
  "2、您的年龄段：",
  ...Array.from({ length: QUESTIONS }, (_, q) => `${q + 3}、您对本市第${q + 1}项公共服务的满意程度是？`),
];
mkdirSync(out, { recursive: true });
const file = createWriteStream(join(out, "wjx-national.csv"));
let buffer = `\ufeff${header.join(",")}\r\n`;
let serial = 0;
let lastIp = "";
for (const city of cities) {
  const quality = 0.55 + random() * 0.4;
  for (let r = 0; r < PER_CITY; r++) {
    serial++;
    const speeder = random() < 0.03;
    const repeat = random() < 0.01 && lastIp !== "";
    const ip = repeat
      ? lastIp
      : `${(serial >>> 16) & 255}.${(serial >>> 8) & 255}.${serial & 255}.${1 + (serial % 200)}(浙江-${city.name})`;
    lastIp = ip;
    const seconds = speeder ? 10 + Math.floor(random() * 40) : 70 + Math.floor(random() * 900);
    const cells = [
      serial,
      `2024/5/${1 + (serial % 28)} ${8 + (serial % 12)}:${String(serial % 60).padStart(2, "0")}:00`,
      seconds < 60 ? `${seconds}秒` : `${Math.floor(seconds / 60)}分${seconds % 60}秒`,
      "手机提交",
      "直接访问",
      ip,
      city.name,
      "31-45岁",
    ];
    for (let q = 0; q < QUESTIONS; q++) {
      const x = random();
      if (x < 0.01) cells.push("");
      else if (x < 0.0015 + 0.01) cells.push("满意┋一般");
      else if (x < 0.002 + 0.0115) cells.push("很满意");
      else cells.push(TEXTS[random() < quality ? Math.floor(random() * 2) : 2 + Math.floor(random() * 3)]);
    }
    buffer += `${cells.join(",")}\r\n`;
    if (buffer.length > 1 << 20) {
      file.write(buffer);
      buffer = "";
    }
  }
}
file.end(buffer);
const map = [
  "platform: wjx",
  "round: 2024",
  "city:",
  "  column: 1、",
  "  values:",
  ...cities.map((c) => `    ${c.name}: ${c.id}`),
  "questions:",
  ...Array.from({ length: QUESTIONS }, (_, q) => [
    `  Q${String(q + 1).padStart(2, "0")}:`,
    `    column: ${q + 3}、`,
    "    answers: { 非常满意: A, 满意: B, 一般: C, 不满意: D, 非常不满意: E }",
  ]).flat(),
  "screens:",
  "  minSeconds: 60",
  "  duplicateBy: [来自IP]",
  "",
].join("\n");
writeFileSync(join(out, "survey-map.yaml"), map);
console.log(`${out}: ${serial} respondents × ${QUESTIONS} questions`);
