/**
 * The content of a city's feedback notice (测评问题反馈单, SPEC section 8) as data, for the PDF and
 * .docx writers: every problem of the city — standard, check, site, count, points lost, the
 * inspector's notes and photo names, the appeals already on it — the vetoes and penalties that
 * hold, and the deadline for appeals: the report date + N calendar days (default 5). Core has
 * no clock: without a report date the deadline is N days from receipt of the notice, and the
 * notice says so.
 */
import { type NameBook, nameBookOf, Names } from "../names.js";
import type { AppealDecision } from "../evidence/values.js";
import { isIsoDate } from "../ruleset/versions.js";
import type { CityResult, Results } from "../results/model.js";
import type { Ruleset } from "../ruleset/model.js";
import type { Method } from "../ruleset/schema.js";

/** Days a city has to appeal unless told otherwise. */
export const DEFAULT_APPEAL_DAYS = 5;

/** An appeal already filed on a problem, with its decision so far. */
export interface NoticeAppeal {
  readonly appealId: string;
  readonly decision: AppealDecision;
}

/** One problem on a notice. */
export interface NoticeItem {
  /** 1-based number on the notice (序号). */
  readonly number: number;
  readonly standardId: string;
  readonly standardName: string;
  /** How the standard is scored (a survey's measured rate is not appealed). */
  readonly method: Method;
  readonly checkId: string | null;
  readonly checkName: string | null;
  readonly siteId: string | null;
  /** The site type's name (field problems), from the standard's evidence. */
  readonly siteType: string | null;
  /** Problems counted (field problems); null for a standard scored below its max. */
  readonly count: number | null;
  /** Points lost: deduction × count before caps (field), or max − score. */
  readonly loss: number;
  readonly responsible: readonly string[];
  readonly notes: readonly string[];
  /** Photo names as field.csv wrote them (relative to the evidence directory). */
  readonly photos: readonly string[];
  readonly appeals: readonly NoticeAppeal[];
}

/** A veto or penalty that holds for the city (it may be appealed too). */
export interface NoticeAdjustment {
  readonly id: string;
  readonly kind: "veto" | "penalty";
  readonly name: string;
  readonly points: number | null;
}

/** A city's feedback notice. */
export interface FeedbackNotice {
  readonly cityId: string;
  readonly cityName: string;
  readonly round: string;
  readonly ruleset: { readonly id: string; readonly version: string; readonly title: string; readonly hash: string };
  /** The report date (YYYY-MM-DD), or null when none was given. */
  readonly reportDate: string | null;
  readonly appealDays: number;
  /** reportDate + appealDays (YYYY-MM-DD), or null without a report date (then: N days from receipt). */
  readonly deadline: string | null;
  readonly score: number;
  readonly max: number;
  readonly scoreBeforeAppeals: number;
  readonly provisional: boolean;
  readonly items: readonly NoticeItem[];
  readonly adjustments: readonly NoticeAdjustment[];
}

/** Options of `feedbackNotices`. */
export interface FeedbackOptions {
  /** The rule set the results were scored with (names of site types and departments). */
  readonly ruleset?: Ruleset;
  /** Calendar days for appeals (a whole number ≥ 0; default 5). */
  readonly appealDays?: number;
  /** The report date, YYYY-MM-DD. */
  readonly reportDate?: string;
}

/**
 * A photo as a notice writer receives it: a thumbnail (JPEG bytes and size), or why it cannot
 * be shown (`@civitas/photos` gives exactly this shape).
 */
export type NoticePhoto =
  | { readonly ok: true; readonly thumbnail: { readonly jpeg: Uint8Array; readonly width: number; readonly height: number } }
  | { readonly ok: false; readonly fault: { readonly code: string; readonly name: string; readonly message: string } };

const PHOTO_FAULT_LABELS: Readonly<Record<string, string>> = {
  missing: "照片缺失",
  outside: "照片不在证据目录内，未读取",
  not_image: "不是 JPEG 或 PNG 图片",
  too_large: "照片过大，未显示",
  unreadable: "照片无法读取",
};

/** What a notice says of a photo that is not shown, e.g. `照片缺失：photos/x.jpg`. */
export function photoFaultText(fault: { readonly code: string; readonly name: string }): string {
  return `${PHOTO_FAULT_LABELS[fault.code] ?? "照片无法显示"}：${fault.name}`;
}

/** Every photo name the notices show, each once, in order of appearance. */
export function noticePhotoNames(notices: readonly FeedbackNotice[]): string[] {
  return [...new Set(notices.flatMap((notice) => notice.items.flatMap((item) => item.photos)))];
}

/** The decision of an appeal on a notice, in Chinese (待复核, 维持, 改判, 撤销). */
export const DECISION_NAMES: Readonly<Record<AppealDecision, string>> = {
  pending: "待复核",
  upheld: "维持",
  revised: "改判",
  withdrawn: "撤销",
};

/** `date` (YYYY-MM-DD) + `days` calendar days. */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Site id → site type of a city, from its field standards' evidence (sites that lost points). */
function siteTypesOf(city: CityResult): Map<string, string> {
  const types = new Map<string, string>();
  for (const standard of city.standards) {
    if (standard.evidence?.method !== "field") continue;
    for (const site of standard.evidence.sites) types.set(site.siteId, site.siteType);
  }
  return types;
}

/** The notice of one city. */
export function feedbackNotice(results: Results, city: CityResult, options: FeedbackOptions = {}, book?: NameBook): FeedbackNotice {
  const names = new Names(book ?? nameBookOf(options.ruleset, results));
  const appealDays = options.appealDays ?? DEFAULT_APPEAL_DAYS;
  if (!Number.isInteger(appealDays) || appealDays < 0) throw new RangeError(`appeal days must be a whole number ≥ 0: ${appealDays}`);
  const reportDate = options.reportDate ?? null;
  const decisions = new Map(city.appeals.map((a) => [a.appealId, a.decision]));
  const siteTypes = siteTypesOf(city);
  const methods = new Map(city.standards.map((s) => [s.id, s.method]));
  const items = city.problems.map((problem, i): NoticeItem => {
    const siteType = problem.siteId === null ? undefined : siteTypes.get(problem.siteId);
    return {
      number: i + 1,
      standardId: problem.standardId,
      standardName: names.standard(problem.standardId, problem.standardName),
      method: methods.get(problem.standardId) ?? (problem.checkId === null ? "document" : "field"),
      checkId: problem.checkId,
      checkName: problem.checkId === null ? null : (problem.checkName ?? names.check(problem.checkId)),
      siteId: problem.siteId,
      siteType: siteType === undefined ? null : names.siteType(siteType),
      count: problem.count ?? null,
      loss: problem.loss,
      responsible: names.departments(problem.responsible),
      notes: problem.notes ?? [],
      photos: problem.photos ?? [],
      appeals: (problem.appeals ?? []).map((appealId) => ({ appealId, decision: decisions.get(appealId) ?? "pending" })),
    };
  });
  return {
    cityId: city.cityId,
    cityName: city.name,
    round: results.round,
    ruleset: { id: results.ruleset.id, version: results.ruleset.version, title: results.ruleset.title, hash: results.ruleset.hash },
    reportDate,
    appealDays,
    deadline: reportDate === null ? null : addDays(reportDate, appealDays),
    score: city.score,
    max: city.max,
    scoreBeforeAppeals: city.scoreBeforeAppeals,
    provisional: city.provisional,
    items,
    adjustments: city.adjustments.map((a) => ({ id: a.id, kind: a.kind, name: a.name, points: a.points ?? null })),
  };
}

/**
 * Every city's feedback notice, in city order.
 *
 * @example
 * const notices = feedbackNotices(results, { ruleset, reportDate: "2024-06-30" }); // deadline 2024-07-05
 */
export function feedbackNotices(results: Results, options: FeedbackOptions = {}): FeedbackNotice[] {
  if (options.reportDate !== undefined && !isIsoDate(options.reportDate))
    throw new RangeError(`not a date (YYYY-MM-DD): ${options.reportDate}`);
  const book = nameBookOf(options.ruleset, results);
  return results.cities.map((city) => feedbackNotice(results, city, options, book));
}
