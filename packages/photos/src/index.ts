/**
 * @civitas/photos — inspection photos as notices show them: a photo named by evidence
 * (field.csv's `photo`) is found under the evidence directory and never outside it (no
 * absolute paths, no `..`, no link leading out), read only when it is a JPEG or PNG by content
 * and of bounded size in bytes and pixels, and scaled down to a JPEG thumbnail with sharp.
 * A photo that cannot be shown is a named fault, never an exception.
 *
 * @example
 * import { loadThumbnails } from "@civitas/photos";
 * const photos = await loadThumbnails("fixtures/demo", ["photos/HZ-M01-K001.jpg"]);
 *
 * @packageDocumentation
 */

export { loadThumbnail, loadThumbnails, type PhotoOutcome, type Thumbnail, type ThumbnailOptions } from "./load-thumbnail.js";
export { PHOTO_FAULTS, type PhotoFault, type PhotoFaultCode } from "./faults.js";
export { imageTypeOf, type ImageType } from "./sniff-image.js";
