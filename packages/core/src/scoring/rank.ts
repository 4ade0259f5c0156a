/**
 * Ranking (SPEC section 3): cities with status ok and a ratio, highest ratio first, overall
 * and within their peer group; equal ratios share a rank and the next rank skips (1, 2, 2, 4).
 */

import { RATIO_TOLERANCE } from "./rounding.js";

interface Rankable {
  readonly cityId: string;
  readonly status: "ok" | "vetoed";
  readonly ratio: number | null;
  readonly peerGroup: string | null;
}

/** Competition ranks ("1224") of the rankable cities; others are absent from the map. */
export function competitionRanks(cities: readonly Rankable[]): Map<string, number> {
  const ranked = cities
    .filter((c): c is Rankable & { ratio: number } => c.status === "ok" && c.ratio !== null)
    .sort((a, b) => b.ratio - a.ratio);
  const ranks = new Map<string, number>();
  // a tie is measured from the first city of its group, so that near-equal ratios do not chain
  let first: (Rankable & { ratio: number }) | undefined;
  ranked.forEach((city, i) => {
    if (first === undefined || first.ratio - city.ratio > RATIO_TOLERANCE) first = city;
    ranks.set(city.cityId, first === city ? i + 1 : (ranks.get(first.cityId) as number));
  });
  return ranks;
}

/** Overall and peer-group ranks of every city (null where the city is not ranked). */
export function rankCities(cities: readonly Rankable[]): Map<string, { overall: number | null; peerGroup: number | null }> {
  const overall = competitionRanks(cities);
  const groups = new Map<string, Rankable[]>();
  for (const city of cities) {
    if (city.peerGroup === null) continue;
    const members = groups.get(city.peerGroup) ?? [];
    members.push(city);
    groups.set(city.peerGroup, members);
  }
  const inGroup = new Map<string, number>();
  for (const members of groups.values()) for (const [id, rank] of competitionRanks(members)) inGroup.set(id, rank);
  return new Map(cities.map((c) => [c.cityId, { overall: overall.get(c.cityId) ?? null, peerGroup: inGroup.get(c.cityId) ?? null }]));
}
