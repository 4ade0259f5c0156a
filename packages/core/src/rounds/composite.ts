/**
 * Composites over rounds (SPEC section 5): a city's composite ratio is the weighted mean of its
 * non-null ratios; a veto in any round makes it vetoed; titled cities (attribute `titled` = 1
 * in the latest round) are flagged ok / warning (提醒) / removal (建议撤销) by the latest
 * round's `dynamic` thresholds.
 */
import { CompositeError } from "../errors.js";
import type { Results } from "../results/model.js";
import { compareCodePoints } from "../order.js";

export type DynamicFlag = "ok" | "warning" | "removal";

export interface CompositeRound {
  readonly round: string;
  readonly weight: number;
  readonly ratio: number | null;
  readonly score: number | null;
  readonly status: "ok" | "vetoed" | null;
  readonly grade: string | null;
  readonly rank: number | null;
}

export interface CompositeCity {
  readonly cityId: string;
  readonly name: string;
  readonly peerGroup: string | null;
  readonly ratio: number | null;
  readonly status: "ok" | "vetoed";
  readonly titled: boolean;
  /** Dynamic management flag of a titled city; null for other cities or without thresholds. */
  readonly dynamic: DynamicFlag | null;
  readonly rounds: readonly CompositeRound[];
}

export interface Composite {
  readonly rounds: ReadonlyArray<{
    readonly round: string;
    readonly weight: number;
    readonly ruleset: string;
    readonly rulesetHash: string;
  }>;
  readonly latestRound: string;
  readonly dynamic: { readonly warningBelow: number; readonly removalBelow: number } | null;
  readonly cities: readonly CompositeCity[];
}

/** One round's results with its weight (default 1). */
export interface WeightedResults {
  readonly results: Results;
  readonly weight?: number;
}

const compareRounds = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

export { CompositeError };

/**
 * Combines rounds into composites. Rounds are ordered by round name (numeric-aware). Throws a
 * `CompositeError` when no round is given or a round is given twice.
 */
export function composeRounds(inputs: readonly WeightedResults[]): Composite {
  if (inputs.length === 0) throw new CompositeError({ code: "no_rounds", message: "a composite needs at least one round" });
  const seen = new Set<string>();
  for (const { results } of inputs) {
    if (seen.has(results.round))
      throw new CompositeError({ code: "duplicate_round", message: `round ${results.round} is given twice; each round counts once` });
    seen.add(results.round);
  }
  const rounds = [...inputs]
    .map((i) => ({ results: i.results, weight: i.weight ?? 1 }))
    .sort((a, b) => compareRounds(a.results.round, b.results.round));
  const latest = rounds[rounds.length - 1]?.results as Results;
  const dynamic = latest.ruleset.dynamic ?? null;
  const cityIds = [...new Set(rounds.flatMap((r) => r.results.cities.map((c) => c.cityId)))].sort(compareCodePoints);
  const cities = cityIds.map((cityId): CompositeCity => {
    let weighted = 0;
    let weights = 0;
    let vetoed = false;
    const perRound = rounds.map(({ results, weight }): CompositeRound => {
      const city = results.cities.find((c) => c.cityId === cityId);
      if (city?.status === "vetoed") vetoed = true;
      if (city !== undefined && city.ratio !== null) {
        weighted += weight * city.ratio;
        weights += weight;
      }
      return {
        round: results.round,
        weight,
        ratio: city?.ratio ?? null,
        score: city?.score ?? null,
        status: city?.status ?? null,
        grade: city?.grade ?? null,
        rank: city?.rank.overall ?? null,
      };
    });
    const ratio = weights > 0 ? weighted / weights : null;
    const inLatest = latest.cities.find((c) => c.cityId === cityId);
    const known = inLatest ?? rounds.map((r) => r.results.cities.find((c) => c.cityId === cityId)).find((c) => c !== undefined);
    // 已获称号: the attribute is the number 1 (a cities.csv cell "1" is read as the number 1)
    const titled = inLatest !== undefined && inLatest.attributes.titled === 1;
    const flag: DynamicFlag | null =
      !titled || dynamic === null || ratio === null
        ? null
        : ratio < dynamic.removalBelow
          ? "removal"
          : ratio < dynamic.warningBelow
            ? "warning"
            : "ok";
    return {
      cityId,
      name: known?.name ?? cityId,
      peerGroup: known?.peerGroup ?? null,
      ratio,
      status: vetoed ? "vetoed" : "ok",
      titled,
      dynamic: flag,
      rounds: perRound,
    };
  });
  return {
    rounds: rounds.map((r) => ({
      round: r.results.round,
      weight: r.weight,
      ruleset: `${r.results.ruleset.id}@${r.results.ruleset.version}`,
      rulesetHash: r.results.ruleset.hash,
    })),
    latestRound: latest.round,
    dynamic,
    cities,
  };
}
