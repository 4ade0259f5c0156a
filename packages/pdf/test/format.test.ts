import { describe, expect, it } from "vitest";
import type { CanvasPolyline } from "pdfmake/interfaces.js";
import { polyline } from "../src/charts/polyline.js";
import { FALLBACK_DATE, formatChineseDate, parseDateOption, resolveDocumentDate } from "../src/document-date.js";
import { fixed2, percent, rankOf, shortHash } from "../src/format.js";
import { nameBookOf, Names } from "@civitas/core";

describe("display formatting", () => {
  it("shows two decimals, percentages and ranks", () => {
    expect(fixed2(823.456)).toBe("823.46");
    expect(fixed2(-0.001)).toBe("0.00");
    expect(fixed2(1.005)).toBe("1.01");
    expect(fixed2(2.5e15)).toBe("2500000000000000.00");
    expect(percent(0.82345)).toBe("82.35%");
    expect(percent(null)).toBe("—");
    expect(rankOf(3, 20)).toBe("3 / 20");
    expect(rankOf(null, 20)).toBe("—");
    expect(shortHash("sha256:443dc3072c51406f99d4")).toBe("443dc3072c51");
  });
});

describe("document dates", () => {
  it("take the option, else SOURCE_DATE_EPOCH, else a fixed date that is not shown", () => {
    expect(resolveDocumentDate("2024-06-30", {}).date.toISOString()).toBe("2024-06-30T00:00:00.000Z");
    expect(resolveDocumentDate(undefined, { SOURCE_DATE_EPOCH: "1719705600" })).toEqual({
      date: new Date("2024-06-30T00:00:00Z"),
      shown: true,
    });
    expect(resolveDocumentDate(undefined, {})).toEqual({ date: FALLBACK_DATE, shown: false });
    expect(formatChineseDate(new Date("2024-06-30T00:00:00Z"))).toBe("2024年6月30日");
    expect(() => parseDateOption("not a date")).toThrow(RangeError);
  });
});

describe("names", () => {
  it("fall back to ids without a rule set", () => {
    const names = new Names(nameBookOf(undefined));
    expect(names.department("cgj")).toBe("cgj");
    expect(names.standard("S1", "农贸市场环境卫生")).toBe("农贸市场环境卫生");
    expect(names.check("toString")).toBe("toString");
  });
});

describe("polylines", () => {
  it("restore their points when pdfmake resets vectors between layout passes", () => {
    const vector = polyline({ points: [{ x: 1, y: 2 }], closePath: true }) as CanvasPolyline & { resetXY: () => void };
    // what pdfmake does: install its own reset (ignored here), then move the points in place
    vector.resetXY = () => {};
    const [point] = vector.points;
    if (point !== undefined) point.x += 100;
    vector.resetXY();
    expect(vector.points).toEqual([{ x: 1, y: 2 }]);
  });
});
