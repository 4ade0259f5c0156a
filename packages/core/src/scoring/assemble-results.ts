/**
 * The results object in its one key order: cities sorted by id and ranked across them. Used by
 * scoring and by the merge of shards, so that both give byte-identical output.
 */
import { REJECT_CODES, type RejectCode, type RejectedRow } from "../evidence/reject-codes.js";
import type { CityResult, InputFile, Results } from "../results/model.js";
import { rankCities } from "./rank.js";
import { compareCodePoints } from "../order.js";

/** A file's rejected rows by code in the order of `REJECT_CODES`, whatever order the rows came in. */
function canonicalCounts(file: InputFile): InputFile {
  const counted = file.rejectedBy;
  if (counted === undefined) return file;
  const rejectedBy: Partial<Record<RejectCode, number>> = {};
  for (const code of Object.keys(REJECT_CODES) as RejectCode[]) {
    const n = counted[code];
    if (n !== undefined && n > 0) rejectedBy[code] = n;
  }
  return { ...file, rejectedBy };
}

/** The results object, in its one key order: cities sorted by id and ranked across them. */
export function assembleResults(parts: {
  readonly ruleset: Results["ruleset"];
  readonly engine: Results["engine"];
  readonly round: string;
  readonly cities: readonly CityResult[];
  readonly files: readonly InputFile[];
  readonly rejects: readonly RejectedRow[];
  /** Rejected rows counted in the files but not listed in `rejects` (default 0). */
  readonly rejectsOmitted?: number;
  readonly shard?: { readonly index: number; readonly count: number };
}): Results {
  const sorted = [...parts.cities].sort((a, b) => compareCodePoints(a.cityId, b.cityId));
  const ranks = rankCities(sorted);
  return {
    schemaVersion: 1,
    engine: parts.engine,
    ruleset: parts.ruleset,
    round: parts.round,
    ...(parts.shard === undefined ? {} : { shard: parts.shard }),
    cities: sorted.map((city) => ({ ...city, rank: ranks.get(city.cityId) ?? { overall: null, peerGroup: null } })),
    inputs: { files: parts.files.map(canonicalCounts), rejected: parts.files.reduce((acc, f) => acc + f.rejected, 0) },
    rejects: parts.rejects,
    rejectsOmitted: parts.rejectsOmitted ?? 0,
  };
}
