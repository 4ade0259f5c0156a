/**
 * Two scored rounds of one rule set (S1 field with K1 and K2, S3 document; dynamic thresholds
 * 0.75 / 0.6), for the commands across rounds: in city a, K1 at m1 persists, K2 at m2 goes
 * unverified (m2 not visited in 2024), K2 at m3 is new and S3 is resolved; b's K1 at m1 is
 * resolved; c's S3 goes unverified (no verdict in 2024).
 */
import { type Results, scoreRound } from "../../src/index.js";
import { fieldRow, siteRow, verdictRow } from "./evidence-builders.js";
import { documentStandard, fieldStandard, ruleset } from "./ruleset-builders.js";

export const rs = ruleset([fieldStandard(), documentStandard()], { dynamic: { warningBelow: 0.75, removalBelow: 0.6 } });
const in2023 = { round: "2023" };
export const cities = [
  { city_id: "a", name: "甲市", peer_group: "g", titled: "1" },
  { city_id: "b", name: "乙市", peer_group: "g", titled: "1" },
  { city_id: "c", name: "丙市", peer_group: "g", titled: "0" },
];

/** The 2023 and 2024 results. */
export async function twoRounds(): Promise<[Results, Results]> {
  const evidence = {
    cities,
    sites: [
      siteRow("a", "m1", "market", in2023),
      siteRow("a", "m2", "market", in2023),
      siteRow("b", "m1", "market", in2023),
      siteRow("a", "m1"),
      siteRow("a", "m3"),
      siteRow("b", "m1"),
    ],
    field: [
      fieldRow("a", "m1", "K1", 1, in2023),
      fieldRow("a", "m2", "K2", 1, in2023),
      fieldRow("b", "m1", "K1", 1, in2023),
      fieldRow("a", "m1", "K1", 1),
      fieldRow("a", "m3", "K2", 1),
    ],
    documents: [verdictRow("a", "S3", "partial", in2023), verdictRow("c", "S3", "unmet", in2023), verdictRow("a", "S3", "met")],
  };
  return [await scoreRound({ ruleset: rs, round: "2023", evidence }), await scoreRound({ ruleset: rs, round: "2024", evidence })];
}
