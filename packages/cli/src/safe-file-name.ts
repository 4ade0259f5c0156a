/**
 * City ids become file names (`scorecards/<city_id>.pdf`). An id that could write outside the
 * output directory or is not portable is mapped to a safe name: path separators, `..`,
 * control characters and characters Windows forbids are percent-encoded, reserved device names
 * (CON, NUL, COM1, …) and leading dots are escaped, and overlong names are cut and suffixed with
 * a hash. Ordinary ids (letters, digits, Chinese, `-`, `_`, `.`) are kept as they are.
 */
import { createHash } from "node:crypto";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*%]/gu;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_BYTES = 200;

const encode = (ch: string) => [...Buffer.from(ch, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");

/** A file-name stem for `id` that stays inside its directory on every platform. */
export function safeFileName(id: string): string {
  let name = id.replace(UNSAFE, encode);
  if (name === "" || /^\.+$/.test(name) || name.startsWith(".")) name = `%2E${name.slice(1)}`;
  if (RESERVED.test(name)) name = `_${name}`;
  if (/[ .]$/.test(name)) name = `${name.slice(0, -1)}${encode(name.slice(-1))}`;
  if (Buffer.byteLength(name, "utf8") > MAX_BYTES) {
    const hash = createHash("sha256").update(id).digest("hex").slice(0, 12);
    let cut = name;
    while (Buffer.byteLength(cut, "utf8") > MAX_BYTES - 13) cut = cut.slice(0, -1);
    name = `${cut}~${hash}`;
  }
  return name;
}
