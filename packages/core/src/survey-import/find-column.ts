/**
 * Finding a column of an export by the text a survey map gives (SPEC section 7): the header
 * that is exactly the text; for KoboToolbox, else the one whose group path (`group/sub/q`) ends
 * with it (`q`, or `sub/q`); else the one header that starts with it (问卷星 numbers its columns
 * `3、您对…满意吗？`, so `3、` finds it). Two headers that fit at the same step are an issue
 * naming both, none an issue too: the map is fixed before any row is read.
 */
import type { SurveyPlatform } from "./map-schema.js";

/** A header cell as compared: without a byte-order mark and surrounding spaces. */
export function headerText(cell: string): string {
  return cell.replace(/^\uFEFF/, "").trim();
}

/** Where a column was found, or why not. */
export type ColumnFound =
  | { readonly ok: true; readonly index: number }
  | { readonly ok: false; readonly code: "unknown_column" | "ambiguous_column"; readonly message: string };

const quoted = (text: string) => JSON.stringify(text);

/** The headers at `indexes`, as a message names them: `"3、您满意吗？" (column 4)`. */
function named(header: readonly string[], indexes: readonly number[]): string {
  return indexes.map((i) => `${quoted(header[i] ?? "")} (column ${i + 1})`).join(" and ");
}

/**
 * The column of `header` (already `headerText`-ed) that `text` names on `platform`.
 *
 * @example
 * findColumn(["序号", "3、您对市容满意吗？", "13、您对交通满意吗？"], "3、", "wjx"); // { ok: true, index: 1 }
 */
export function findColumn(header: readonly string[], text: string, platform: SurveyPlatform): ColumnFound {
  const steps: Array<{ fits: (h: string) => boolean; many: (n: number) => string }> = [
    { fits: (h) => h === text, many: (n) => `the header ${quoted(text)} appears ${n} times` },
  ];
  if (platform === "kobo") {
    steps.push({ fits: (h) => h.endsWith(`/${text}`), many: (n) => `${n} headers have a group path ending in ${quoted(`/${text}`)}` });
  }
  steps.push({ fits: (h) => h.startsWith(text), many: (n) => `${n} headers start with ${quoted(text)}` });
  for (const { fits, many } of steps) {
    const found: number[] = [];
    header.forEach((h, i) => {
      if (fits(h)) found.push(i);
    });
    if (found.length === 1) return { ok: true, index: found[0] as number };
    if (found.length > 1) {
      const shown = `${named(header, found.slice(0, 3))}${found.length > 3 ? ", …" : ""}`;
      return { ok: false, code: "ambiguous_column", message: `${many(found.length)} (${shown}): write enough of the one meant` };
    }
  }
  return { ok: false, code: "unknown_column", message: `no header is or starts with ${quoted(text)}` };
}
