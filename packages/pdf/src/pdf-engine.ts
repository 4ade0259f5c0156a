/**
 * The one place that talks to pdfmake. pdfmake is a process-wide singleton: it is configured
 * once (fonts preloaded into its virtual file system, no URL access, no local file access)
 * and then turns a document definition into a PDF buffer. pdfmake mutates the definition it
 * is given, so callers must build a fresh one for every document.
 */
import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";
import { FONT_FAMILY, FONT_FILES, readFontFiles } from "./fonts.js";

interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

let configured = false;

/** Configures the pdfmake singleton (idempotent). */
export function configurePdfmake(): void {
  if (configured) return;
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  if (!vfs.existsSync(FONT_FILES.normal) || !vfs.existsSync(FONT_FILES.bold)) {
    const files = readFontFiles();
    vfs.writeFileSync(FONT_FILES.normal, files.normal);
    vfs.writeFileSync(FONT_FILES.bold, files.bold);
  }
  pdfmake.addFonts({
    [FONT_FAMILY]: { normal: FONT_FILES.normal, bold: FONT_FILES.bold, italics: FONT_FILES.normal, bolditalics: FONT_FILES.bold },
  });
  // Documents are built from data only: nothing may be fetched or read from disk.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
}

/** Renders a (fresh, never reused) document definition to PDF bytes. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configurePdfmake();
  return pdfmake.createPdf(definition).getBuffer();
}
