/**
 * `scoreRound` returns the results.json object: it conforms to the spec's required core
 * (results.schema.json), in-memory tables included (each with a sha256).
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseRuleset, scoreRound } from "../src/index.js";
import { documentStandard, fieldStandard, leaf, penalty, rulesetData, veto } from "./support/ruleset-builders.js";
import { resultsSchemaErrors } from "./support/results-schema.js";

describe("results of scoreRound", () => {
  it("conform to results.schema.json, rejected rows and a vetoed city included", async () => {
    const adjustments = [veto("V1", leaf("accidents", "greaterThan", 0)), penalty("P1", 3, leaf("exposed", "equal", 1))];
    const ruleset = parseRuleset(rulesetData([fieldStandard(), documentStandard()], { adjustments }));
    const results = await scoreRound({
      ruleset,
      round: "2024",
      evidence: {
        cities: [
          { city_id: "a", name: "甲", peer_group: "g", exposed: "1" },
          { city_id: "b", name: "乙", accidents: "2" },
        ],
        sites: [{ round: "2024", city_id: "a", site_id: "m1", site_type: "market" }],
        field: [
          { round: "2024", city_id: "a", site_id: "m1", check_id: "K1", count: "2" },
          { round: "2024", city_id: "zz", site_id: "m1", check_id: "K1", count: "1" },
        ],
      },
    });
    expect(resultsSchemaErrors(results)).toEqual([]);
    expect(results.cities.map((c) => [c.cityId, c.status, c.adjustments.map((a) => a.id)])).toEqual([
      ["a", "ok", ["P1"]],
      ["b", "vetoed", ["V1"]],
    ]);
    expect(results.rejects.map((r) => [r.file, r.line, r.code])).toEqual([["field.csv", 3, "unknown_city"]]);
  });

  it("give each table the sha256 of the table written as CSV", async () => {
    const ruleset = parseRuleset(rulesetData([fieldStandard()]));
    const cities = [
      { city_id: "a", name: "甲, 市" },
      { city_id: "b", name: "乙" },
    ];
    const results = await scoreRound({ ruleset, round: "2024", evidence: { cities } });
    const csv = 'city_id,name\na,"甲, 市"\nb,乙\n';
    expect(results.inputs.files).toEqual([
      {
        name: "cities.csv",
        rows: 2,
        accepted: 2,
        skipped: 0,
        rejected: 0,
        rejectedBy: {},
        sha256: createHash("sha256").update(csv).digest("hex"),
      },
    ]);
  });
});
