/**
 * A feedback notice rendered as .docx bytes, reproducibly: the document's creation and
 * modification dates are the report date (else a fixed date, never the clock), and every zip
 * entry carries one fixed time (`reproducible-zip.ts`), so the same notice gives the same bytes.
 */
import type { FeedbackNotice, NoticePhoto } from "@civitas/core";
import { Packer } from "docx";
import { noticeDocument } from "./notice-document.js";
import { fixZipTimes } from "./reproducible-zip.js";

/** When the notice has no report date: 2000-01-01 (as the PDFs). */
const FALLBACK_DATE = "2000-01-01";

const escapeXml = (value: string) =>
  value.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] as string);

/** docProps/core.xml with the notice's own date instead of the clock's. */
function coreProperties(notice: FeedbackNotice): string {
  const at = `${notice.reportDate ?? FALLBACK_DATE}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(`测评问题反馈单 ${notice.cityName} ${notice.round}`)}</dc:title>` +
    `<dc:description>${escapeXml(`${notice.ruleset.id}@${notice.ruleset.version} ${notice.ruleset.hash}`)}</dc:description>` +
    "<dc:creator>Civitas</dc:creator><cp:lastModifiedBy>Civitas</cp:lastModifiedBy><cp:revision>1</cp:revision>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/**
 * A city's feedback notice as a .docx file (editable in WPS and Word). `photos` gives each
 * photo name's thumbnail or fault (`loadThumbnails` of @civitas/photos); a name it lacks is
 * shown as missing.
 *
 * @example
 * const [notice] = feedbackNotices(results, { ruleset, reportDate: "2024-06-30" });
 * const bytes = await renderNoticeDocx(notice, await loadThumbnails(evidenceDir, noticePhotoNames([notice])));
 */
export async function renderNoticeDocx(notice: FeedbackNotice, photos: ReadonlyMap<string, NoticePhoto> = new Map()): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(noticeDocument(notice, photos), undefined, [
    { path: "docProps/core.xml", data: coreProperties(notice) },
  ]);
  return fixZipTimes(new Uint8Array(buffer), notice.reportDate ?? FALLBACK_DATE);
}
