/**
 * Sharding for multi-machine runs: a city belongs to shard `hash(city_id) mod n`; a shard
 * admits only the rows it owns (rows of its cities; rows without a usable city by their file
 * and line), so that summing the shards' accounts gives the unsharded ones. `mergeShards`
 * joins shard results, recomputing ranks, into exactly what an unsharded run gives.
 */
import { MergeError, type MergeErrorCode } from "../errors.js";
import { EVIDENCE_FILE_NAMES, EVIDENCE_KINDS } from "../evidence/columns.js";
import { sha256Hex } from "../ruleset/hash.js";
import type { RejectCode } from "../evidence/reject-codes.js";
import type { InputFile, Results } from "../results/model.js";
import { assembleResults } from "./assemble-results.js";

/** One shard of `count`: `index` is 0-based (1..count is accepted, count meaning 0). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `i/n`; i may be 0-based (0..n−1) or 1-based (1..n): n ≡ 0. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (match === null) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!(count >= 1) || index > count) return undefined;
  return { index: index % count, count };
}

/** The shard a key (a city id, or a row's file and line) belongs to. */
export function shardOf(key: string, count: number): number {
  return Number.parseInt(sha256Hex(key).slice(0, 8), 16) % count;
}

/** A shard as the user names it: 1..n. */
const label = (index: number, count: number) => `${index === 0 ? count : index}/${count}`;

export { MergeError };

const refuse = (code: MergeErrorCode, message: string) => new MergeError({ code, message });

const fileOrder = (name: string) => {
  const at = EVIDENCE_KINDS.findIndex((kind) => EVIDENCE_FILE_NAMES[kind] === name);
  return at === -1 ? EVIDENCE_KINDS.length : at;
};

/** Joins the results of every shard of one run into the unsharded results. */
export function mergeShards(shards: readonly Results[]): Results {
  const first = shards[0];
  if (first === undefined) throw refuse("nothing_to_merge", "nothing to merge");
  const count = first.shard?.count;
  if (count === undefined) throw refuse("not_sharded", "these results were not produced with --shard");
  const seen = new Set<number>();
  for (const shard of shards) {
    if (shard.shard === undefined || shard.shard.count !== count)
      throw refuse("mixed_shards", "every result must come from the same --shard i/n run");
    if (seen.has(shard.shard.index)) throw refuse("duplicate_shard", `shard ${label(shard.shard.index, count)} is given twice`);
    seen.add(shard.shard.index);
    if (shard.ruleset.hash !== first.ruleset.hash) throw refuse("different_rulesets", "the shards were scored with different rule sets");
    if (shard.round !== first.round) throw refuse("different_rounds", `the shards score different rounds (${first.round}, ${shard.round})`);
    const hashes = (r: Results) => r.inputs.files.map((f) => `${f.name}:${f.sha256}`).join(",");
    if (hashes(shard) !== hashes(first)) throw refuse("different_evidence", "the shards read different evidence files");
  }
  if (seen.size !== count) {
    const missing = [...Array(count).keys()].filter((i) => !seen.has(i)).map((i) => label(i, count));
    throw refuse("missing_shards", `missing shard(s): ${missing.join(", ")}`);
  }
  // A shard's results list every rejected row (write-results.ts): sorted, they are the unsharded list.
  const rejects = shards.flatMap((s) => s.rejects).sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || a.line - b.line);
  const files: InputFile[] = first.inputs.files.map((file) => {
    const all = shards.map((s) => s.inputs.files.find((f) => f.name === file.name));
    const sum = (key: "rows" | "accepted" | "skipped" | "rejected") => all.reduce((acc, f) => acc + (f?.[key] ?? 0), 0);
    const merged = { ...file, rows: sum("rows"), accepted: sum("accepted"), skipped: sum("skipped"), rejected: sum("rejected") };
    if (file.rejectedBy === undefined) return merged;
    const rejectedBy: Partial<Record<RejectCode, number>> = {};
    for (const f of all) {
      for (const [code, n] of Object.entries(f?.rejectedBy ?? {}) as [RejectCode, number][]) rejectedBy[code] = (rejectedBy[code] ?? 0) + n;
    }
    return { ...merged, rejectedBy };
  });
  return assembleResults({
    ruleset: first.ruleset,
    engine: first.engine,
    round: first.round,
    cities: shards.flatMap((s) => s.cities),
    files,
    rejects,
    rejectsOmitted: shards.reduce((acc, s) => acc + s.rejectsOmitted, 0),
  });
}
