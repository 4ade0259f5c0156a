/**
 * The rule set a results.json was scored with, looked up as `id@version` in the rule-set
 * directory and used only when its hash is exactly the one recorded: it names checks, site
 * types and contents in the PDFs. Without it the PDFs use the names the results carry.
 */
import type { Results, Ruleset } from "@civitas/core";
import { CliFailure } from "./failure.js";
import { loadRuleset } from "./load-ruleset.js";
import { today } from "./today.js";

/** The results' own rule set, or undefined when it cannot be found unchanged. */
export function rulesetOfResults(results: Results, rulesetsDir: string): Ruleset | undefined {
  const loaded = loadRuleset(`${results.ruleset.id}@${results.ruleset.version}`, { rulesetsDir, asOf: today() });
  return loaded instanceof CliFailure || loaded.ruleset.hash !== results.ruleset.hash ? undefined : loaded.ruleset;
}
