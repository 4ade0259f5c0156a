/**
 * The rule set a results.json was scored with, found in the rule-set directory by what the
 * results record — the `id@version`, the lineage (base first) and the hash — through core's
 * `resolveRecordedRuleset`: the exact chain, never the versions in force today, and only when
 * it resolves to the hash recorded. It names checks, site types and contents in the reports;
 * without it the reports use the names the results carry.
 */
import { type Results, type Ruleset, resolveRecordedRuleset } from "@civitas/core";
import { scanRulesets } from "./scan-rulesets.js";

/** The results' own rule set, or undefined when it cannot be found unchanged. */
export function rulesetOfResults(results: Results, rulesetsDir: string): Ruleset | undefined {
  const catalog = scanRulesets(rulesetsDir);
  return catalog.exists ? resolveRecordedRuleset(catalog.files, results.ruleset) : undefined;
}
