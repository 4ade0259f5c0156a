/**
 * Reading PDFs back in tests with pdfjs-dist (no poppler needed): the text of every page
 * (glyph runs joined, whitespace removed, so CJK text matches as written) and the page count.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfText {
  readonly pages: readonly string[];
  /** All pages' text, joined. */
  readonly all: string;
}

/** Extracts the text of each page, without whitespace. */
export async function pdfText(pdf: Uint8Array): Promise<PdfText> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join("")
        .replace(/\s+/g, ""),
    );
  }
  await document.destroy();
  return { pages, all: pages.join("\n") };
}

/** Text without whitespace, as `pdfText` gives it. */
export const squeeze = (text: string): string => text.replace(/\s+/g, "");
