import { describe, expect, it } from "vitest";
import type { CanvasPolyline } from "pdfmake/interfaces.js";
import { polyline } from "../src/charts/polyline.js";
import { FALLBACK_DATE, formatChineseDate, parseDateOption, resolveDocumentDate } from "../src/document-date.js";
import { fixed2, percent, percent1, rankOf, shortHash } from "../src/format.js";
import { surveyRateText } from "../src/scorecard/evidence-text.js";
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

  it("shows a survey rate with one decimal and its 95% interval as the spec writes it", () => {
    expect(percent1(0.8225)).toBe("82.3%");
    expect(percent1(0.78125)).toBe("78.1%");
    expect(percent1(1)).toBe("100.0%");
    expect(percent1(-0.00001)).toBe("0.0%");
    expect(percent1(undefined)).toBe("—");
    expect(surveyRateText(0.823, 0.781, 0.86, 400)).toBe("满意率 82.3%，95% 置信区间 78.1%–86.0%，n = 400");
    expect(surveyRateText(0.5, 0.4, 0.6, 12345)).toBe("满意率 50.0%，95% 置信区间 40.0%–60.0%，n = 12,345");
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
