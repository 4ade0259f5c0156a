/**
 * The closed loop across rounds (SPEC section 5): closure classes, composites with dynamic
 * flags, and improvement plans that recompute gains through the caps.
 */
import { describe, expect, it } from "vitest";
import {
  CompositeError,
  compareRounds,
  composeRounds,
  planImprovements,
  type Results,
  ResultsError,
  readResults,
  scoreRound,
} from "../src/index.js";
import { fieldRow, siteRow, verdictRow } from "./support/evidence-builders.js";
import { documentStandard, fieldStandard, ruleset } from "./support/ruleset-builders.js";
import { twoRounds } from "./support/two-rounds.js";

describe("compareRounds", () => {
  it("classifies every problem key as resolved, unverified, persisting or new", async () => {
    const [base, current] = await twoRounds();
    const closure = compareRounds(base, current);
    const classes = closure.items.map((i) => [i.cityId, i.standardId, i.checkId, i.siteId, i.class]);
    expect(classes).toEqual([
      ["a", "S1", "K1", "m1", "persisting"], // in both rounds
      ["a", "S1", "K2", "m2", "unverified"], // m2 not visited in 2024
      ["a", "S1", "K2", "m3", "new"], // only in 2024
      ["a", "S3", null, null, "resolved"], // S3 scored (met) in 2024
      ["b", "S1", "K1", "m1", "resolved"], // m1 visited again, no problem
      ["c", "S3", null, null, "unverified"], // no verdict in 2024: S3 missing
    ]);
    expect(closure.totals.byCity.a).toEqual({ resolved: 1, unverified: 1, persisting: 1, new: 1 });
    expect(closure.totals.byCity.c).toEqual({ resolved: 0, unverified: 1, persisting: 0, new: 0 });
    // S1 → cgj, scj; S3 → cgj
    expect(closure.totals.byDepartment.cgj).toEqual({ resolved: 2, unverified: 2, persisting: 1, new: 1 });
    expect(closure.totals.byDepartment.scj).toEqual({ resolved: 1, unverified: 1, persisting: 1, new: 1 });
    expect(closure.items[0]?.responsible).toEqual(["cgj", "scj"]);
    expect(closure.base.round).toBe("2023");
    expect(closure.current.ruleset.id).toBe("test");
  });

  it("refuses results of different rule-set ids", async () => {
    const [base, current] = await twoRounds();
    const other = { ...current, ruleset: { ...current.ruleset, id: "other" } };
    expect(() => compareRounds(base, other)).toThrow(/rule set/);
  });

  it("reports differing versions of the same rule set", async () => {
    const [base, current] = await twoRounds();
    const newer = { ...current, ruleset: { ...current.ruleset, version: "2.0.0" } };
    expect(compareRounds(base, newer).versionsDiffer).toBe(true);
  });
});

describe("composeRounds", () => {
  it("weights ratios over the rounds where they are not null and carries vetoes", async () => {
    const [r2023, r2024] = await twoRounds();
    // a: 2023 S1 = 30 − (2 + 3)/2 = 27.5, S3 = 5 → 32.5/40; 2024 S1 = 30 − (2 + 3)/2 = 27.5, S3 = 10 → 37.5/40
    const composite = composeRounds([
      { results: r2024, weight: 0.6 },
      { results: r2023, weight: 0.4 },
    ]);
    const a = composite.cities.find((c) => c.cityId === "a");
    expect(a?.ratio).toBeCloseTo((0.4 * 32.5) / 40 + (0.6 * 37.5) / 40, 12);
    expect(a?.rounds.map((r) => r.round)).toEqual(["2023", "2024"]);
    expect(composite.latestRound).toBe("2024");
  });

  it("flags titled cities by the latest round's thresholds", async () => {
    const [, r2024] = await twoRounds();
    // a: 37.5/40 = 0.9375 → ok; b: S1 30, S3 missing → 30/40 = 0.75 → not below 0.75 → ok; c: 0/40 but not titled
    const lowered = {
      ...r2024,
      cities: r2024.cities.map((c) => (c.cityId === "b" ? { ...c, ratio: 0.7 } : c.cityId === "a" ? { ...c, ratio: 0.5 } : c)),
    };
    const composite = composeRounds([{ results: lowered }]);
    const flags = Object.fromEntries(composite.cities.map((c) => [c.cityId, c.dynamic]));
    expect(flags).toEqual({ a: "removal", b: "warning", c: null });
    const ok = composeRounds([{ results: r2024 }]);
    expect(ok.cities.find((c) => c.cityId === "b")?.dynamic).toBe("ok");
  });

  it('counts as titled only the number 1 (as cities.csv\'s "1" is read), not "1", true or 1.5', async () => {
    const [, r2024] = await twoRounds();
    const titledAs = (value: unknown) => ({
      ...r2024,
      cities: r2024.cities.map((c) => (c.cityId === "a" ? { ...c, ratio: 0.5, attributes: { ...c.attributes, titled: value } } : c)),
    });
    const flagOfA = (value: unknown) => composeRounds([{ results: titledAs(value) as Results }]).cities[0]?.dynamic;
    expect(r2024.cities[0]?.attributes.titled).toBe(1);
    expect(flagOfA(1)).toBe("removal");
    for (const value of ["1", true, 1.5, [1], null]) expect(flagOfA(value)).toBeNull();
  });

  it("refuses a round given twice", async () => {
    const [r2023, r2024] = await twoRounds();
    expect(() => composeRounds([{ results: r2023 }, { results: r2024 }, { results: r2023, weight: 2 }])).toThrow(CompositeError);
    expect(() => composeRounds([])).toThrow(CompositeError);
  });

  it("makes a city vetoed when any round vetoed it", async () => {
    const [r2023, r2024] = await twoRounds();
    const vetoed = { ...r2023, cities: r2023.cities.map((c) => (c.cityId === "a" ? { ...c, status: "vetoed" as const } : c)) };
    const composite = composeRounds([{ results: vetoed }, { results: r2024 }]);
    expect(composite.cities.find((c) => c.cityId === "a")?.status).toBe("vetoed");
    expect(composite.cities.find((c) => c.cityId === "b")?.status).toBe("ok");
  });
});

describe("planImprovements", () => {
  const capped = ruleset([fieldStandard({ points: 10, maxPerSite: 4 }), documentStandard()]);
  const evidence = {
    cities: [{ city_id: "a", name: "甲市" }],
    sites: [siteRow("a", "m1")],
    // m1: K1 2×2 = 4, K2 3×1 = 3 → raw 7, capped at 4 → S1 = 10 − 4 = 6
    field: [fieldRow("a", "m1", "K1", 2), fieldRow("a", "m1", "K2", 1)],
    documents: [verdictRow("a", "S3", "partial")], // S3 = 5
  };

  it("takes the largest gain first and recomputes gains through the caps", async () => {
    const results = await scoreRound({ ruleset: capped, round: "2024", evidence });
    expect(results.cities[0]?.score).toBe(11); // 6 + 5 of 20
    const plan = planImprovements(results, 0.9); // needs 18
    const steps = plan.cities[0]?.steps.map((s) => [s.standardId, s.checkId, s.gain]);
    // first: S3 gains 5 (K1 alone: raw 3 → gain 1; K2 alone: raw 4 → gain 0) → 16
    // then K1: raw 3 → score 7, gain 1 → 17; then K2: raw 0 → score 10, gain 3 (was 0 before K1) → 20
    expect(steps).toEqual([
      ["S3", null, 5],
      ["S1", "K1", 1],
      ["S1", "K2", 3],
    ]);
    expect(plan.cities[0]?.outcome).toBe("reached");
    expect(plan.cities[0]?.ratioAfter).toBe(1);
    expect(plan.cities[0]?.byDepartment.scj).toEqual([1, 2]);
  });

  it("takes a field standard as a whole when no single check gains, if that gains most", async () => {
    // m1: K1 2×3 = 6, K2 3×2 = 6 → raw 12, capped at 4 (maxPerSite) → S1 = 10 − 4 = 6; either check
    // alone leaves raw 6 ≥ 4: gain 0; both together gain 4, more than S3's 3 (partial of 6)
    const tight = ruleset([fieldStandard({ points: 10, maxPerSite: 4 }), documentStandard({ points: 6 })]);
    const results = await scoreRound({
      ruleset: tight,
      round: "2024",
      evidence: { ...evidence, field: [fieldRow("a", "m1", "K1", 3), fieldRow("a", "m1", "K2", 2)] },
    });
    // S1 = 6 of 10, S3 = 3 of 6 (partial) → 9/16
    expect(results.cities[0]?.score).toBe(9);
    const plan = planImprovements(results, 13 / 16);
    expect(plan.cities[0]?.steps.map((s) => [s.standardId, s.checkId, s.gain])).toEqual([["S1", null, 4]]);
    const all = planImprovements(results, 1);
    expect(all.cities[0]?.steps.map((s) => [s.standardId, s.checkId, s.gain])).toEqual([
      ["S1", null, 4],
      ["S3", null, 3],
    ]);
  });

  it("targets a grade by its minRatio and says when the target is already met", async () => {
    const results = await scoreRound({ ruleset: capped, round: "2024", evidence });
    const plan = planImprovements(results, "fail");
    expect(plan.target).toEqual({ ratio: 0, grade: "fail" });
    expect(plan.cities[0]?.outcome).toBe("alreadyMet");
  });

  it("says plainly when a veto or the points left make the target unreachable", async () => {
    const results = await scoreRound({ ruleset: capped, round: "2024", evidence });
    const vetoed = { ...results, cities: results.cities.map((c) => ({ ...c, status: "vetoed" as const })) };
    expect(planImprovements(vetoed, 0.9).cities[0]?.outcome).toBe("vetoed");
    const penalised = { ...results, cities: results.cities.map((c) => ({ ...c, penaltyPoints: 5 })) };
    const plan = planImprovements(penalised, 0.9); // at best (20 − 5)/20 = 0.75
    expect(plan.cities[0]?.outcome).toBe("notEnoughPoints");
    expect(plan.cities[0]?.ratioAfter).toBeCloseTo(0.75, 12);
  });

  it("refuses an unknown grade", async () => {
    const results = await scoreRound({ ruleset: capped, round: "2024", evidence });
    expect(() => planImprovements(results, "platinum")).toThrow(/unknown grade/);
  });
});

describe("readResults", () => {
  /** A results.json with only the spec's required core and section 5's lists, as written by hand. */
  const handWritten = (round: string, problems: unknown[], visitedSites: string[], standards: unknown[]) => ({
    schemaVersion: 1,
    ruleset: { id: "hand", version: "1.0.0", hash: `sha256:${"0".repeat(64)}` },
    round,
    engine: { version: "0" },
    inputs: { files: [] },
    cities: [
      {
        cityId: "a",
        name: "甲",
        peerGroup: null,
        score: 5,
        max: 10,
        ratio: 0.5,
        status: "ok",
        grade: null,
        rank: { overall: 1, peerGroup: null },
        categories: [],
        standards,
        adjustments: [{ id: "P1", kind: "penalty", points: 2 }],
        improvements: [{ standardId: "S1", checkId: null, gain: 3, responsible: ["cgj"] }],
        warnings: [],
        problems,
        visitedSites,
      },
    ],
  });

  it("reads hand-written results: compare classifies them, departments taken from their improvements", () => {
    const base = readResults(
      handWritten(
        "2023",
        [{ standardId: "S1", checkId: "K1", siteId: "m1", count: 1, loss: 2 }],
        ["m1"],
        [{ id: "S1", score: 8, max: 10, status: "scored" }],
      ),
    );
    const current = readResults(handWritten("2024", [], ["m1"], [{ id: "S1", score: 10, max: 10, status: "scored" }]));
    expect(base.cities[0]?.penaltyPoints).toBe(2);
    expect(base.cities[0]?.rawScore).toBe(7);
    const closure = compareRounds(base, current);
    expect(closure.items.map((i) => [i.standardId, i.siteId, i.class, i.responsible])).toEqual([["S1", "m1", "resolved", ["cgj"]]]);
    expect(closure.totals.byDepartment).toEqual({ cgj: { resolved: 1, unverified: 0, persisting: 0, new: 0 } });
  });

  it("lists every missing part with its path", () => {
    const data = handWritten("2023", [], [], []) as { cities: Array<Record<string, unknown>>; round?: unknown };
    delete data.cities[0]?.problems;
    delete data.cities[0]?.visitedSites;
    expect(() => readResults(data)).not.toThrow();
    try {
      readResults(data, { needs: ["problems", "visitedSites"] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ResultsError);
      expect((error as ResultsError).issues.map((i) => i.path)).toEqual(["cities[0].problems", "cities[0].visitedSites"]);
    }
    delete data.round;
    (data.cities[0] as Record<string, unknown>).status = "gone";
    try {
      readResults(data);
      expect.unreachable();
    } catch (error) {
      expect((error as ResultsError).issues.map((i) => i.path)).toEqual(["round", "cities[0].status"]);
    }
  });

  it("refuses a city listed twice", () => {
    const data = handWritten("2023", [], [], []) as { cities: unknown[] };
    data.cities.push(data.cities[0]);
    expect(() => readResults(data)).toThrow(/city "a" is listed twice \(also cities\[0\]\)/);
  });

  it("leaves results written by Civitas as they are, key order included", async () => {
    const [base] = await twoRounds();
    const text = JSON.stringify(base);
    expect(JSON.stringify(readResults(JSON.parse(text)))).toBe(text);
  });
});
