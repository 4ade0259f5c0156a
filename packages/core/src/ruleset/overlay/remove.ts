/**
 * The `remove` step of an overlay (applied first): each listed id is taken out of the tree
 * with everything below it; an id the base does not have (or that this overlay already
 * removed) is `overlay_target_missing` at its entry.
 */
import { isRecord, KINDS, nodes, type OverlayStep } from "./tree.js";

export function applyRemove(step: OverlayStep, remove: unknown): void {
  if (!isRecord(remove)) return;
  for (const kind of KINDS) {
    const ids = Array.isArray(remove[kind]) ? remove[kind] : [];
    for (const [i, id] of ids.entries()) {
      const node = nodes(step.tree, kind).get(String(id));
      if (node === undefined) step.missing(["remove", kind, i], kind, String(id));
      else {
        node.siblings.splice(node.siblings.indexOf(node.item), 1);
        step.removedIds(kind).add(String(id));
      }
    }
  }
}
