/**
 * The shell of every document: the shared base (A4, fonts, styles), the info dictionary with
 * the document date (never the clock), the running header and footer, and headings kept with
 * their content. Built fresh on every call (pdfmake mutates definitions).
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { keepHeadingsWithContent } from "./blocks.js";
import type { DocumentDate } from "./document-date.js";
import { type FrameText, pageFooter, pageHeader } from "./page-frame.js";
import { baseDocument } from "./theme.js";

/** What the info dictionary says besides the dates. */
export interface DocumentInfo {
  readonly title: string;
  readonly subject: string;
  readonly creator: string;
  readonly keywords: string;
}

/** A complete document definition around `content`. */
export function framedDocument(frame: FrameText, info: DocumentInfo, date: DocumentDate, content: Content[]): TDocumentDefinitions {
  return {
    ...baseDocument(),
    info: {
      title: info.title,
      subject: info.subject,
      author: "Civitas",
      creator: info.creator,
      producer: "Civitas (pdfmake)",
      keywords: info.keywords,
      creationDate: new Date(date.date.getTime()),
      modDate: new Date(date.date.getTime()),
    },
    header: pageHeader(frame),
    footer: pageFooter(frame),
    pageBreakBefore: keepHeadingsWithContent,
    content,
  };
}
