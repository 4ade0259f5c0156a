/**
 * The `add` step of an overlay (after `patch`): new items appended to the tree, each recorded
 * as written whole by its entry. Categories and adjustments are given as they are; contents,
 * standards and checks name their parent (`{category, content}`, `{content, standard}`,
 * `{standard, check}`). An id that already exists (in the base, or added earlier by this
 * overlay) is `overlay_target_exists`; an unknown parent is `overlay_target_missing`.
 */
import { clone, isRecord, KINDS, type Kind, nodes, type OverlayStep, SINGULAR } from "./tree.js";

/** For `add`: which key names the parent, and which list of the parent receives the item. */
const PARENT: Partial<Record<Kind, { key: string; kind: Kind; list: string }>> = {
  contents: { key: "category", kind: "categories", list: "contents" },
  standards: { key: "content", kind: "contents", list: "standards" },
  checks: { key: "standard", kind: "standards", list: "checks" },
};

export function applyAdd(step: OverlayStep, add: unknown): void {
  if (!isRecord(add)) return;
  const { tree } = step;
  for (const kind of KINDS) {
    const additions = Array.isArray(add[kind]) ? add[kind] : [];
    for (const [i, entry] of additions.entries()) {
      const parent = PARENT[kind];
      const singular = SINGULAR[kind];
      const at = parent === undefined ? ["add", kind, i] : ["add", kind, i, singular];
      const item = parent === undefined ? entry : isRecord(entry) ? entry[singular] : undefined;
      if (!isRecord(item)) {
        // A typo must not be silently ignored: what is added is an object (an absent one is
        // already reported by the schema).
        if (item !== undefined) step.issues.push({ code: "invalid_type", path: at, message: `the ${singular} to add must be an object` });
        continue;
      }
      const id = String(item.id);
      if (nodes(tree, kind).has(id)) {
        step.issues.push({
          code: "overlay_target_exists",
          path: [...at, "id"],
          message: step.addedIds(kind).has(id)
            ? `${singular} ${JSON.stringify(id)} is added twice by this overlay`
            : `${singular} ${JSON.stringify(id)} already exists in ${step.baseRef}`,
        });
        continue;
      }
      step.addedIds(kind).add(id);
      const added = clone(item);
      step.wrote(added, { path: at, keys: undefined });
      if (parent === undefined) {
        (kind === "adjustments" ? tree.adjustments : tree.categories).push(added);
        continue;
      }
      // a missing parent key is the schema's to report (required)
      if (!isRecord(entry) || typeof entry[parent.key] !== "string") continue;
      const parentId = entry[parent.key] as string;
      const owner = nodes(tree, parent.kind).get(parentId);
      if (owner === undefined) {
        step.missing(["add", kind, i, parent.key], parent.kind, parentId);
        continue;
      }
      const target = owner.item[parent.list];
      if (Array.isArray(target)) target.push(added);
      else owner.item[parent.list] = [added];
    }
  }
}
