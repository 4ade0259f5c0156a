#!/usr/bin/env node
// Writes fixtures/demo/: ten cities in three peer groups, rounds 2023 and 2024, evidence for
// every method of rulesets/national/2021.1.0.yaml, documents.csv in GBK with Chinese headers,
// the 2024 inspection photos (small generated JPEGs and PNGs under photos/, one named but
// missing, one outside the directory), appeals.csv with every decision, and a handful of
// deliberately bad 2024 rows (listed in fixtures/demo/README.md).
// Deterministic: re-running gives the same bytes.  node scripts/make-demo-fixtures.mjs
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import iconv from "iconv-lite";
import sharp from "sharp";
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
            // 2024's photos are in photos/ (every third one a PNG); 2023's were never kept
            round === "2024"
              ? `photos/IMG_${round}_${siteId}_${check.id}.${fieldRows.length % 3 === 0 ? "png" : "jpg"}`
              : `IMG_${round}_${siteId}_${check.id}.jpg`,
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

// Two 2024 photos that cannot be shown: one named but never delivered, one outside the directory
const hangzhou2024 = fieldRows.filter((r) => r[0] === "2024" && r[1] === "hangzhou");
hangzhou2024[0][6] = "photos/IMG_2024_未上传.jpg";
hangzhou2024[1][6] = "../private/IMG_2024_outside.jpg";

// Appeals of 2024 (申诉复核): every decision on every kind of target; a few rejected below
const appealRows = [
  [
    "round",
    "city_id",
    "appeal_id",
    "standard_id",
    "adjustment_id",
    "check_id",
    "site_id",
    "decision",
    "revised_count",
    "revised_verdict",
    "revised_value",
    "reviewer",
    "reason",
  ],
];
const standardOfCheck = (checkId) => standards.find((s) => s.method === "field" && s.checks.some((c) => c.id === checkId)).id;
const problemOf = (city, predicate = () => true) => fieldRows.find((r) => r[0] === "2024" && r[1] === city && predicate(r));
const appeal = (city, id, target, decision, revised, reviewer, reason) =>
  appealRows.push([
    "2024",
    city,
    id,
    target.standard ?? "",
    target.adjustment ?? "",
    target.check ?? "",
    target.site ?? "",
    decision,
    revised.count ?? "",
    revised.verdict ?? "",
    revised.value ?? "",
    reviewer,
    reason,
  ]);
const fieldTarget = (row) => ({ standard: standardOfCheck(row[3]), check: row[3], site: row[2] });
const hzProblem = hangzhou2024[2];
appeal("hangzhou", "HZ-2024-01", fieldTarget(hzProblem), "撤销", {}, "复核组 钱明", "现场照片为相邻商户，非本点位问题");
const nbProblem = problemOf("ningbo", (r) => Number(r[4]) >= 2);
appeal(
  "ningbo",
  "NB-2024-01",
  fieldTarget(nbProblem),
  "改判",
  { count: Number(nbProblem[4]) - 1 },
  "复核组 钱明",
  "复核照片，其中一处为同一问题重复记录",
);
appeal("jinan", "JN-2024-01", { adjustment: "P01" }, "维持", {}, "复核组 孙丽", "曝光事件属实，维持扣分");
const unmet = documentRows.find((r) => r[0] === "2024" && r[1] === "shaoxing" && ["unmet", "未达标", "partial", "基本达标"].includes(r[3]));
appeal("shaoxing", "SX-2024-01", { standard: unmet[2] }, "revised", { verdict: "达标" }, "复核组 孙丽", "补交会议纪要与台账，材料齐全");
const wuhuData = dataStandards[0];
appeal(
  "wuhu",
  "WH-2024-01",
  { standard: wuhuData.id },
  "revised",
  { value: wuhuData.target },
  "复核组 孙丽",
  "统计口径更正，以统计局复函为准",
);
appeal("ganzhou", "GZ-2024-01", fieldTarget(problemOf("ganzhou")), "pending", {}, "", "城市已提交整改说明，待复核");
appeal("ganzhou", "GZ-2024-02", { adjustment: "P04" }, "withdrawn", {}, "复核组 钱明", "逾期件已在时限内办结，系统统计有误");

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
const appealRow = (city, id, target, decision, revised, reviewer, reason) => {
  appeal(city, id, target, decision, revised, reviewer, reason);
  return appealRows.pop();
};
add(
  appealRows,
  "appeals.csv",
  appealRow("hangzhou", "HZ-2024-02", fieldTarget(hzProblem), "维持", {}, "复核组 孙丽", "同一问题再次申诉"),
  "duplicate_appeal (HZ-2024-01 already appeals this problem)",
);
add(
  appealRows,
  "appeals.csv",
  appealRow("xiamen", "XM-2024-01", { standard: surveys[0].id }, "撤销", {}, "复核组 钱明", "对满意度结果有异议"),
  "survey_not_appealable (a measured rate is not appealed)",
);
const yiwuProblem = problemOf("yiwu");
const yiwuAssessor = siteRows.find((r) => r[0] === "2024" && r[1] === "yiwu" && r[2] === yiwuProblem[2])[5];
add(
  appealRows,
  "appeals.csv",
  appealRow("yiwu", "YW-2024-01", fieldTarget(yiwuProblem), "撤销", {}, yiwuAssessor, "测评员本人复核"),
  "reviewer_is_assessor (the reviewer inspected that site)",
);
add(
  appealRows,
  "appeals.csv",
  appealRow("kunshan", "KS-2024-01", { standard: dataStandards[1].id }, "撤销", {}, "复核组 孙丽", "数据有误"),
  "decision_not_allowed (a data standard is revised, not withdrawn)",
);

mkdirSync(`${out}/expected`, { recursive: true });
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
writeFileSync(`${out}/appeals.csv`, csv(appealRows));

// The photos: small images, colours from the name's hash (a street scene of two blocks and a sun)
rmSync(`${out}/photos`, { recursive: true, force: true });
mkdirSync(`${out}/photos`, { recursive: true });
const photoNames = fieldRows
  .slice(1)
  .map((r) => r[6])
  .filter((name) => typeof name === "string" && name.startsWith("photos/IMG_2024_"));
for (const name of photoNames.filter((n) => !n.includes("未上传"))) {
  const hash = createHash("sha256").update(name).digest();
  const colour = (i) => `#${[hash[i], hash[i + 1], hash[i + 2]].map((b) => (64 + (b % 160)).toString(16).padStart(2, "0")).join("")}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="120"><rect width="160" height="120" fill="${colour(0)}"/><rect x="${16 + (hash[3] % 40)}" y="62" width="70" height="40" fill="${colour(4)}"/><rect x="0" y="104" width="160" height="16" fill="#6b6b6b"/><circle cx="${100 + (hash[7] % 40)}" cy="34" r="16" fill="#fff3b0"/></svg>`;
  const image = sharp(Buffer.from(svg));
  const bytes = name.endsWith(".png")
    ? await image.png({ palette: true, colours: 8 }).toBuffer()
    : await image.jpeg({ quality: 50 }).toBuffer();
  writeFileSync(`${out}/${name}`, bytes);
}
writeFileSync(`${out}/expected/bad-rows.json`, `${JSON.stringify(bad, null, 2)}\n`);
console.log(
  JSON.stringify({
    sites: siteRows.length - 1,
    field: fieldRows.length - 1,
    survey: surveyRows.length - 1,
    documents: documentRows.length - 1,
    facts: factRows.length - 1,
    appeals: appealRows.length - 1,
    photos: photoNames.filter((n) => !n.includes("未上传")).length,
    bad: bad.length,
  }),
);
