/**
 * City ids become file names (`scorecards/<city_id>.pdf`). An id that could write outside the
 * output directory or is not portable is mapped to a safe name, by percent-encoding: path
 * separators, `..`, control and invisible formatting characters (bidi overrides, zero-width
 * marks), characters Windows forbids, `%` and `~` themselves, a leading dot, a trailing dot or
 * space, and the first letter of a reserved device name (CON, NUL, COM1, COM¹, CONIN$, …).
 * Since only percent-encoding is used, distinct ids give distinct names; overlong names are
 * cut and suffixed with `~` and a hash. Ordinary ids (letters, digits, Chinese, `-`, `_`, `.`)
 * are kept as they are. `safeFileNames` also keeps apart ids that would meet on a file system
 * that ignores case or Unicode normalisation (Windows, macOS).
 */
import { createHash } from "node:crypto";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*%~\p{Cf}]/gu;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)\s*(\..*)?$/iu;
const MAX_BYTES = 200;

const encode = (ch: string) => [...Buffer.from(ch, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
const hashOf = (id: string, length: number) => createHash("sha256").update(id).digest("hex").slice(0, length);

/** A file-name stem for `id` that stays inside its directory on every platform. */
export function safeFileName(id: string): string {
  let name = id.replace(UNSAFE, encode);
  if (name === "") return "%"; // no other id gives a lone %
  if (name.startsWith(".") || RESERVED.test(name)) name = `${encode(name.slice(0, 1))}${name.slice(1)}`;
  if (/[ .]$/.test(name)) name = `${name.slice(0, -1)}${encode(name.slice(-1))}`;
  if (Buffer.byteLength(name, "utf8") > MAX_BYTES) {
    let cut = name;
    while (Buffer.byteLength(cut, "utf8") > MAX_BYTES - 13) cut = cut.slice(0, -1);
    name = `${cut}~${hashOf(id, 12)}`;
  }
  return name;
}

/**
 * Safe names for a batch of ids: `safeFileName` of each, and where two would be the same file
 * on a file system that ignores case or Unicode normalisation (`ABC` and `abc`; `é` composed
 * and decomposed), each of them gets `~` and a hash of its id.
 */
export function safeFileNames(ids: Iterable<string>): Map<string, string> {
  const names = new Map<string, string>();
  const byKey = new Map<string, string[]>();
  for (const id of ids) {
    const name = safeFileName(id);
    names.set(id, name);
    const key = name.normalize("NFC").toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), id]);
  }
  for (const group of byKey.values()) {
    if (group.length > 1) for (const id of group) names.set(id, `${names.get(id) as string}~${hashOf(id, 8)}`);
  }
  return names;
}
