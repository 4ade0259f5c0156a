/**
 * A photo as a notice shows it: found safely under the evidence directory (`find-photo.ts`),
 * a JPEG or PNG by content (`sniff-image.ts`), its pixels bounded before any are decoded
 * (sharp's `limitInputPixels`), turned upright, flattened on white and scaled down to a JPEG
 * thumbnail — so that a notice with 50 photos stays a few megabytes. Anything wrong is a
 * `PhotoFault`, never an exception.
 */
import { readFile } from "node:fs/promises";
import sharp from "sharp";
import type { PhotoFault } from "./faults.js";
import { findPhoto, realRoot } from "./find-photo.js";
import { headOf, imageTypeOf } from "./sniff-image.js";

/** A thumbnail: JPEG bytes and their size in pixels. */
export interface Thumbnail {
  readonly name: string;
  readonly jpeg: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** A photo as loaded: a thumbnail, or why there is none. */
export type PhotoOutcome = { readonly ok: true; readonly thumbnail: Thumbnail } | { readonly ok: false; readonly fault: PhotoFault };

/** How photos are loaded. */
export interface ThumbnailOptions {
  /** The longest side of a thumbnail, in pixels (default 480). */
  readonly maxSide?: number;
  /** JPEG quality of a thumbnail, 1–100 (default 70). */
  readonly quality?: number;
  /** A photo with more pixels than this is not decoded (default 50 million: a 8000 × 6000 camera). */
  readonly maxPixels?: number;
  /** A photo file larger than this is not read (default 40 MiB). */
  readonly maxBytes?: number;
}

const DEFAULTS = { maxSide: 480, quality: 70, maxPixels: 50_000_000, maxBytes: 40 * 1024 * 1024 } as const;

const failed = (fault: PhotoFault): PhotoOutcome => ({ ok: false, fault });

async function load(root: string, name: string, options: Required<ThumbnailOptions>): Promise<PhotoOutcome> {
  const found = await findPhoto(root, name, options.maxBytes);
  if ("code" in found) return failed(found);
  const type = imageTypeOf(await headOf(found.path));
  if (type === undefined) return failed({ code: "not_image", name, message: `photo ${JSON.stringify(name)} is not a JPEG or PNG image` });
  const bytes = await readFile(found.path);
  const fault = (code: PhotoFault["code"], message: string) => failed({ code, name, message: `photo ${JSON.stringify(name)} ${message}` });
  let width: number;
  let height: number;
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    width = meta.width ?? 0;
    height = meta.height ?? 0;
  } catch (error) {
    return fault("unreadable", `cannot be read as a ${type.toUpperCase()} image (${(error as Error).message})`);
  }
  if (width * height > options.maxPixels)
    return fault("too_large", `has ${width} × ${height} pixels, more than the ${options.maxPixels} a photo may have`);
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: options.maxPixels, failOn: "error" })
      .autoOrient()
      .resize({ width: options.maxSide, height: options.maxSide, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: options.quality, chromaSubsampling: "4:2:0" })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, thumbnail: { name, jpeg: new Uint8Array(data), width: info.width, height: info.height } };
  } catch (error) {
    return fault("unreadable", `cannot be read as a ${type.toUpperCase()} image (${(error as Error).message})`);
  }
}

/**
 * The thumbnail of the photo `name` (as field.csv wrote it) under the evidence directory
 * `root`, or its fault.
 */
export async function loadThumbnail(root: string, name: string, options: ThumbnailOptions = {}): Promise<PhotoOutcome> {
  return (await loadThumbnails(root, [name], options)).get(name) as PhotoOutcome;
}

/**
 * The thumbnails of `names` under `root`, each name once, by name. A root that cannot be
 * resolved makes every photo `missing`.
 *
 * @example
 * const photos = await loadThumbnails("fixtures/demo", ["photos/HZ-M01-K001.jpg", "../secret.jpg"]);
 * photos.get("../secret.jpg"); // { ok: false, fault: { code: "outside", … } }
 */
export async function loadThumbnails(
  root: string,
  names: readonly string[],
  options: ThumbnailOptions = {},
): Promise<Map<string, PhotoOutcome>> {
  const settings = { ...DEFAULTS, ...options };
  const unique = [...new Set(names)];
  const outcomes = new Map<string, PhotoOutcome>();
  let real: string;
  try {
    real = await realRoot(root);
  } catch {
    for (const name of unique)
      outcomes.set(
        name,
        failed({ code: "missing", name, message: `photo ${JSON.stringify(name)}: the evidence directory ${root} cannot be read` }),
      );
    return outcomes;
  }
  // a few at a time: sharp decodes on its own threads, and memory stays bounded
  const queue = [...unique];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      try {
        outcomes.set(name, await load(real, name, settings));
      } catch (error) {
        outcomes.set(
          name,
          failed({ code: "unreadable", name, message: `photo ${JSON.stringify(name)} cannot be read (${(error as Error).message})` }),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, unique.length) }, worker));
  return new Map(unique.map((name) => [name, outcomes.get(name) as PhotoOutcome]));
}
