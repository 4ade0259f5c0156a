#!/usr/bin/env node
// Writes fixtures/demo/: ten cities in three peer groups, rounds 2023 and 2024, evidence for
// every method of rulesets/national/2021.1.0.yaml, documents.csv in GBK with Chinese headers,
// and a handful of deliberately bad 2024 rows (listed in fixtures/demo/README.md).
// Deterministic: re-running gives the same bytes.  node scripts/make-demo-fixtures.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import iconv from "iconv-lite";
import { parse } from "yaml";

const out = "fixtures/demo";
const ruleset = parse(readFileSync("rulesets/national/2021.1.0.yaml", "utf8"));
let seed = 20240601;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const csvCell = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
const csv = (rows) => `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;

const cities = [
  // id, name, group, titled, has_metro, population (万人), quality 0..1 (drives the evidence)
  ["hangzhou", "杭州市", "省会和副省级城市", 1, 1, 1237, 0.93],
  ["ningbo", "宁波市", "省会和副省级城市", 1, 1, 962, 0.9],
  ["jinan", "济南市", "省会和副省级城市", 1, 1, 941, 0.84],
  ["xiamen", "厦门市", "省会和副省级城市", 1, 1, 530, 0.95],
  ["shaoxing", "绍兴市", "地级城市", 1, 1, 535, 0.88],
  ["wuhu", "芜湖市", "地级城市", 0, 1, 373, 0.76],
  ["ganzhou", "赣州市", "地级城市", 1, 0, 898, 0.68],
  ["yiwu", "义乌市", "县级市", 1, 0, 189, 0.86],
  ["kunshan", "昆山市", "县级市", 1, 1, 211, 0.91],
  ["jinjiang", "晋江市", "县级市", 1, 0, 207, 0.55],
];
const standards = ruleset.categories.flatMap((c) => c.contents.flatMap((k) => k.standards));
const field = standards.filter((s) => s.method === "field" && !s.appliesTo);
const metro = standards.find((s) => s.appliesTo);
const surveys = standards.filter((s) => s.method === "survey");
const documents = standards.filter((s) => s.method === "document");
const dataStandards = standards.filter((s) => s.method === "data");
const assessors = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"];
const notes = {
  default: ["东门入口处", "北侧通道", "主出入口", "西南角", "停车场旁", "二楼走廊"],
  detail: [
    "垃圾桶满溢",
    "3处小广告未清理",
    "地面有积水",
    "摊位占道，影响通行",
    "公益广告破损",
    "电动车在楼道充电",
    "消防通道被杂物堵塞",
    "有人吸烟",
  ],
};

const siteRows = [["round", "city_id", "site_id", "site_type", "visited_at", "assessor"]];
const fieldRows = [["round", "city_id", "site_id", "check_id", "count", "note", "photo"]];
const surveyRows = [["round", "city_id", "respondent_id", "question_id", "answer"]];
const documentRows = [["测评轮次", "城市代码", "标准编号", "评定", "评审人", "备注"]];
const factRows = [["round", "city_id", "fact", "value"]];
const lastProblems = new Map(); // site → checks with problems in 2023

for (const round of ["2023", "2024"]) {
  const year = Number(round);
  for (const [id, , , , hasMetro, , baseQuality] of cities) {
    const quality = Math.min(0.98, baseQuality + (round === "2024" ? 0.03 : 0));
    let siteNo = 0;
    const visit = (standard, count) => {
      for (let i = 0; i < count; i++) {
        const type = standard.siteTypes[i % standard.siteTypes.length];
        const siteId = `${id.slice(0, 2).toUpperCase()}-${standard.id.replaceAll(".", "")}-${String(i + 1).padStart(2, "0")}`;
        siteNo++;
        // ganzhou skips part of the 2024 school-area visits: too few sites → insufficient
        if (round === "2024" && id === "ganzhou" && type === "school_area" && i > 0) continue;
        const day = String(1 + ((siteNo * 7) % 27)).padStart(2, "0");
        siteRows.push([round, id, siteId, type, `${year}-${String(3 + (siteNo % 6)).padStart(2, "0")}-${day}`, pick(assessors)]);
        const before = lastProblems.get(`${id}/${siteId}`) ?? [];
        for (const check of standard.checks) {
          const persisted = round === "2024" && before.includes(check.id) && random() < 0.45;
          if (!persisted && random() < quality) continue;
          const count = 1 + Math.floor(random() * (quality > 0.85 ? 2 : 4));
          fieldRows.push([
            round,
            id,
            siteId,
            check.id,
            count,
            `${pick(notes.default)}${pick(notes.detail)}`,
            `IMG_${round}_${siteId}_${check.id}.jpg`,
          ]);
          if (round === "2023") lastProblems.set(`${id}/${siteId}`, [...(lastProblems.get(`${id}/${siteId}`) ?? []), check.id]);
        }
      }
    };
    for (const standard of field) visit(standard, Math.max(standard.minSites ?? 1, 2) + (random() < 0.5 ? 1 : 0));
    if (hasMetro) visit(metro, 2);
    // surveys: 40–60 respondents; wuhu has only 12 answers in 2024 → insufficient (minResponses 30)
    const respondents = round === "2024" && id === "wuhu" ? 12 : 40 + Math.floor(random() * 21);
    for (let r = 1; r <= respondents; r++) {
      for (const s of surveys) {
        const positive = random() < quality - 0.05;
        surveyRows.push([
          round,
          id,
          `${id.slice(0, 2).toUpperCase()}${round}R${String(r).padStart(3, "0")}`,
          s.question,
          positive ? pick(["A", "B"]) : pick(["C", "D"]),
        ]);
      }
    }
    for (const s of documents) {
      if (random() < 0.06) continue; // a few standards without materials → missing
      const verdict = () => (random() < quality ? "met" : random() < 0.6 ? "partial" : "unmet");
      const chinese = { met: "达标", partial: "基本达标", unmet: "未达标" };
      const v = verdict();
      documentRows.push([
        round,
        id,
        s.id,
        random() < 0.3 ? chinese[v] : v,
        pick(["周评审", "吴评审", "郑评审"]),
        v === "met" ? "" : "材料不完整，需补充佐证",
      ]);
      if (random() < 0.2) documentRows.push([round, id, s.id, verdict(), "孙评审", "第二位评审人意见"]);
    }
    for (const s of dataStandards) {
      const span = s.target - s.floor;
      const value = s.floor + span * Math.min(1.1, Math.max(-0.1, quality - 0.1 + (random() - 0.5) * 0.3));
      factRows.push([round, id, s.fact, Number(value.toFixed(s.fact === "pm25" ? 1 : 3))]);
    }
    // reported from 2024 on, for the standard the 2024 national revision adds
    if (round === "2024") factRows.push([round, id, "new_energy_bus_ratio", Number((0.45 + quality * 0.45).toFixed(3))]);
    const incidents = {
      major_safety_accidents: 0,
      major_pollution_events: 0,
      serious_corruption_cases: 0,
      mass_incidents: 0,
      exposed_incidents: 0,
      food_safety_incidents: 0,
      falsified_materials: 0,
      overdue_complaints: Math.floor(random() * 8),
    };
    if (round === "2024" && id === "jinjiang") incidents.major_safety_accidents = 1; // veto
    if (round === "2024" && id === "jinan") incidents.exposed_incidents = 2; // penalty P01
    if (round === "2024" && id === "ganzhou") incidents.overdue_complaints = 14; // penalty P04
    if (round === "2023" && id === "wuhu") incidents.food_safety_incidents = 1; // penalty P02
    for (const [fact, value] of Object.entries(incidents)) factRows.push([round, id, fact, value]);
  }
}

// Deliberately bad 2024 rows (each appended at the end of its file; see README.md)
const bad = [];
const add = (rows, file, row, reason) => {
  rows.push(row);
  bad.push({ file, line: rows.length, code: reason.split(" ")[0], reason });
};
add(siteRows, "sites.csv", ["2024", "suzhou", "SZ-X-01", "market", "2024-05-02", "张伟"], "unknown_city (苏州 is not in cities.csv)");
add(
  siteRows,
  "sites.csv",
  siteRows.find((r) => r[0] === "2024" && r[1] === "hangzhou"),
  "duplicate (a second row for the same site)",
);
add(fieldRows, "field.csv", ["2024", "hangzhou", "HA-NOPE-01", "K001", "1", "点位编号录入错误", ""], "unknown_site");
add(
  fieldRows,
  "field.csv",
  ["2024", "ningbo", siteRows.find((r) => r[1] === "ningbo" && r[0] === "2024")[2], "K999", "1", "", ""],
  "unknown_check",
);
const marketSite = siteRows.find((r) => r[0] === "2024" && r[1] === "xiamen" && r[3] === "market")[2];
add(
  fieldRows,
  "field.csv",
  ["2024", "xiamen", marketSite, "K001", "1", "公益广告问题记在了农贸市场", ""],
  "check_not_applicable (K001 belongs to a standard without markets)",
);
add(
  fieldRows,
  "field.csv",
  ["2024", "jinan", siteRows.find((r) => r[1] === "jinan" && r[0] === "2024")[2], standards[0].checks[1].id, "2.5", "", ""],
  "bad_count (2.5)",
);
add(
  fieldRows,
  "field.csv",
  ["2024", "jinan", "JI-S111-01", "K002", "1", "多了一列", "", "额外"],
  "malformed_row (8 fields where the header has 7)",
);
add(
  surveyRows,
  "survey.csv",
  surveyRows.find((r) => r[0] === "2024" && r[1] === "yiwu"),
  "duplicate (the same respondent answering the same question twice)",
);
add(surveyRows, "survey.csv", ["2024", "yiwu", "YI2024R999", "Q99", "A"], "unknown_question");
add(
  documentRows,
  "documents.csv",
  ["2024", "kunshan", "S4.1.1", "达标", "周评审", ""],
  "not_document_standard (S4.1.1 is a field standard)",
);
add(documentRows, "documents.csv", ["2024", "kunshan", "S1.1.3", "优秀", "周评审", ""], "bad_verdict (优秀)");
add(factRows, "facts.csv", ["2024", "shaoxing", "pm25", "N/A"], "bad_value (N/A)");

mkdirSync(out, { recursive: true });
const bom = "\uFEFF";
writeFileSync(
  `${out}/cities.csv`,
  bom + csv([["city_id", "name", "peer_group", "titled", "has_metro", "population"], ...cities.map((c) => c.slice(0, 6))]),
);
writeFileSync(`${out}/sites.csv`, csv(siteRows));
writeFileSync(`${out}/field.csv`, csv(fieldRows));
writeFileSync(`${out}/survey.csv`, csv(surveyRows));
writeFileSync(`${out}/documents.csv`, iconv.encode(csv(documentRows), "gb18030"));
writeFileSync(`${out}/facts.csv`, csv(factRows));
writeFileSync(`${out}/bad-rows.json`, `${JSON.stringify(bad, null, 2)}\n`);
console.log(
  JSON.stringify({
    sites: siteRows.length - 1,
    field: fieldRows.length - 1,
    survey: surveyRows.length - 1,
    documents: documentRows.length - 1,
    facts: factRows.length - 1,
    bad: bad.length,
  }),
);
