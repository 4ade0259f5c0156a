/**
 * `renderNoticePdf`: a city's feedback notice (测评问题反馈单) as PDF bytes.
 */
import type { FeedbackNotice, NoticePhoto } from "@civitas/core";
import { resolveDocumentDate } from "./document-date.js";
import { noticeDocument } from "./notice/notice-document.js";
import { renderPdf } from "./pdf-engine.js";

/**
 * Renders a feedback notice; `photos` gives each photo name's thumbnail or fault
 * (`loadThumbnails` of @civitas/photos; a name it lacks is shown as missing). Dated by the
 * notice's report date (else as every PDF: SOURCE_DATE_EPOCH, else a fixed date). The same
 * notice and photos give byte-identical PDFs.
 *
 * @example
 * const [notice] = feedbackNotices(results, { ruleset, reportDate: "2024-06-30" });
 * await writeFile("hz.pdf", await renderNoticePdf(notice, photos));
 */
export async function renderNoticePdf(notice: FeedbackNotice, photos: ReadonlyMap<string, NoticePhoto> = new Map()): Promise<Buffer> {
  return renderPdf(noticeDocument(notice, photos, resolveDocumentDate(notice.reportDate ?? undefined)));
}
