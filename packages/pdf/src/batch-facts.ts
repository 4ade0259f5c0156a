/**
 * What a scorecard needs to know about the whole batch besides its own city: the round, the
 * rule set, how many cities take part overall and per peer group (for 名次 x / n), and what
 * became of the input rows. Plain data, computed once per batch (it crosses worker threads).
 */
import type { Results } from "@civitas/core";

export interface BatchFacts {
  readonly round: string;
  readonly engine: { readonly name: string; readonly version: string };
  readonly ruleset: Pick<Results["ruleset"], "id" | "version" | "hash" | "title" | "lineage" | "grades">;
  readonly cityCount: number;
  /** Cities per peer group. */
  readonly groupSizes: Readonly<Record<string, number>>;
  readonly files: readonly {
    readonly name: string;
    readonly rows: number;
    readonly accepted: number;
    readonly skipped: number;
    readonly rejected: number;
  }[];
  readonly rejected: number;
}

/** Collects the batch facts of some results. */
export function batchFactsOf(results: Results): BatchFacts {
  const groupSizes: Record<string, number> = {};
  for (const city of results.cities) {
    if (city.peerGroup !== null) groupSizes[city.peerGroup] = (groupSizes[city.peerGroup] ?? 0) + 1;
  }
  return {
    round: results.round,
    engine: { name: results.engine.name, version: results.engine.version },
    ruleset: {
      id: results.ruleset.id,
      version: results.ruleset.version,
      hash: results.ruleset.hash,
      title: results.ruleset.title,
      lineage: [...results.ruleset.lineage],
      grades: results.ruleset.grades.map((g) => ({ id: g.id, name: g.name, minRatio: g.minRatio })),
    },
    cityCount: results.cities.length,
    groupSizes,
    files: results.inputs.files.map((f) => ({
      name: f.name,
      rows: f.rows,
      accepted: f.accepted,
      skipped: f.skipped,
      rejected: f.rejected,
    })),
    rejected: results.inputs.rejected,
  };
}
