#!/usr/bin/env node
// Generates a synthetic national batch (deterministic seed) for the benchmarks:
//   node scripts/bench/generate.mjs --scale 1 --out bench-data/x1 [--ruleset rulesets/national/2021.1.0.yaml]
// scale 1 = 300 cities, ~150 sites each, ~300,000 field rows, ~1.4 million survey answers.
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .join(" ")
    .split(/--/)
    .filter(Boolean)
    .map((a) => a.trim().split(/\s+/)),
);
const scale = Number(args.scale ?? 1);
const out = args.out ?? `bench-data/x${scale}`;
const ruleset = parse(readFileSync(args.ruleset ?? "rulesets/national/2021.1.0.yaml", "utf8"));
const round = "2024";

// mulberry32: a small deterministic PRNG
let seed = Number(args.seed ?? 20241125) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const standards = ruleset.categories.flatMap((c) => c.contents.flatMap((k) => k.standards));
const field = standards.filter((s) => s.method === "field");
const surveys = standards.filter((s) => s.method === "survey");
const documents = standards.filter((s) => s.method === "document");
const data = standards.filter((s) => s.method === "data");
const siteTypes = [...new Set(field.flatMap((s) => s.siteTypes))];
const checksByType = new Map(
  siteTypes.map((t) => [t, field.filter((s) => s.siteTypes.includes(t)).flatMap((s) => s.checks.map((c) => c.id))]),
);
const questions = [...new Set(surveys.map((s) => s.question))];
const answerCodes = [...new Set(surveys.flatMap((s) => s.positive.map(String)))].concat(["C", "D", "E"]);
const adjustmentFacts = [
  ...new Set(
    JSON.stringify(ruleset.adjustments ?? [])
      .match(/"fact":"[^"]+"/g)
      ?.map((m) => m.slice(8, -1)) ?? [],
  ),
];
const notes = [
  "东门入口处垃圾桶满溢",
  "3处小广告未清理",
  "摊位占道经营，影响通行",
  "地面有积水、垃圾",
  "非机动车乱停放",
  "公益广告破损",
  "消防通道堵塞",
  "",
];
const groups = ["省会和副省级城市", "地级城市", "县级市"];

mkdirSync(out, { recursive: true });
const file = (name, header) => {
  const stream = createWriteStream(join(out, name));
  stream.write(`${header}\n`);
  let buffer = "";
  return {
    row(line) {
      buffer += `${line}\n`;
      if (buffer.length > 1 << 16) {
        stream.write(buffer);
        buffer = "";
      }
    },
    end: () =>
      new Promise((resolve) => {
        stream.end(buffer, resolve);
      }),
  };
};

const cities = file("cities.csv", "city_id,name,peer_group,titled,population");
const sites = file("sites.csv", "round,city_id,site_id,site_type,visited_at,assessor");
const fieldFile = file("field.csv", "round,city_id,site_id,check_id,count,note,photo");
const survey = file("survey.csv", "round,city_id,respondent_id,question_id,answer");
const docs = file("documents.csv", "round,city_id,standard_id,verdict,reviewer");
const facts = file("facts.csv", "round,city_id,fact,value");
const counts = { cities: 0, sites: 0, field: 0, survey: 0, documents: 0, facts: 0 };

const cityCount = 300 * scale;
const respondentsPerCity = Math.round(1_400_000 / 300 / Math.max(1, questions.length));
for (let c = 0; c < cityCount; c++) {
  const id = `c${String(c).padStart(5, "0")}`;
  cities.row(`${id},城市${c},${pick(groups)},${random() < 0.5 ? 1 : 0},${Math.round(50 + random() * 900)}`);
  counts.cities++;
  const quality = 0.3 + random() * 0.7;
  const siteCount = 140 + Math.floor(random() * 20);
  for (let s = 0; s < siteCount; s++) {
    const type = siteTypes[s % siteTypes.length];
    const siteId = `${id}-P${String(s).padStart(3, "0")}`;
    sites.row(`${round},${id},${siteId},${type},2024-0${1 + (s % 9)}-1${s % 10},测评员${s % 17}`);
    counts.sites++;
    const checks = checksByType.get(type) ?? [];
    const rows = Math.round(random() * 13.3);
    for (let r = 0; r < rows && checks.length > 0; r++) {
      const count = random() < quality ? 0 : 1 + Math.floor(random() * 3);
      const note = pick(notes);
      fieldFile.row(`${round},${id},${siteId},${pick(checks)},${count},${note.includes("，") ? `"${note}"` : note},IMG_${c}_${s}_${r}.jpg`);
      counts.field++;
    }
  }
  for (let r = 0; r < respondentsPerCity; r++) {
    for (const q of questions) {
      survey.row(`${round},${id},R${r},${q},${random() < quality ? pick(answerCodes.slice(0, 2)) : pick(answerCodes)}`);
      counts.survey++;
    }
  }
  for (const d of documents) {
    docs.row(`${round},${id},${d.id},${pick(["met", "partial", "unmet", "达标"])},评审${c % 7}`);
    counts.documents++;
  }
  for (const d of data) {
    const value = Math.min(d.floor, d.target) + random() * Math.abs(d.target - d.floor) * 1.2;
    facts.row(`${round},${id},${d.fact},${value.toFixed(2)}`);
    counts.facts++;
  }
  for (const fact of adjustmentFacts) {
    facts.row(`${round},${id},${fact},${random() < 0.02 ? 1 : 0}`);
    counts.facts++;
  }
}
await Promise.all([cities, sites, fieldFile, survey, docs, facts].map((f) => f.end()));
console.log(JSON.stringify({ out, scale, ...counts }));
