/**
 * Photos as notices show them: a JPEG or PNG (by content) under the evidence directory becomes
 * a small JPEG thumbnail; a photo that is missing, not an image, enormous in pixels, unreadable
 * or outside the directory (absolute path, `..`, a link leading out) is a named fault — never
 * fatal, and never read.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { imageTypeOf, loadThumbnail, loadThumbnails, type PhotoOutcome } from "../src/index.js";
import { freshDir, jpegOf, pngClaiming, pngOf } from "./support/images.js";

/** An evidence directory with a photos/ folder, and a directory beside it (outside). */
function directories() {
  const base = freshDir();
  const root = join(base, "evidence");
  const outside = join(base, "elsewhere");
  mkdirSync(join(root, "photos"), { recursive: true });
  mkdirSync(outside);
  return { root, outside };
}

const faultOf = (outcome: PhotoOutcome | undefined) =>
  outcome?.ok === false ? outcome.fault.code : outcome?.ok === true ? "ok" : undefined;

describe("a photo that can be shown", () => {
  it("a camera JPEG becomes a JPEG thumbnail of at most 480 pixels a side, much smaller than the photo", async () => {
    const { root } = directories();
    const photo = await jpegOf(2400, 1800);
    writeFileSync(join(root, "photos", "m1.jpg"), photo);
    const outcome = await loadThumbnail(root, "photos/m1.jpg");
    if (!outcome.ok) throw new Error(outcome.fault.message);
    expect([outcome.thumbnail.width, outcome.thumbnail.height]).toEqual([480, 360]);
    expect(imageTypeOf(outcome.thumbnail.jpeg)).toBe("jpeg");
    expect(outcome.thumbnail.jpeg.length).toBeLessThan(photo.length / 4);
    expect(outcome.thumbnail.jpeg.length).toBeLessThan(100_000);
  });

  it("a PNG with transparency becomes a JPEG on white; a small photo is not enlarged", async () => {
    const { root } = directories();
    writeFileSync(join(root, "photos", "sign.png"), await pngOf(200, 100));
    const outcome = await loadThumbnail(root, "photos/sign.png");
    expect(outcome.ok && [outcome.thumbnail.width, outcome.thumbnail.height, imageTypeOf(outcome.thumbnail.jpeg)]).toEqual([
      200,
      100,
      "jpeg",
    ]);
  });

  it("is known by its content, not its name: a PNG named .jpg is shown, Windows separators are read", async () => {
    const { root } = directories();
    writeFileSync(join(root, "photos", "really-a-png.jpg"), await pngOf(40, 40));
    const outcomes = await loadThumbnails(root, ["photos/really-a-png.jpg", "photos\\really-a-png.jpg"]);
    expect([...outcomes.values()].map(faultOf)).toEqual(["ok", "ok"]);
  });

  it("may be reached through a link that stays inside the evidence directory", async () => {
    const { root } = directories();
    writeFileSync(join(root, "photos", "a.jpg"), await jpegOf(64, 48));
    symlinkSync(join(root, "photos", "a.jpg"), join(root, "alias.jpg"));
    expect(faultOf(await loadThumbnail(root, "alias.jpg"))).toBe("ok");
  });

  it("gives the same bytes every time (notices are reproducible)", async () => {
    const { root } = directories();
    writeFileSync(join(root, "p.jpg"), await jpegOf(800, 600));
    const [a, b] = [await loadThumbnail(root, "p.jpg"), await loadThumbnail(root, "p.jpg")];
    expect(a.ok && b.ok && Buffer.from(a.thumbnail.jpeg).equals(Buffer.from(b.thumbnail.jpeg))).toBe(true);
  });
});

describe("a photo that is not shown", () => {
  it("missing: named, with its fault", async () => {
    const { root } = directories();
    const outcome = await loadThumbnail(root, "photos/none.jpg");
    expect(outcome).toEqual({
      ok: false,
      fault: { code: "missing", name: "photos/none.jpg", message: 'photo "photos/none.jpg" is not in the evidence directory' },
    });
  });

  it("outside the evidence directory: .., an absolute path, a link leading out — never opened (a FIFO there would block)", async () => {
    const { root, outside } = directories();
    execFileSync("mkfifo", [join(outside, "trap.jpg")]);
    symlinkSync(join(outside, "trap.jpg"), join(root, "photos", "link.jpg"));
    symlinkSync(outside, join(root, "photos", "dir-link"));
    const names = [
      "../elsewhere/trap.jpg",
      "photos/../../elsewhere/trap.jpg",
      join(outside, "trap.jpg"),
      "C:\\photos\\x.jpg",
      "photos/link.jpg",
      "photos/dir-link/trap.jpg",
    ];
    const outcomes = await loadThumbnails(root, names);
    expect(names.map((name) => faultOf(outcomes.get(name)))).toEqual(names.map(() => "outside"));
  });

  it("not an image: a text file named .jpg, a directory, an image type other than JPEG or PNG", async () => {
    const { root } = directories();
    writeFileSync(join(root, "photos", "note.jpg"), "这不是照片");
    mkdirSync(join(root, "photos", "folder.jpg"));
    writeFileSync(join(root, "photos", "anim.gif"), Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"));
    const outcomes = await loadThumbnails(root, ["photos/note.jpg", "photos/folder.jpg", "photos/anim.gif"]);
    expect([...outcomes.values()].map(faultOf)).toEqual(["not_image", "not_image", "not_image"]);
  });

  it("enormous in pixels: refused from its header before any pixel is decoded", async () => {
    const { root } = directories();
    writeFileSync(join(root, "bomb.png"), pngClaiming(30_000, 30_000));
    const outcome = await loadThumbnail(root, "bomb.png");
    expect(outcome.ok === false && outcome.fault).toEqual({
      code: "too_large",
      name: "bomb.png",
      message: 'photo "bomb.png" has 30000 × 30000 pixels, more than the 50000000 a photo may have',
    });
  });

  it("too large in bytes: refused before it is read", async () => {
    const { root } = directories();
    writeFileSync(join(root, "big.jpg"), await jpegOf(300, 200));
    expect(faultOf(await loadThumbnail(root, "big.jpg", { maxBytes: 1000 }))).toBe("too_large");
  });

  it("unreadable: a JPEG that starts right and then breaks off", async () => {
    const { root } = directories();
    const photo = await jpegOf(640, 480);
    writeFileSync(join(root, "cut.jpg"), photo.subarray(0, 200));
    expect(faultOf(await loadThumbnail(root, "cut.jpg"))).toBe("unreadable");
  });

  it("in an evidence directory that does not exist: missing, not a crash", async () => {
    expect(faultOf(await loadThumbnail(join(freshDir(), "gone"), "a.jpg"))).toBe("missing");
  });
});
