/**
 * One modification time for every entry of a zip archive (a .docx is one), written into its
 * local and central headers, so that an archive made twice from the same parts is the same
 * bytes. Reads the archive through its end-of-central-directory record; an archive it cannot
 * read is a defect of the packer and fails loudly.
 */

const END_OF_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** MS-DOS time and date of `date` (YYYY-MM-DD, at 00:00). */
function dosDateTime(date: string): { time: number; day: number } {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return { time: 0, day: ((Math.max(1980, y) - 1980) << 9) | (m << 5) | d };
}

/** `zip` (changed in place and returned) with every entry's time set to `date`. */
export function fixZipTimes(zip: Uint8Array, date: string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_DIRECTORY) end--;
  if (end < 0) throw new Error("not a zip archive: no end-of-central-directory record");
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const { time, day } = dosDateTime(date);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error(`zip central directory broken at entry ${i}`);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, day, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error(`zip local header of entry ${i} not found`);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, day, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
