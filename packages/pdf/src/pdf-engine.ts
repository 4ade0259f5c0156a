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

/**
 * The longest text a PDF shows of one value (a name, a note, an id), in characters. Evidence
 * is not trusted: pdfmake lays out a long unbreakable text in time that grows much faster than
 * its length (20,000 characters take minutes), so longer texts are cut with an ellipsis. The
 * full values stay in results.json and the CSVs.
 */
export const MAX_TEXT = 200;

/** An image given inline (a photo's thumbnail), which is data, not text to bound. */
const isImageData = (value: string) => value.startsWith("data:image/");

/**
 * `value` with every string longer than MAX_TEXT cut (in place: the definition is fresh); a
 * function (a page header or footer) has what it returns cut. Inline images are left whole.
 */
function boundTexts(value: unknown): unknown {
  if (typeof value === "string")
    return value.length > MAX_TEXT && !isImageData(value) ? `${[...value].slice(0, MAX_TEXT).join("")}…` : value;
  if (typeof value === "function") return (...args: unknown[]) => boundTexts((value as (...a: unknown[]) => unknown)(...args));
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = boundTexts(value[i]);
  } else if (typeof value === "object" && value !== null && !ArrayBuffer.isView(value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = boundTexts(record[key]);
  }
  return value;
}

/** Renders a (fresh, never reused) document definition to PDF bytes. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configurePdfmake();
  return pdfmake.createPdf(boundTexts(definition) as TDocumentDefinitions).getBuffer();
}
