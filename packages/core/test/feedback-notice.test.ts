/**
 * The feedback notice as data (测评问题反馈单, SPEC section 8): every problem of the city with its
 * standard, check, site, count, points lost and photos, the appeals already on it, the
 * adjustments that hold, and the appeal deadline (report date + N calendar days, default 5).
 */
import { describe, expect, it } from "vitest";
import { addDays, feedbackNotices, scoreRound } from "../src/index.js";
import { appealRow, cityRow, factRow, fieldRow, fieldTarget, ROUND, siteRow, verdictRow } from "./support/evidence-builders.js";
import { documentStandard, fieldStandard, leaf, penalty, ruleset } from "./support/ruleset-builders.js";

const rs = ruleset([fieldStandard(), documentStandard()], { adjustments: [penalty("P1", 10, leaf("exposed", "greaterThanInclusive", 1))] });

const results = () =>
  scoreRound({
    ruleset: rs,
    round: ROUND,
    evidence: {
      cities: [cityRow("a"), cityRow("b")],
      sites: [siteRow("a", "m1"), siteRow("a", "m2")],
      field: [fieldRow("a", "m1", "K1", 3, { note: "东门积水", photo: "photos/m1-k1.jpg" }), fieldRow("a", "m2", "K2", 1)],
      documents: [verdictRow("a", "S3", "partial")],
      facts: [factRow("a", "exposed", 1)],
      appeals: [appealRow("a", "A1", fieldTarget("S1", "K1", "m1"), "pending")],
    },
  });

describe("the appeal deadline", () => {
  it("is the report date plus N calendar days, across months and leap days", () => {
    expect(addDays("2024-06-30", 5)).toBe("2024-07-05");
    expect(addDays("2024-02-27", 5)).toBe("2024-03-03");
    expect(addDays("2023-12-29", 5)).toBe("2024-01-03");
    expect(addDays("2024-06-30", 0)).toBe("2024-06-30");
  });

  it("defaults to 5 days, and is null without a report date", async () => {
    const r = await results();
    expect(feedbackNotices(r, { reportDate: "2024-06-30" })[0]).toMatchObject({ appealDays: 5, deadline: "2024-07-05" });
    expect(feedbackNotices(r, { reportDate: "2024-06-30", appealDays: 7 })[0]?.deadline).toBe("2024-07-07");
    expect(feedbackNotices(r)[0]).toMatchObject({ reportDate: null, deadline: null, appealDays: 5 });
  });

  it("refuses a report date that is not a date, and appeal days that are not a whole number", async () => {
    const r = await results();
    expect(() => feedbackNotices(r, { reportDate: "30.6.2024" })).toThrow(RangeError);
    expect(() => feedbackNotices(r, { appealDays: 1.5 })).toThrow(RangeError);
  });
});

describe("a city's notice", () => {
  it("lists every problem with standard, check, site and its type, count, points lost, notes, photos and the appeals on it", async () => {
    const [a] = feedbackNotices(await results(), { ruleset: rs, reportDate: "2024-06-30" });
    expect(a?.items).toEqual([
      {
        number: 1,
        standardId: "S1",
        standardName: "农贸市场环境卫生",
        method: "field",
        checkId: "K1",
        checkName: "地面有积水、垃圾",
        siteId: "m1",
        siteType: "农贸市场",
        count: 3,
        loss: 6,
        responsible: ["城市管理局", "市场监督管理局"],
        notes: ["东门积水"],
        photos: ["photos/m1-k1.jpg"],
        appeals: [{ appealId: "A1", decision: "pending" }],
      },
      expect.objectContaining({ number: 2, checkId: "K2", siteId: "m2", count: 1, loss: 3, photos: [], appeals: [] }),
      expect.objectContaining({ number: 3, standardId: "S3", checkId: null, siteId: null, siteType: null, count: null, loss: 5 }),
    ]);
    expect(a?.adjustments).toEqual([{ id: "P1", kind: "penalty", name: "扣分P1", points: 10 }]);
    expect(a).toMatchObject({ cityId: "a", cityName: "a市", round: ROUND, provisional: true, ruleset: { id: "test", version: "1.0.0" } });
  });

  it("is written for a city without problems too, with no items", async () => {
    const notices = feedbackNotices(await results());
    expect(notices.map((n) => [n.cityId, n.items.length])).toEqual([
      ["a", 3],
      ["b", 0],
    ]);
  });
});
