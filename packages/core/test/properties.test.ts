/**
 * Invariants of scoring, checked on random evidence (fast-check): scores stay within [0, max];
 * more problems never raise a score; shuffled rows give the same results; every row is
 * accounted for.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EvidenceTables, type Results, scoreRound } from "../src/index.js";
import { cityRow } from "./support/evidence-builders.js";
import { dataStandard, documentStandard, fieldStandard, leaf, penalty, ruleset, surveyStandard, veto } from "./support/ruleset-builders.js";

const rs = ruleset(
  [fieldStandard({ maxPerSite: 6, minSites: 2 }), surveyStandard({ minResponses: 3 }), documentStandard(), dataStandard()],
  {
    adjustments: [
      penalty("P1", 7, { all: [leaf("exposed", "greaterThan", 0)] }),
      veto("V1", { all: [leaf("accidents", "greaterThan", 0)] }),
    ],
  },
);
const cityIds = ["a", "b", "c", "d"];
const round = fc.constantFrom("2024", "2024", "2024", "2023");
const city = fc.constantFrom(...cityIds, "zz");
const site = fc.constantFrom("m1", "m2", "m3", "r1");

const tables = fc.record({
  sites: fc.array(fc.record({ round, city_id: city, site_id: site, site_type: fc.constantFrom("market", "market", "road", "bogus") }), {
    maxLength: 20,
  }),
  field: fc.array(
    fc.record({
      round,
      city_id: city,
      site_id: site,
      check_id: fc.constantFrom("K1", "K2", "K9"),
      count: fc.constantFrom("0", "1", "2", "5", "-1", "x"),
    }),
    { maxLength: 30 },
  ),
  survey: fc.array(
    fc.record({
      round,
      city_id: city,
      respondent_id: fc.constantFrom("r1", "r2", "r3", "r4", "r5"),
      question_id: fc.constantFrom("Q1", "Q1", "Q9"),
      answer: fc.constantFrom("A", "B", "C", ""),
    }),
    { maxLength: 30 },
  ),
  documents: fc.array(
    fc.record({
      round,
      city_id: city,
      standard_id: fc.constantFrom("S3", "S1", "S9"),
      verdict: fc.constantFrom("met", "partial", "unmet", "达标", "bad"),
    }),
    {
      maxLength: 10,
    },
  ),
  facts: fc.array(
    fc.record({
      round,
      city_id: city,
      fact: fc.constantFrom("pm25", "exposed", "accidents"),
      value: fc.constantFrom("30", "50", "80", "0", "1", "NaN"),
    }),
    {
      maxLength: 12,
    },
  ),
});

const cities = cityIds.map((id, i) => cityRow(id, { peer_group: i % 2 === 0 ? "g1" : "g2" }));
const score = (evidence: EvidenceTables): Promise<Results> => scoreRound({ ruleset: rs, round: "2024", evidence: { cities, ...evidence } });
const withoutLines = (results: Results) =>
  JSON.stringify({
    ...results,
    rejects: results.rejects.map((r) => ({ ...r, line: 0 })).sort((x, y) => (x.raw < y.raw ? -1 : x.raw > y.raw ? 1 : 0)),
  });

describe("scoring invariants", () => {
  it("keeps every standard, category and city score within [0, max]", async () => {
    await fc.assert(
      fc.asyncProperty(tables, async (evidence) => {
        const results = await score(evidence);
        for (const c of results.cities) {
          expect(c.score).toBeGreaterThanOrEqual(0);
          expect(c.score).toBeLessThanOrEqual(c.max + 1e-9);
          for (const k of c.categories) {
            expect(k.score).toBeGreaterThanOrEqual(-1e-9);
            expect(k.score).toBeLessThanOrEqual(k.max + 1e-9);
          }
          for (const s of c.standards) {
            expect(s.score).toBeGreaterThanOrEqual(-1e-9);
            expect(s.score).toBeLessThanOrEqual(s.max + 1e-9);
          }
          if (c.ratio !== null) expect(c.ratio).toBeLessThanOrEqual(1 + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("never raises a score when a field problem is added", async () => {
    await fc.assert(
      fc.asyncProperty(
        tables,
        fc.constantFrom(...cityIds),
        site,
        fc.constantFrom("K1", "K2"),
        async (evidence, cityId, siteId, checkId) => {
          const before = await score(evidence);
          const after = await score({
            ...evidence,
            field: [...evidence.field, { round: "2024", city_id: cityId, site_id: siteId, check_id: checkId, count: "1" }],
          });
          for (const c of after.cities) {
            const b = before.cities.find((x) => x.cityId === c.cityId);
            expect(c.score).toBeLessThanOrEqual((b?.score ?? 0) + 1e-9);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("gives the same results for shuffled rows without duplicates", async () => {
    const unique = tables.map((t) => ({
      ...t,
      sites: t.sites.filter(
        (r, i, all) => all.findIndex((x) => x.round === r.round && x.city_id === r.city_id && x.site_id === r.site_id) === i,
      ),
      survey: t.survey.filter(
        (r, i, all) =>
          all.findIndex(
            (x) => x.round === r.round && x.city_id === r.city_id && x.respondent_id === r.respondent_id && x.question_id === r.question_id,
          ) === i,
      ),
      facts: t.facts.filter((r, i, all) => all.findIndex((x) => x.round === r.round && x.city_id === r.city_id && x.fact === r.fact) === i),
    }));
    await fc.assert(
      fc.asyncProperty(unique, fc.integer(), async (evidence, seed) => {
        const shuffle = <T>(rows: T[]) => {
          const copy = [...rows];
          let s = seed >>> 0;
          for (let i = copy.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            const j = s % (i + 1);
            [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
          }
          return copy;
        };
        const a = await score(evidence);
        const b = await score({
          sites: shuffle(evidence.sites),
          field: shuffle(evidence.field),
          survey: shuffle(evidence.survey),
          documents: shuffle(evidence.documents),
          facts: shuffle(evidence.facts),
        });
        const strip = (r: Results) => JSON.parse(withoutLines(r)) as Results;
        // Sites without problems keep their order-free meaning; compare everything but line numbers.
        expect(JSON.stringify(strip(b).cities)).toBe(JSON.stringify(strip(a).cities));
        expect(strip(b).rejects).toEqual(strip(a).rejects);
      }),
      { numRuns: 100 },
    );
  });

  it("accounts for every row: rows = accepted + skipped + rejected", async () => {
    await fc.assert(
      fc.asyncProperty(tables, async (evidence) => {
        const results = await score(evidence);
        for (const file of results.inputs.files) {
          expect(file.accepted + file.skipped + file.rejected).toBe(file.rows);
          expect(results.rejects.filter((r) => r.file === file.name)).toHaveLength(file.rejected);
        }
        const given = {
          sites: evidence.sites,
          field: evidence.field,
          survey: evidence.survey,
          documents: evidence.documents,
          facts: evidence.facts,
        };
        for (const [kind, rows] of Object.entries(given)) {
          expect(results.inputs.files.find((f) => f.name === `${kind}.csv`)?.rows ?? 0).toBe(rows.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
