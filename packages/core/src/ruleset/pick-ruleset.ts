/**
 * The one version picker (SPEC section 1): `id@version` names that version exactly; `id`
 * alone names the newest version (SemVer precedence, pre-releases included) in force on the
 * as-of date, `effectiveFrom <= date < effectiveTo` — or, without a date, the newest version
 * whatever its dates.
 */
import { type RulesetDocument, refOf } from "./documents.js";
import { compareVersions, isEffectiveOn } from "./versions.js";

/** `id@version`, or `id` alone (then the as-of date picks the version). */
export const RULESET_REFERENCE = /^[a-z0-9-]+(@[^@\s]+)?$/;

function fields(document: RulesetDocument): { id?: unknown; version?: unknown; effectiveFrom?: unknown; effectiveTo?: unknown } {
  const data = document.data;
  return typeof data === "object" && data !== null && !Array.isArray(data) ? data : {};
}

/**
 * The document `reference` names among `documents`, or undefined. Documents without a text
 * `id` and `version` are never picked.
 *
 * @example
 * pickRuleset(documents, "national@2021.1.0"); // that version
 * pickRuleset(documents, "national", "2024-06-30"); // the newest in force on that date
 */
export function pickRuleset(documents: readonly RulesetDocument[], reference: string, asOf?: string): RulesetDocument | undefined {
  const at = reference.indexOf("@");
  const id = at < 0 ? reference : reference.slice(0, at);
  const version = at < 0 ? undefined : reference.slice(at + 1);
  let best: { document: RulesetDocument; version: string } | undefined;
  for (const document of documents) {
    if (refOf(document) === undefined) continue;
    const data = fields(document);
    if (data.id !== id) continue;
    const own = data.version as string;
    if (version !== undefined ? own !== version : asOf !== undefined && !isEffectiveOn(data, asOf)) continue;
    if (best === undefined || compareVersions(own, best.version) > 0) best = { document, version: own };
  }
  return best?.document;
}
