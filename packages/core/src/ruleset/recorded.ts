/**
 * The rule set a results.json was scored with, found again from what it records: its
 * `id@version`, its lineage (the chain, base first) and its hash — the exact chain, never
 * the versions in force today, and used only when it resolves to the very hash recorded
 * (a rule-set file edited since, or a different chain, is not the one scored with).
 */
import { type RulesetDocument, refOf } from "./documents.js";
import type { Ruleset } from "./model.js";
import { pickRuleset } from "./pick-ruleset.js";
import { resolveWith } from "./resolve.js";

/** What results record of their rule set (`results.ruleset`). */
export interface RecordedRuleset {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
  /** `id@version` of each rule set of the chain, base first, ending with `id@version`. */
  readonly lineage: readonly string[];
}

/**
 * The recorded rule set resolved among `documents` through the recorded lineage: each
 * `extends` must admit the version the lineage names there (a bare id admits any, whatever
 * its dates). Undefined when the chain cannot be followed, does not validate, or resolves to
 * another hash — then a report falls back on the names the results carry.
 *
 * @example
 * const ruleset = resolveRecordedRuleset(documents, results.ruleset);
 * const names = nameBookOf(ruleset, results); // the rule set's names when it is the one scored with, else the results'
 */
export function resolveRecordedRuleset(documents: readonly RulesetDocument[], recorded: RecordedRuleset): Ruleset | undefined {
  const top = `${recorded.id}@${recorded.version}`;
  const { lineage } = recorded;
  if (lineage[lineage.length - 1] !== top) return undefined;
  const resolution = resolveWith(documents, top, {
    top: (ref) => pickRuleset(documents, ref),
    baseOf: (ref, depth) => {
      const recordedBase = lineage[lineage.length - 2 - depth];
      if (recordedBase === undefined) return undefined;
      return pickRuleset(
        documents.filter((d) => refOf(d) === recordedBase),
        ref,
      );
    },
    notFound: () => "",
  });
  if (!resolution.ok || resolution.ruleset.hash !== recorded.hash) return undefined;
  const resolved = resolution.ruleset.lineage;
  return resolved.length === lineage.length && resolved.every((ref, i) => ref === lineage[i]) ? resolution.ruleset : undefined;
}
