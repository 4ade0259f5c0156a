/**
 * The words of a feedback notice (测评问题反馈单), the same in its PDF and its .docx: column
 * titles, dates written the Chinese way, the deadline and what it asks of the city, how points
 * lost are counted, and each cell's text. The writers only lay them out.
 */
import type { FeedbackNotice, NoticeAdjustment, NoticeAppeal, NoticeItem } from "./notice.js";
import { DECISION_NAMES } from "./notice.js";

/** The columns of a notice's problem table, in order. */
export const NOTICE_COLUMNS = ["序号", "测评标准", "问题（测评细则）", "点位", "数量", "扣分", "照片", "城市反馈（申诉/整改）"] as const;

/** How points lost are counted, said once under the table. */
export const NOTICE_LOSS_NOTE =
  "“扣分”为每处扣分 × 数量（实地考察问题，按点位封顶与点位平均之前）；材料审核、网上申报等标准为满分与得分之差。" +
  "申诉请写明申诉编号、理由并附证明材料；整改请写明措施与完成时限。";

/** The lines to sign at the foot of a notice. */
export const NOTICE_SIGNATURES =
  "测评机构（盖章）：__________________        城市联络人（签字）：__________________        日期：__________";

/** Points as a notice shows them: at most two decimals, no trailing zeros (`6`, `2.5`, `0.33`). */
export function formatPoints(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** `2024-07-05` as `2024年7月5日`. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The report date as shown. */
export const reportDateText = (notice: FeedbackNotice) => (notice.reportDate === null ? "（未注明）" : chineseDate(notice.reportDate));

/** The deadline as shown: a date, or N days from receipt without a report date. */
export const deadlineText = (notice: FeedbackNotice) =>
  notice.deadline === null ? `自本单送达之日起 ${notice.appealDays} 日内` : chineseDate(notice.deadline);

/** The sentence telling the city what to do by when. */
export function deadlineSentence(notice: FeedbackNotice): string {
  const by = notice.deadline === null ? `请自本单送达之日起 ${notice.appealDays} 日内` : `请于 ${chineseDate(notice.deadline)} 前`;
  return `${by}，在“城市反馈”栏逐项填写申诉理由或整改措施，加盖公章后反馈测评机构；逾期未反馈的，视为对所列问题无异议。`;
}

/** The city's score as shown, marked while appeals are pending. */
export const scoreText = (notice: FeedbackNotice) =>
  `${formatPoints(notice.score)} / ${formatPoints(notice.max)}${notice.provisional ? "（暂定，申诉待复核）" : ""}`;

/** The line under the title: city, round, rule set. */
export const subtitleText = (notice: FeedbackNotice) =>
  `${notice.cityName}（${notice.cityId}） · 测评轮次 ${notice.round} · ${notice.ruleset.title}（${notice.ruleset.id}@${notice.ruleset.version}）`;

/** The standard cell. */
export const standardText = (item: NoticeItem) => `${item.standardId} ${item.standardName}`;

/** The problem cell's first line: the check, or the standard's own shortfall. */
export const problemText = (item: NoticeItem) =>
  item.checkId === null ? "标准得分未达满分" : `${item.checkId} ${item.checkName ?? ""}`.trim();

/** The site cell: id and type, or a dash. */
export const siteText = (item: NoticeItem) =>
  item.siteId === null ? "—" : `${item.siteId}${item.siteType === null ? "" : `（${item.siteType}）`}`;

/** An appeal already on a problem. */
export const appealText = (appeal: NoticeAppeal) => `已申诉 ${appeal.appealId}：${DECISION_NAMES[appeal.decision]}`;

/** A veto or penalty that holds. */
export const adjustmentText = (a: NoticeAdjustment) =>
  `${a.id} ${a.name}：${a.kind === "veto" ? "一票否决" : `扣 ${formatPoints(a.points ?? 0)} 分`}`;
