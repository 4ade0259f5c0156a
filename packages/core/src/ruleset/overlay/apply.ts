/**
 * Applies one local overlay (地方实施细则) to its resolved base, on plain data: `remove`
 * first, then `patch`, then `add` (one module each), then `departments` and `siteTypes`
 * merged by id and the top-level fields the overlay gives. The result is validated as a base
 * rule set afterwards; `origins` tells where in the overlay file each written item came from.
 */
import type { RulesetIssue } from "../issues.js";
import { applyAdd } from "./add.js";
import { applyPatch } from "./patch.js";
import { applyRemove } from "./remove.js";
import { clone, type Data, isRecord, type Origins, OverlayStep, type Tree } from "./tree.js";

/** True when the data declares `extends`. */
export function isOverlay(data: unknown): boolean {
  return isRecord(data) && Object.hasOwn(data, "extends");
}

/** Top-level fields an overlay gives in place of its base's. */
const REPLACED = ["id", "version", "title", "effectiveFrom", "effectiveTo", "description", "scale", "missingEvidence", "grades", "dynamic"];
/** Top-level fields not inherited from the base when the overlay does not give them. */
const NOT_INHERITED = new Set(["effectiveTo", "description"]);

/** The base with the overlay applied; `baseRef` (`id@version`) names the base in messages. */
export function applyOverlay(base: Data, overlay: Data, baseRef: string): { issues: RulesetIssue[]; resolved: Data; origins: Origins } {
  const resolved = clone(base);
  const tree: Tree = {
    categories: Array.isArray(resolved.categories) ? (resolved.categories as Data[]) : [],
    adjustments: Array.isArray(resolved.adjustments) ? (resolved.adjustments as Data[]) : [],
  };
  resolved.categories = tree.categories;
  if (tree.adjustments.length > 0 || Object.hasOwn(resolved, "adjustments") || isRecord(overlay.add)) {
    resolved.adjustments = tree.adjustments;
  }
  const step = new OverlayStep(tree, baseRef);
  applyRemove(step, overlay.remove);
  applyPatch(step, overlay.patch);
  applyAdd(step, overlay.add);

  for (const key of ["departments", "siteTypes"] as const) {
    if (!Array.isArray(overlay[key])) continue;
    const merged = Array.isArray(resolved[key]) ? [...(resolved[key] as Data[])] : [];
    for (const [j, entry] of (overlay[key] as unknown[]).entries()) {
      if (!isRecord(entry)) continue;
      const at = merged.findIndex((m) => isRecord(m) && m.id === entry.id);
      const copy = clone(entry);
      step.wrote(copy, { path: [key, j], keys: undefined });
      if (at >= 0) merged[at] = copy;
      else merged.push(copy);
    }
    resolved[key] = merged;
  }
  const given = new Set<string>();
  for (const key of REPLACED) {
    if (Object.hasOwn(overlay, key)) {
      resolved[key] = clone(overlay[key]);
      given.add(key);
    } else if (NOT_INHERITED.has(key)) delete resolved[key];
  }
  step.wrote(resolved, { path: [], keys: given });
  delete resolved.$schema;
  // An inherited scale stays: once points move, the overlay must restate it (SPEC 1: the
  // resolved rule set is validated, and a scale that is present must equal the sum).
  return { issues: step.issues, resolved, origins: step.origins };
}
