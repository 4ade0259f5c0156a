/**
 * The fonts every document uses: Noto Sans SC Regular and Bold, read from the
 * `@expo-google-fonts/noto-sans-sc` package (never from the system), so a PDF looks the same
 * on every machine. pdfmake embeds only the glyphs a document uses (a subset). Why this
 * package (it installs all nine weights) and not a smaller one: DEVELOPERS.md, "Packaging".
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The font family name documents refer to. */
export const FONT_FAMILY = "NotoSansSC";

/** Virtual file names of the two styles inside pdfmake's virtual file system. */
export const FONT_FILES = {
  normal: "NotoSansSC-Regular.ttf",
  bold: "NotoSansSC-Bold.ttf",
} as const;

const PACKAGE_FILES = {
  normal: join("400Regular", "NotoSansSC_400Regular.ttf"),
  bold: join("700Bold", "NotoSansSC_700Bold.ttf"),
} as const;

/** Where the font package is installed. */
function fontPackageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("@expo-google-fonts/noto-sans-sc/package.json"));
}

/** Reads both font files (about 10 MB each); call once per process. */
export function readFontFiles(): { readonly normal: Buffer; readonly bold: Buffer } {
  const dir = fontPackageDir();
  return { normal: readFileSync(join(dir, PACKAGE_FILES.normal)), bold: readFileSync(join(dir, PACKAGE_FILES.bold)) };
}
