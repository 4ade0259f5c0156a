/**
 * The `patch` step of an overlay (after `remove`): a shallow merge of the given fields into
 * the item of the same id, recorded as written by the patch entry (so a problem in a patched
 * field is reported there). An id the base does not have is `overlay_target_missing`; an id
 * patched twice is `duplicate_patch` at the second entry, naming the first — two entries for
 * one item would otherwise merge silently, the later one winning field by field.
 */
import { formatPath } from "../issues.js";
import { clone, isRecord, KINDS, nodes, type OverlayStep, SINGULAR } from "./tree.js";

export function applyPatch(step: OverlayStep, patch: unknown): void {
  if (!isRecord(patch)) return;
  for (const kind of KINDS) {
    const entries = Array.isArray(patch[kind]) ? patch[kind] : [];
    const first = new Map<string, number>();
    for (const [i, fields] of entries.entries()) {
      // an entry without a string id is the schema's to report
      if (!isRecord(fields) || typeof fields.id !== "string") continue;
      const earlier = first.get(fields.id);
      if (earlier !== undefined) {
        step.issues.push({
          code: "duplicate_patch",
          path: ["patch", kind, i],
          message: `${SINGULAR[kind]} ${JSON.stringify(fields.id)} is patched twice: also by ${formatPath(["patch", kind, earlier])} (give its fields in one entry)`,
        });
        continue;
      }
      first.set(fields.id, i);
      const node = nodes(step.tree, kind).get(fields.id);
      if (node === undefined) step.missing(["patch", kind, i, "id"], kind, fields.id);
      else {
        Object.assign(node.item, clone(fields));
        step.wrote(node.item, { path: ["patch", kind, i], keys: new Set(Object.keys(fields)) });
      }
    }
  }
}
