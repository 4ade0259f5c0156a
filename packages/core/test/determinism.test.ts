/**
 * Determinism (SPEC section 3): the same inputs give byte-identical results, and reordering
 * rows (without duplicates) changes nothing.
 */
import { describe, expect, it } from "vitest";
import type { EvidenceRow, EvidenceTables } from "../src/index.js";
import { answerRows, cityRow, factRow, fieldRow, repeat, siteRow, verdictRow } from "./support/evidence-builders.js";
import { score } from "./support/outcomes.js";
import { dataStandard, documentStandard, fieldStandard, leaf, penalty, ruleset, surveyStandard, veto } from "./support/ruleset-builders.js";

const rs = ruleset([fieldStandard({ maxPerSite: 6 }), surveyStandard(), documentStandard(), dataStandard()], {
  adjustments: [penalty("P1", 3, leaf("exposed", "greaterThan", 0)), veto("V1", leaf("accidents", "greaterThan", 0))],
});

const evidence: EvidenceTables = {
  cities: [
    cityRow("a", { peer_group: "g1", titled: "1" }),
    cityRow("b", { peer_group: "g1" }),
    cityRow("c", { peer_group: "g2" }),
    cityRow("d"),
  ],
  sites: [siteRow("a", "m1"), siteRow("a", "m2"), siteRow("a", "r1", "road"), siteRow("b", "m1"), siteRow("c", "m1"), siteRow("d", "m1")],
  field: [
    fieldRow("a", "m1", "K1", 1, { note: "积水", photo: "p1.jpg" }),
    fieldRow("a", "m1", "K1", 2, { note: "垃圾", photo: "p2.jpg" }),
    fieldRow("a", "m1", "K2", 1, { note: "占道", photo: "p3.jpg" }),
    fieldRow("a", "m2", "K2", 3),
    fieldRow("b", "m1", "K1", 1),
    fieldRow("c", "m1", "K2", 1),
  ],
  survey: [
    ...answerRows("a", "Q1", [...repeat(7, "A"), ...repeat(3, "C")]),
    ...answerRows("b", "Q1", [...repeat(3, "B"), "C"]),
    ...answerRows("c", "Q1", repeat(5, "A")),
  ],
  documents: [
    verdictRow("a", "S3", "met", { reviewer: "甲", note: "齐全" }),
    verdictRow("a", "S3", "partial", { reviewer: "乙", note: "缺台账" }),
    verdictRow("a", "S3", "未达标", { reviewer: "丙" }),
    verdictRow("b", "S3", "基本达标", { reviewer: "甲" }),
    verdictRow("c", "S3", "met", { reviewer: "乙" }),
  ],
  facts: [
    factRow("a", "pm25", 40),
    factRow("b", "pm25", 40),
    factRow("c", "pm25", 60),
    factRow("b", "exposed", 1),
    factRow("d", "accidents", 2),
  ],
};

/** Every table reversed and then rotated by one, cities included. */
function reorder(tables: EvidenceTables): EvidenceTables {
  const shuffle = (rows: readonly EvidenceRow[] = []) => {
    const reversed = [...rows].reverse();
    return [...reversed.slice(1), ...reversed.slice(0, 1)];
  };
  // the tables are also given in another key order
  return {
    facts: shuffle(tables.facts),
    documents: shuffle(tables.documents),
    survey: shuffle(tables.survey),
    field: shuffle(tables.field),
    sites: shuffle(tables.sites),
    cities: shuffle(tables.cities),
  };
}

describe("determinism", () => {
  it("gives byte-identical JSON for the same inputs", async () => {
    const first = JSON.stringify(await score(rs, evidence));
    const second = JSON.stringify(await score(rs, evidence));
    expect(second).toBe(first);
  });

  it("gives byte-identical JSON when every table's rows come in another order", async () => {
    const original = await score(rs, evidence);
    const reordered = await score(rs, reorder(evidence));
    // the tables' own hashes differ (their rows differ in order), as a CSV file's would; the rest is byte-identical
    const withoutHashes = (results: typeof original) =>
      JSON.stringify({ ...results, inputs: { ...results.inputs, files: results.inputs.files.map(({ sha256: _, ...file }) => file) } });
    expect(withoutHashes(reordered)).toBe(withoutHashes(original));
    expect(reordered.inputs.files.map((f) => f.sha256)).not.toEqual(original.inputs.files.map((f) => f.sha256));
    // the evidence really is rich enough to be affected by order: several verdicts, notes, ranks
    const a = original.cities.find((c) => c.cityId === "a");
    const trace = a?.standards.find((s) => s.id === "S3")?.evidence;
    expect(trace?.method === "document" ? trace.verdicts.length : 0).toBe(3);
    expect(original.cities.map((c) => c.rank.overall)).not.toEqual([null, null, null, null]);
  });
});
