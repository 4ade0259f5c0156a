/**
 * @civitas/docx — editable Word documents (.docx, for WPS and Word) of Civitas results: the
 * feedback notice a city receives (测评问题反馈单), with every problem, its photo and a blank
 * column for the city's response. Depends only on @civitas/core; output is reproducible.
 *
 * @example
 * import { feedbackNotices, noticePhotoNames } from "@civitas/core";
 * import { renderNoticeDocx } from "@civitas/docx";
 * const [notice] = feedbackNotices(results, { ruleset, reportDate: "2024-06-30" });
 * const bytes = await renderNoticeDocx(notice, photos);
 *
 * @packageDocumentation
 */

export { renderNoticeDocx } from "./render-notice.js";
export { noticeDocument } from "./notice-document.js";
