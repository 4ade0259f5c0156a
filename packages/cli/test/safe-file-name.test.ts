import { describe, expect, it } from "vitest";
import { safeFileName } from "../src/safe-file-name.js";

describe("safeFileName", () => {
  it("keeps ordinary ids, Chinese included", () => {
    for (const id of ["hz", "c330100", "杭州", "city_01.a", "A-b_c"]) expect(safeFileName(id)).toBe(id);
  });

  it("never lets an id leave the directory", () => {
    for (const id of ["../x", "..", ".", "a/b", "a\\b", "/etc/passwd", "C:\\x", "..\\..\\x", "a\u0000b"]) {
      const name = safeFileName(id);
      expect(name.includes("/") || name.includes("\\") || name.includes("\u0000")).toBe(false);
      expect(name.startsWith(".")).toBe(false);
    }
  });

  it("escapes reserved device names and trailing dots or spaces", () => {
    expect(safeFileName("CON")).toBe("_CON");
    expect(safeFileName("nul.txt")).toBe("_nul.txt");
    expect(safeFileName("a.")).toBe("a%2E");
    expect(safeFileName("a ")).toBe("a%20");
  });

  it("keeps distinct ids distinct and cuts overlong ones with a hash", () => {
    expect(safeFileName("a/b")).not.toBe(safeFileName("a%2Fb"));
    const long = "城".repeat(300);
    expect(Buffer.byteLength(safeFileName(long))).toBeLessThanOrEqual(200);
    expect(safeFileName(long)).not.toBe(safeFileName(`${long}x`));
  });
});
