/**
 * What a scorecard shows of the previous round (`--previous`): the city's score, ratio, grade,
 * ranks and categories then, and what became of last round's problems (the closure classes of
 * `compareRounds`, with the persisting ones largest loss first). Plain data, computed once per
 * batch in the calling thread; each city's part travels with its scorecard job.
 */
import { type ClosureItem, type ClosureTotals, compareRounds, type Results } from "@civitas/core";

/** The previous round as one city's scorecard sees it. */
export interface PreviousRoundFacts {
  readonly round: string;
  readonly ruleset: { readonly id: string; readonly version: string };
  /** True when the two rounds use different versions of the rule set. */
  readonly versionsDiffer: boolean;
  readonly cityCount: number;
  /** The city in the previous round; null when it did not take part. */
  readonly city: {
    readonly score: number;
    readonly max: number;
    readonly ratio: number | null;
    readonly status: "ok" | "vetoed";
    readonly gradeName: string | null;
    readonly peerGroup: string | null;
    readonly groupSize: number;
    readonly rank: { readonly overall: number | null; readonly peerGroup: number | null };
    readonly categories: readonly { readonly id: string; readonly name: string; readonly score: number; readonly ratio: number | null }[];
  } | null;
  /** The city's problems of both rounds, per closure class. */
  readonly closure: ClosureTotals;
  /** The persisting problems (未整改), largest current loss first, at most the limit. */
  readonly persisting: readonly ClosureItem[];
}

/** Persisting problems listed per scorecard by default. */
export const PERSISTING_SHOWN = 10;

const byLoss = (a: ClosureItem, b: ClosureItem) =>
  (b.current?.loss ?? 0) - (a.current?.loss ?? 0) ||
  (a.standardId < b.standardId ? -1 : a.standardId > b.standardId ? 1 : 0) ||
  ((a.checkId ?? "") < (b.checkId ?? "") ? -1 : (a.checkId ?? "") > (b.checkId ?? "") ? 1 : 0) ||
  ((a.siteId ?? "") < (b.siteId ?? "") ? -1 : (a.siteId ?? "") > (b.siteId ?? "") ? 1 : 0);

/**
 * The previous-round facts of every city of `current`. Throws the core's `ClosureError` when
 * the two results use different rule sets.
 */
export function previousRoundFacts(previous: Results, current: Results, limit = PERSISTING_SHOWN): Map<string, PreviousRoundFacts> {
  const closure = compareRounds(previous, current);
  const groupSizes = new Map<string, number>();
  for (const city of previous.cities)
    if (city.peerGroup !== null) groupSizes.set(city.peerGroup, (groupSizes.get(city.peerGroup) ?? 0) + 1);
  const before = new Map(previous.cities.map((c) => [c.cityId, c]));
  const persisting = new Map<string, ClosureItem[]>();
  for (const item of closure.items) {
    if (item.class !== "persisting") continue;
    const list = persisting.get(item.cityId) ?? [];
    list.push(item);
    persisting.set(item.cityId, list);
  }
  const facts = new Map<string, PreviousRoundFacts>();
  for (const { cityId } of current.cities) {
    const then = before.get(cityId);
    const totals = Object.hasOwn(closure.totals.byCity, cityId) ? closure.totals.byCity[cityId] : undefined;
    facts.set(cityId, {
      round: previous.round,
      ruleset: { id: previous.ruleset.id, version: previous.ruleset.version },
      versionsDiffer: closure.versionsDiffer,
      cityCount: previous.cities.length,
      city:
        then === undefined
          ? null
          : {
              score: then.score,
              max: then.max,
              ratio: then.ratio,
              status: then.status,
              gradeName: then.gradeName,
              peerGroup: then.peerGroup,
              groupSize: then.peerGroup === null ? 0 : (groupSizes.get(then.peerGroup) ?? 0),
              rank: { overall: then.rank.overall, peerGroup: then.rank.peerGroup },
              categories: then.categories.map((c) => ({ id: c.id, name: c.name, score: c.score, ratio: c.ratio })),
            },
      closure: { ...(totals ?? { resolved: 0, unverified: 0, persisting: 0, new: 0 }) },
      persisting: (persisting.get(cityId) ?? []).sort(byLoss).slice(0, Math.max(0, limit)),
    });
  }
  return facts;
}
