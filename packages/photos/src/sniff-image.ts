/**
 * What an image file is, by its first bytes (never by its name): JPEG (FF D8 FF) or PNG
 * (89 50 4E 47 0D 0A 1A 0A); anything else is not shown.
 */
import { open } from "node:fs/promises";

export type ImageType = "jpeg" | "png";

/** The type of the image in `bytes` (its first bytes suffice), or undefined. */
export function imageTypeOf(bytes: Uint8Array): ImageType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((b, i) => bytes[i] === b)) return "png";
  return undefined;
}

/** The first `n` bytes of the file at `path`. */
export async function headOf(path: string, n = 16): Promise<Uint8Array> {
  const file = await open(path, "r");
  try {
    const buffer = new Uint8Array(n);
    const { bytesRead } = await file.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
