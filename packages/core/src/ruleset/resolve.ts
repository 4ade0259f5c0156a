/**
 * Rule-set resolution, once (SPEC section 1): from the known rule-set documents and a
 * reference — a document by its path, `id@version`, or `id` with an as-of date — to the
 * resolved rule set and its lineage, or every issue, each attributed to the file it is in.
 * The reference and each `extends` are looked up by the one version picker; the chain is
 * walked once, cycles caught; then each document is checked on its own, base first, so a
 * fault of a base is reported in the base's file and one an overlay causes at its entry.
 */
import { type BaseOf, walkChain } from "./chain.js";
import { checkOverlay, checkResolved, type Checked, overlayFormatIssues } from "./check-document.js";
import { attribute, duplicateRulesets, type RulesetDocument, refOf } from "./documents.js";
import type { RulesetIssue } from "./issues.js";
import type { Ruleset } from "./model.js";
import { isOverlay } from "./overlay/apply.js";
import { pickRuleset } from "./pick-ruleset.js";
import { isIsoDate } from "./versions.js";

/** A rule set asked for: `"id@version"`, `"id"` (the as-of date picks the version), or a document by its path. */
export type RulesetReference = string | { readonly path: string };

/** Options of `resolveRuleset`. */
export interface ResolveOptions {
  /**
   * The date (YYYY-MM-DD) that picks the version of a reference given as a bare id, and of
   * each bare-id `extends`: the newest version with `effectiveFrom <= asOf < effectiveTo`.
   * Without it, the newest version whatever its dates.
   */
  readonly asOf?: string;
}

/**
 * A resolution: the rule set with the chain of documents it was resolved from (base first,
 * the one asked for last; `ruleset.lineage` names them as `id@version`), or every issue.
 */
export type Resolution =
  | { readonly ok: true; readonly ruleset: Ruleset; readonly chain: readonly RulesetDocument[] }
  | { readonly ok: false; readonly issues: readonly RulesetIssue[] };

/** How a resolution finds documents: the one asked for, and the base of each in the chain. */
export interface Lookup {
  readonly top: (reference: string) => RulesetDocument | undefined;
  readonly baseOf: BaseOf;
  /** What follows "no rule set X" / "unknown base rule set X" (say, the date). */
  readonly notFound: (reference: string) => string;
}

/**
 * Resolves the rule set `reference` names among `documents`. Two documents with the same
 * `id@version` are `duplicate_ruleset` (naming both files) whenever a rule set is looked up
 * by id; a reference naming no document is `unknown_ruleset` (no file).
 *
 * @example
 * import { formatIssue, readRulesetText, resolveRuleset } from "@civitas/core";
 * const read = (path: string, text: string) => {
 *   const parsed = readRulesetText(text);
 *   if (!parsed.ok) throw new Error(path);
 *   return { path, data: parsed.value.data, locate: parsed.value.locate };
 * };
 * const documents = [read("national/2021.1.0.yaml", nationalText), read("local/shenzhen.yaml", shenzhenText)];
 * const resolution = resolveRuleset(documents, "shenzhen", { asOf: "2024-06-30" });
 * if (resolution.ok) console.log(resolution.ruleset.lineage, resolution.ruleset.hash);
 * else for (const issue of resolution.issues) console.log(formatIssue(issue)); // file:line:column path: message
 */
export function resolveRuleset(
  documents: readonly RulesetDocument[],
  reference: RulesetReference,
  options: ResolveOptions = {},
): Resolution {
  const { asOf } = options;
  if (asOf !== undefined && !isIsoDate(asOf)) throw new RangeError(`asOf ${JSON.stringify(asOf)} is not a date (YYYY-MM-DD)`);
  return resolveWith(documents, reference, {
    top: (ref) => pickRuleset(documents, ref, asOf),
    baseOf: (ref) => pickRuleset(documents, ref, asOf),
    notFound: (ref) => (asOf === undefined || ref.includes("@") ? "" : ` in force on ${asOf}`),
  });
}

/** `resolveRuleset` with the documents looked up as `lookup` says. */
export function resolveWith(documents: readonly RulesetDocument[], reference: RulesetReference, lookup: Lookup): Resolution {
  const byId = typeof reference === "string";
  if (byId) {
    const duplicates = duplicateRulesets(documents);
    if (duplicates.length > 0) return { ok: false, issues: duplicates };
  }
  const top = byId ? lookup.top(reference) : documents.find((d) => d.path === reference.path);
  if (top === undefined) {
    const known = [...new Set(documents.flatMap((d) => refOf(d) ?? []))].join(", ") || "none";
    const message = byId
      ? `no rule set ${reference}${lookup.notFound(reference)} (known: ${known})`
      : `no rule-set document ${reference.path} among the known ones`;
    return { ok: false, issues: [{ code: "unknown_ruleset", path: [], message }] };
  }
  if (!byId && isOverlay(top.data)) {
    const duplicates = duplicateRulesets(documents);
    if (duplicates.length > 0) return { ok: false, issues: duplicates };
  }

  const walked = walkChain(top, lookup.baseOf, (ref) => `unknown base rule set ${JSON.stringify(ref)}${lookup.notFound(ref)}`);
  if (!walked.ok) {
    const issues = attribute([...overlayFormatIssues(walked.at.data), ...(walked.issue === undefined ? [] : [walked.issue])], walked.at);
    return { ok: false, issues: [...baseNote(top, [...walked.above, walked.at][1], walked.at), ...issues] };
  }
  const { chain } = walked;
  let below: Ruleset | undefined;
  for (const document of chain) {
    const checked: Checked =
      below === undefined ? checkResolved(document.data, []) : checkOverlay(document.data as Record<string, unknown>, below);
    if (!checked.ok) {
      return { ok: false, issues: [...baseNote(top, chain[chain.length - 2], document), ...attribute(checked.issues, document)] };
    }
    below = checked.ruleset;
  }
  return { ok: true, ruleset: below as Ruleset, chain };
}

/**
 * When the fault is in a document below the one asked for: `invalid_base` at the top's
 * `extends`, naming its base, so the file asked for says why it is refused.
 */
function baseNote(top: RulesetDocument, base: RulesetDocument | undefined, faulty: RulesetDocument): RulesetIssue[] {
  if (faulty === top || base === undefined) return [];
  const message = `its base ${refOf(base) ?? "?"} (${base.path}) has problems, listed below`;
  return attribute([{ code: "invalid_base", path: ["extends"], message }], top);
}
