/**
 * Why a photo is not shown: it is missing, outside the evidence directory, not a JPEG or PNG
 * (by its content, not its name), too large (bytes or pixels) or unreadable as an image. A
 * fault is data — named on the notice and in a warning — never an exception.
 */

/** The stable codes of photo faults, with what each means. */
export const PHOTO_FAULTS = {
  missing: "not in the evidence directory",
  outside: "outside the evidence directory (absolute path, .. or a link leading out): not read",
  not_image: "not a JPEG or PNG image",
  too_large: "too large to show (bytes or pixels)",
  unreadable: "not readable as an image",
} as const;

export type PhotoFaultCode = keyof typeof PHOTO_FAULTS;

/** A photo that is not shown, and why. */
export interface PhotoFault {
  readonly code: PhotoFaultCode;
  /** The photo's name as the evidence wrote it. */
  readonly name: string;
  /** A readable message naming the photo. */
  readonly message: string;
}
