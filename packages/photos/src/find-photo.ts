/**
 * Finding a photo named by evidence (field.csv's `photo`) under the evidence directory, and
 * never outside it: a name that is absolute, that climbs with `..`, or that leads out through a
 * symbolic link (resolved with realpath and checked, not followed out) is refused without its
 * file being opened. What is found is a regular file of a bounded size.
 */
import { lstat, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import type { PhotoFault } from "./faults.js";

/** A photo found under the root: its real path and size. */
export interface FoundPhoto {
  readonly path: string;
  readonly bytes: number;
}

/** Whether `name` is written as an absolute path on any platform (`/x`, `C:\x`, `\\server\x`). */
const looksAbsolute = (name: string) => isAbsolute(name) || /^[a-zA-Z]:[\\/]/.test(name) || /^[\\/]/.test(name);

/** The real path of `root` (the evidence directory), once per root. */
export const realRoot = (root: string): Promise<string> => realpath(root);

/** Finds `name` under `root` (its real path, see `realRoot`), or says why it is not to be read. */
export async function findPhoto(root: string, name: string, maxBytes: number): Promise<FoundPhoto | PhotoFault> {
  const fault = (code: PhotoFault["code"], message: string): PhotoFault => ({ code, name, message });
  if (name.includes("\0")) return fault("outside", `photo ${JSON.stringify(name)} is not a file name`);
  if (looksAbsolute(name))
    return fault("outside", `photo ${JSON.stringify(name)} is an absolute path: photos are named relative to the evidence directory`);
  const segments = name.split(/[\\/]+/);
  if (segments.includes("..")) return fault("outside", `photo ${JSON.stringify(name)} climbs out of the evidence directory (..)`);
  const path = join(root, ...segments);
  try {
    await lstat(path);
  } catch {
    return fault("missing", `photo ${JSON.stringify(name)} is not in the evidence directory`);
  }
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return fault("missing", `photo ${JSON.stringify(name)} is a link to nothing`);
  }
  const inside = relative(root, real);
  if (inside === "" || inside.startsWith(`..${sep}`) || inside === ".." || isAbsolute(inside))
    return fault("outside", `photo ${JSON.stringify(name)} is a link that leads out of the evidence directory`);
  const info = await stat(real);
  if (!info.isFile()) return fault("not_image", `photo ${JSON.stringify(name)} is not a file`);
  if (info.size > maxBytes)
    return fault("too_large", `photo ${JSON.stringify(name)} has ${info.size} bytes, more than the ${maxBytes} a photo may have`);
  return { path: real, bytes: info.size };
}
