/**
 * Two synthetic rounds of the same rule set for the documents across rounds: 2023 (cities
 * c01–c06) and 2024 (c01–c05 and c07: c06 was not assessed, c07 is new), scored from different
 * seeds so that problems are resolved, persist, go unverified and appear. Titled cities and
 * dynamic thresholds are added to 2024 for composites.
 */
import type { Results, Ruleset } from "@civitas/core";
import { syntheticRound } from "./synthetic.js";

export interface TwoRounds {
  readonly ruleset: Ruleset;
  readonly base: Results;
  readonly current: Results;
}

/** The two rounds (titled: every city but the last; thresholds 75% / 60%). */
export async function twoRounds(): Promise<TwoRounds> {
  const earlier = await syntheticRound({ cities: 6, seed: 3 });
  const later = await syntheticRound({ cities: 7, seed: 7, omit: ["c06"] });
  const base: Results = { ...earlier.results, round: "2023" };
  const current: Results = {
    ...later.results,
    ruleset: { ...later.results.ruleset, dynamic: { warningBelow: 0.75, removalBelow: 0.6 } },
    cities: later.results.cities.map((c, i, all) => ({ ...c, attributes: { ...c.attributes, titled: i < all.length - 1 ? 1 : 0 } })),
  };
  return { ruleset: later.ruleset, base, current };
}
