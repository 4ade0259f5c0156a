/**
 * Warnings about what an evidence directory holds besides the files Civitas reads. A file the
 * user meant as evidence but named otherwise — `Field.csv`, `field.xlsx`, `survey (1).csv`,
 * `sites - 副本.csv`, `实地考察.csv` — would leave its rows out and the scores higher, so each
 * is named with the name it needed. Folders are looked into one level deep for files named as
 * evidence (`2024/field.csv`). Other files are named too, all of them in one warning when there
 * are many. Left out silently: hidden entries (`.DS_Store`, `._cities.csv`), Office lock files
 * (`~$field.xlsx`), Windows' `Thumbs.db` and `desktop.ini`, notes in Markdown (`README.md`), the inputs of
 * other commands (`register.csv`, `inspectors.csv`, `rectification.csv`, `survey-map.yaml`), and
 * images (the photos that `field.csv`'s `photo` column names).
 */
import { type Dirent, readdirSync } from "node:fs";
import { join } from "node:path";

/** Other files named one warning each up to this many; more are listed in one warning. */
const MAX_LISTED = 10;

const IMAGE = /\.(jpe?g|png|gif|webp|heic|heif|bmp|tiff?)$/i;
const NOTES = /\.(md|markdown)$/i;
/**
 * Inputs of Civitas's other commands, which offices keep beside the evidence: the site register
 * and the inspectors of `civitas sample`, the event log of `civitas ledger`, a survey map.
 */
const OTHER_INPUTS = /^(register|inspectors|rectification)\.(csv|xlsx)$|^survey-map\.ya?ml$/;
const SYSTEM_FILES = new Set(["thumbs.db", "desktop.ini"]);
const WORKBOOK = /^(xlsx|xlsm|xls|et|ods|numbers)$/i;

/**
 * Other names of the evidence tables: the Chinese ones (as SPEC section 6 names workbook
 * sheets) and the singular or plural a hurried hand writes.
 */
const OTHER_NAMES: Readonly<Record<string, string>> = {
  城市: "cities",
  点位: "sites",
  实地考察: "field",
  问卷调查: "survey",
  材料审核: "documents",
  统计数据: "facts",
  city: "cities",
  site: "sites",
  fields: "field",
  surveys: "survey",
  document: "documents",
  fact: "facts",
};

/** An entry of the evidence directory that is not read, and the evidence files it probably holds. */
export interface UnreadEntry {
  readonly message: string;
  readonly meant: readonly string[];
}

/** Entries neither read nor worth a word. */
const ignored = (entry: Dirent) =>
  entry.name.startsWith(".") ||
  entry.name.startsWith("~$") ||
  SYSTEM_FILES.has(entry.name.toLowerCase()) ||
  IMAGE.test(entry.name) ||
  NOTES.test(entry.name) ||
  OTHER_INPUTS.test(entry.name);

/** `name` split at its first dot: `field (1).csv.bak` → `field (1)`, `csv.bak`. */
function splitName(name: string): { stem: string; extension: string } {
  const dot = name.indexOf(".", 1);
  return dot < 0 ? { stem: name, extension: "" } : { stem: name.slice(0, dot), extension: name.slice(dot + 1) };
}

/**
 * The evidence file `name` was probably meant as, and why it is not read; undefined for a name
 * that looks like no evidence file.
 */
function meantFor(name: string, known: readonly string[], present: ReadonlySet<string>): { file: string; why: string } | undefined {
  const lower = name.toLowerCase();
  const { stem, extension } = splitName(lower);
  const exact = known.find((file) => file === lower);
  if (exact !== undefined) return { file: exact, why: `evidence file names are lower case (${exact})` };
  const alias = OTHER_NAMES[stem];
  const same = known.find((file) => splitName(file).stem === (alias ?? stem));
  if (same !== undefined) {
    if (present.has(same)) return { file: same, why: `only ${same} is` };
    if (alias !== undefined && extension === "csv") return { file: same, why: `the file must be named ${same}` };
    const what = WORKBOOK.test(extension) ? "a workbook" : extension === "" ? "a file without the .csv extension" : `a .${extension} file`;
    return { file: same, why: `it is ${what}, and evidence is read from CSV files only: save it as ${same} (CSV UTF-8)` };
  }
  // a copy or another version: the evidence name followed by anything but a letter
  const variant = known.find((file) => {
    const base = splitName(file).stem;
    return stem.startsWith(base) && stem.length > base.length && !/[a-z]/.test(stem.charAt(base.length));
  });
  if (variant === undefined) return undefined;
  const why = present.has(variant) ? `only ${variant} is (is this a copy or another version of it?)` : `the file must be named ${variant}`;
  return { file: variant, why };
}

/** The evidence-named files in a folder of the evidence directory. */
function evidenceInFolder(path: string, known: readonly string[]): string[] {
  try {
    return readdirSync(path)
      .filter((name) => known.includes(name.toLowerCase()))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The entries of `dir` that are not read, each with its warning, in name order: every entry but
 * the evidence files `known` (of which `present` were found) and those left out silently.
 */
export function unreadEntries(dir: string, known: readonly string[], present: ReadonlySet<string>): UnreadEntry[] {
  const unread: UnreadEntry[] = [];
  const others: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (known.includes(entry.name) || ignored(entry)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inside = evidenceInFolder(path, known);
      if (inside.length > 0) {
        const message = `${path} is a folder and not read: evidence files (${inside.join(", ")}) must be in ${dir} itself`;
        unread.push({ message, meant: inside.map((name) => name.toLowerCase()) });
      }
      continue;
    }
    const meant = meantFor(entry.name, known, present);
    if (meant !== undefined) unread.push({ message: `${path} is not read: ${meant.why}`, meant: [meant.file] });
    else others.push(entry.name);
  }
  const evidenceFiles = `evidence files are ${known.join(", ")}`;
  if (others.length <= MAX_LISTED) {
    for (const name of others) unread.push({ message: `${join(dir, name)} is not read: ${evidenceFiles}`, meant: [] });
  } else {
    const listed = others.slice(0, MAX_LISTED).join(", ");
    unread.push({ message: `${dir} holds ${others.length} other files that are not read (${listed}, …): ${evidenceFiles}`, meant: [] });
  }
  return unread;
}
