/**
 * A synthetic round for tests and previews: a national-style rule set (eight categories, all
 * four methods, many checks), cities in peer groups with seeded pseudo-random evidence, one
 * city vetoed, one penalised, and a few rejected rows. Scored with @civitas/core, so the
 * `Results` are real.
 */
import { type EvidenceRow, parseRuleset, type Results, type Ruleset, scoreRound } from "@civitas/core";

/** A small seeded PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ["思想道德建设", "核心价值观践行", "公共文明秩序", "公共环境", "公共服务", "生态环境", "诚信守法", "创建工作机制"];
const SITE_TYPES: [string, string][] = [
  ["market", "农贸市场"],
  ["road", "主次干道"],
  ["alley", "背街小巷"],
  ["community", "居民小区"],
  ["park", "公园广场"],
  ["station", "公共交通站点"],
];
const DEPARTMENTS: [string, string][] = [
  ["cgj", "城市管理局"],
  ["scj", "市场监督管理局"],
  ["jj", "公安局交通警察支队"],
  ["zjj", "住房和城乡建设局"],
  ["sthj", "生态环境局"],
  ["jtj", "交通运输局"],
  ["wmb", "文明办"],
  ["jyj", "教育局"],
];
const CHECK_NAMES = [
  "地面有积水、垃圾",
  "占道经营",
  "乱停乱放",
  "乱贴乱画",
  "公益广告缺失",
  "设施破损未修复",
  "垃圾分类不规范",
  "无障碍设施被占用",
  "车辆不礼让行人",
  "噪声扰民",
];

export interface SyntheticOptions {
  readonly cities?: number;
  readonly sitesPerType?: number;
  readonly seed?: number;
  /** Problems per check at a site are drawn up to this count (more gives longer lists). */
  readonly maxCount?: number;
  /** Ids of cities left out of the round (their random draws still happen, so the others stay the same). */
  readonly omit?: readonly string[];
}

/** The synthetic rule set as data. */
export function syntheticRulesetData(): Record<string, unknown> {
  let q = 0;
  let k = 0;
  const categories = CATEGORIES.map((name, c) => {
    const cid = `C${c + 1}`;
    const standards: Record<string, unknown>[] = [];
    for (let s = 0; s < 4; s++) {
      const sid = `S${c + 1}.${s + 1}`;
      const responsible = [DEPARTMENTS[(c + s) % DEPARTMENTS.length]?.[0], DEPARTMENTS[(c + 2 * s + 1) % DEPARTMENTS.length]?.[0]];
      const kind = (c + s) % 4;
      if (kind === 0 || kind === 3) {
        standards.push({
          id: sid,
          name: `${name}实地考察${s + 1}`,
          points: 30,
          method: "field",
          responsible: [...new Set(responsible)],
          siteTypes: [SITE_TYPES[(c + s) % SITE_TYPES.length]?.[0], SITE_TYPES[(c + s + 2) % SITE_TYPES.length]?.[0]],
          maxPerSite: 12,
          checks: Array.from({ length: 5 }, (_, i) => ({
            id: `K${String(++k).padStart(3, "0")}`,
            name: CHECK_NAMES[(c * 3 + s + i) % CHECK_NAMES.length],
            deduction: 1 + ((c + i) % 3),
          })),
        });
      } else if (kind === 1) {
        standards.push({
          id: sid,
          name: `${name}群众满意度`,
          points: 20,
          method: "survey",
          responsible: [responsible[0]],
          question: `Q${++q}`,
          positive: ["A", "B"],
          floor: 0.5,
          target: 0.9,
          minResponses: 20,
        });
      } else {
        standards.push(
          c % 2 === 0
            ? { id: sid, name: `${name}工作材料`, points: 20, method: "document", responsible: [responsible[1]] }
            : {
                id: sid,
                name: `${name}统计指标`,
                points: 20,
                method: "data",
                responsible: [],
                fact: `metric_${c + 1}`,
                floor: 40,
                target: 90,
              },
        );
      }
    }
    return { id: cid, name, contents: [{ id: `${cid}.1`, name: `${name}测评内容`, standards }] };
  });
  return {
    id: "synthetic",
    version: "2021.1.0",
    title: "全国文明城市测评体系（测试样例）",
    effectiveFrom: "2021-01-01",
    grades: [
      { id: "excellent", name: "优秀", minRatio: 0.9 },
      { id: "pass", name: "合格", minRatio: 0.7 },
      { id: "fail", name: "不合格", minRatio: 0 },
    ],
    departments: DEPARTMENTS.map(([id, name]) => ({ id, name })),
    siteTypes: SITE_TYPES.map(([id, name]) => ({ id, name })),
    categories,
    adjustments: [
      {
        id: "V01",
        kind: "veto",
        name: "发生重大安全生产责任事故",
        conditions: { any: [{ fact: "major_accidents", operator: "greaterThan", value: 0 }] },
      },
      {
        id: "P01",
        kind: "penalty",
        name: "严重不文明行为被中央媒体曝光",
        points: 10,
        conditions: { all: [{ fact: "exposed_incidents", operator: "greaterThanInclusive", value: 1 }] },
      },
    ],
  };
}

const CITY_NAMES = ["杭州市", "宁波市", "温州市", "绍兴市", "湖州市", "嘉兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市", "义乌市"];

/** A synthetic round: the rule set and its real results. */
export async function syntheticRound(options: SyntheticOptions = {}): Promise<{ ruleset: Ruleset; results: Results }> {
  const random = prng(options.seed ?? 7);
  const ruleset = parseRuleset(syntheticRulesetData());
  const cityCount = options.cities ?? 6;
  const perType = options.sitesPerType ?? 2;
  const maxCount = options.maxCount ?? 2;
  const round = "2024";
  const cities: EvidenceRow[] = [];
  const sites: EvidenceRow[] = [];
  const field: EvidenceRow[] = [];
  const survey: EvidenceRow[] = [];
  const documents: EvidenceRow[] = [];
  const facts: EvidenceRow[] = [];
  for (let i = 0; i < cityCount; i++) {
    const cityId = `c${String(i + 1).padStart(2, "0")}`;
    const name = CITY_NAMES[i] ?? `测试${i + 1}市`;
    cities.push({ city_id: cityId, name, peer_group: i % 3 === 0 ? "省会及副省级" : "地级市" });
    const quality = 0.55 + random() * 0.45;
    for (const [type, typeName] of SITE_TYPES) {
      for (let n = 0; n < perType; n++) {
        const siteId = `${cityId}-${type}-${n + 1}`;
        sites.push({
          round,
          city_id: cityId,
          site_id: siteId,
          site_type: type,
          visited_at: `2024-05-${String(1 + ((i + n) % 28)).padStart(2, "0")}`,
          assessor: ["张伟", "王芳", "李娜", "刘洋"][(i + n) % 4] ?? "",
        });
        for (const [checkId, { standard }] of ruleset.index.checkById) {
          if (!standard.siteTypes.includes(type)) continue;
          if (random() < quality) continue;
          const count = 1 + Math.floor(random() * maxCount);
          field.push({
            round,
            city_id: cityId,
            site_id: siteId,
            check_id: checkId,
            count: String(count),
            note: `${typeName}${n + 1}号点位发现`,
          });
        }
      }
    }
    for (const question of ruleset.index.surveyQuestions) {
      for (let r = 0; r < 40; r++) {
        survey.push({ round, city_id: cityId, respondent_id: `r${r}`, question_id: question, answer: random() < quality ? "A" : "C" });
      }
    }
    for (const { standard } of ruleset.index.standards) {
      if (standard.method === "document") {
        const v = random();
        documents.push({
          round,
          city_id: cityId,
          standard_id: standard.id,
          verdict: v < quality - 0.2 ? "met" : v < quality + 0.2 ? "partial" : "unmet",
          reviewer: "赵敏",
        });
      }
      if (standard.method === "data" && i !== 1) {
        facts.push({ round, city_id: cityId, fact: standard.fact, value: String(Math.round(40 + quality * 55)) });
      }
    }
    facts.push({ round, city_id: cityId, fact: "major_accidents", value: i === 2 ? "1" : "0" });
    if (i === 1) facts.push({ round, city_id: cityId, fact: "exposed_incidents", value: "2" });
  }
  field.push({ round, city_id: "zz", site_id: "x", check_id: "K001", count: "1" });
  field.push({ round, city_id: "c01", site_id: "c01-market-1", check_id: "K001", count: "-1" });
  survey.push({ round, city_id: "c01", respondent_id: "r0", question_id: "Q999", answer: "A" });
  const omitted = new Set(options.omit ?? []);
  const keep = (rows: EvidenceRow[]) => rows.filter((row) => !omitted.has(row.city_id ?? ""));
  const evidence = { cities, sites, field, survey, documents, facts };
  const results = await scoreRound({
    ruleset,
    round,
    evidence: omitted.size === 0 ? evidence : Object.fromEntries(Object.entries(evidence).map(([kind, rows]) => [kind, keep(rows)])),
  });
  return { ruleset, results };
}
