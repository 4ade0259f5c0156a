/**
 * Survey-export builders: a map and a wide export as 问卷星 or KoboToolbox write them, so that
 * each survey-import test shows only the cells that matter to it.
 */
import type { SurveyExport } from "../../src/index.js";

type Data = Record<string, unknown>;

/** 问卷星's satisfaction answers → codes A–E. */
export const SATISFACTION = { 非常满意: "A", 满意: "B", 一般: "C", 不满意: "D", 非常不满意: "E" };

/**
 * A 问卷星 map: round 2024, city from `1、` with 杭州市 and 宁波市, questions Q01 (`3、`) and Q02
 * (`4、`) with the satisfaction answers; `extra` replaces top-level keys.
 */
export const wjxMap = (extra: Data = {}): Data => ({
  platform: "wjx",
  round: 2024,
  city: { column: "1、", values: { 杭州市: "hangzhou", 宁波市: "ningbo" } },
  questions: {
    Q01: { column: "3、", answers: SATISFACTION },
    Q02: { column: "4、", answers: SATISFACTION },
  },
  ...extra,
});

/** 问卷星's header: 序号, 提交答卷时间, 所用时间, 来自IP, then the numbered questions. */
export const WJX_HEADER = [
  "序号",
  "提交答卷时间",
  "所用时间",
  "来自IP",
  "1、您所在的城市：",
  "2、您的年龄段：",
  "3、您对本市市容环境满意吗？",
  "4、您对本市交通秩序满意吗？",
];

/** One 问卷星 respondent row: id, time taken, IP, city, Q01 and Q02 answers (age 18-30 between). */
export const wjxRow = (
  id: number | string,
  city: string,
  q1: string,
  q2: string,
  options: { seconds?: string; ip?: string } = {},
): string[] => [
  String(id),
  "2024/5/1 10:00:00",
  options.seconds ?? "2分10秒",
  options.ip ?? `10.0.0.${id}(浙江-杭州)`,
  city,
  "18-30岁",
  q1,
  q2,
];

/** A 问卷星 export of `rows` (the header first), named `file`. */
export const wjxExport = (rows: string[][], file = "wjx.csv"): SurveyExport => ({ file, rows: [WJX_HEADER, ...rows] });

/** A KoboToolbox map: XML names in group `g_sat`, city by constant, answers as labels. */
export const koboMap = (extra: Data = {}): Data => ({
  platform: "kobo",
  round: "2024",
  city: { column: "city", values: { Hangzhou: "hangzhou", Ningbo: "ningbo" } },
  questions: {
    Q01: { column: "q_env", answers: { "Very satisfied": "A", Satisfied: "B", Neutral: "C", Dissatisfied: "D" } },
  },
  ...extra,
});

/** KoboToolbox's header: start, end, the grouped questions, _uuid. */
export const KOBO_HEADER = ["start", "end", "g_info/city", "g_sat/q_env", "_uuid"];

/** One KoboToolbox row. */
export const koboRow = (uuid: string, city: string, env: string, times: { start?: string; end?: string } = {}): string[] => [
  times.start ?? "2024-05-01T10:00:00.000+08:00",
  times.end ?? "2024-05-01T10:05:00.000+08:00",
  city,
  env,
  uuid,
];
