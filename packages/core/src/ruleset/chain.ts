/**
 * The chain of a rule set: from a document, follow `extends` down to the base rule set,
 * asking `baseOf` which document each reference names, and stop at an unknown base or at a
 * document already in the chain (a cycle: `a → b → a`, or a file extending itself).
 */
import { type RulesetDocument, refOf } from "./documents.js";
import type { RulesetIssue } from "./issues.js";
import { isOverlay } from "./overlay/apply.js";
import { RULESET_REFERENCE } from "./pick-ruleset.js";

/**
 * The document an `extends` reference names, for the document at `depth` in the chain
 * (0 = the rule set asked for, 1 = its base, …); undefined when there is none.
 */
export type BaseOf = (reference: string, depth: number) => RulesetDocument | undefined;

/**
 * The chain, base first; or where the walk stopped — the document whose `extends` names no
 * known rule set, closes a cycle, or is not a reference at all (then the overlay format
 * reports it, and `issue` is absent) — with the chain above that document.
 */
export type Chain =
  | { readonly ok: true; readonly chain: readonly RulesetDocument[] }
  | { readonly ok: false; readonly at: RulesetDocument; readonly above: readonly RulesetDocument[]; readonly issue?: RulesetIssue };

const nameOf = (document: RulesetDocument) => refOf(document) ?? document.path;

/** Walks `extends` from `top`; `unknown(reference)` says why a reference names nothing. */
export function walkChain(top: RulesetDocument, baseOf: BaseOf, unknown: (reference: string) => string): Chain {
  const upward: RulesetDocument[] = [top];
  for (;;) {
    const current = upward[upward.length - 1] as RulesetDocument;
    const data = current.data as Record<string, unknown>;
    if (!isOverlay(data)) return { ok: true, chain: [...upward].reverse() };
    const above = upward.slice(0, -1);
    const reference = data.extends;
    if (typeof reference !== "string" || !RULESET_REFERENCE.test(reference)) return { ok: false, at: current, above };
    const base = baseOf(reference, upward.length - 1);
    if (base === undefined) {
      return { ok: false, at: current, above, issue: { code: "unknown_base", path: ["extends"], message: unknown(reference) } };
    }
    const loop = upward.findIndex((d) => d === base || (refOf(d) !== undefined && refOf(d) === refOf(base)));
    if (loop >= 0) {
      const refs = [...upward.slice(loop), base].map(nameOf);
      return {
        ok: false,
        at: current,
        above,
        issue: { code: "cycle", path: ["extends"], message: `cycle of extends: ${refs.join(" → ")}` },
      };
    }
    upward.push(base);
  }
}
