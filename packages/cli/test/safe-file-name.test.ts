import { describe, expect, it } from "vitest";
import { safeFileName, safeFileNames } from "../src/output/safe-file-name.js";

/** Decodes what safeFileName encoded (it only percent-encodes, and cuts overlong names). */
const decode = (name: string) => decodeURIComponent(name);

describe("safeFileName", () => {
  it("keeps ordinary ids, Chinese included", () => {
    for (const id of ["hz", "c330100", "杭州", "city_01.a", "A-b_c"]) expect(safeFileName(id)).toBe(id);
  });

  it("never lets an id leave the directory", () => {
    for (const id of ["../x", "..", ".", "a/b", "a\\b", "/etc/passwd", "C:\\x", "..\\..\\x", "a\u0000b", ""]) {
      const name = safeFileName(id);
      expect(name.includes("/") || name.includes("\\") || name.includes("\u0000")).toBe(false);
      expect(name.startsWith(".")).toBe(false);
      expect(name).not.toBe("");
    }
  });

  it("escapes reserved device names, trailing dots or spaces, and invisible formatting characters", () => {
    expect(safeFileName("CON")).toBe("%43ON");
    expect(safeFileName("nul.txt")).toBe("%6Eul.txt");
    for (const id of ["COM¹", "lpt²", "CONIN$", "conout$", "CON .x", "AUX  "]) expect(safeFileName(id).startsWith("%")).toBe(true);
    expect(safeFileName("a.")).toBe("a%2E");
    expect(safeFileName("a ")).toBe("a%20");
    expect(safeFileName("a\u202Egnp.exe")).toBe("a%E2%80%AEgnp.exe");
    expect(safeFileName("a\u200Bb")).toBe("a%E2%80%8Bb");
  });

  it("keeps distinct ids distinct: every name decodes back to its id", () => {
    const ids = ["CON", "%43ON", "_CON", "a/b", "a%2Fb", "a.", "a%2E", "~x", "%7Ex", ".env", "%2Eenv", "a\u202Eb"];
    const names = ids.map(safeFileName);
    expect(new Set(names).size).toBe(ids.length);
    for (const [i, id] of ids.entries()) expect(decode(names[i] as string)).toBe(id);
  });

  it("cuts overlong ids with a hash", () => {
    const long = "城".repeat(300);
    expect(Buffer.byteLength(safeFileName(long))).toBeLessThanOrEqual(200);
    expect(safeFileName(long)).not.toBe(safeFileName(`${long}x`));
  });
});

describe("safeFileNames", () => {
  it("keeps apart ids that meet where case or Unicode normalisation is ignored", () => {
    const names = safeFileNames(["ABC", "abc", "e\u0301", "\u00e9", "hz"]);
    const keys = [...names.values()].map((n) => n.normalize("NFC").toLowerCase());
    expect(new Set(keys).size).toBe(5);
    expect(names.get("hz")).toBe("hz");
    expect(names.get("ABC")).toMatch(/^ABC~[0-9a-f]{8}$/);
  });
});
