/**
 * Local overlays (地方实施细则): a rule set that `extends` another and patches, adds and
 * removes standards and adjustments (and categories, contents, checks). Resolution is base
 * first; an overlay may extend an overlay. Works on plain data; the result is validated as a
 * base rule set afterwards.
 */
import { OverlayRulesetSchema } from "./schema.js";
import { fromZodIssues, type RulesetIssue } from "./issues.js";
import { compareVersions, isEffectiveOn } from "./versions.js";

type Data = Record<string, unknown>;
type Path = (string | number)[];

function isRecord(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when the data declares `extends`. */
export function isOverlay(data: unknown): boolean {
  return isRecord(data) && Object.hasOwn(data, "extends");
}

function refOf(data: unknown): string {
  return isRecord(data) ? `${String(data.id)}@${String(data.version)}` : "?";
}

/**
 * Finds `id@version`, or the newest version of `id` (in force on `asOf`, when given), among
 * the given rule sets.
 */
export function findRuleset(reference: string, candidates: readonly unknown[], asOf?: string): Data | undefined {
  const [id, version] = reference.split("@");
  const matching = candidates.filter(
    (c): c is Data =>
      isRecord(c) && c.id === id && (version === undefined ? asOf === undefined || isEffectiveOn(c, asOf) : String(c.version) === version),
  );
  return matching.sort((a, b) => compareVersions(String(b.version), String(a.version)))[0];
}

const clone = <T>(value: T): T => structuredClone(value);

/** The tree of a rule set as mutable lists, to apply operations to. */
interface Tree {
  readonly categories: Data[];
  readonly adjustments: Data[];
}

interface Node {
  readonly item: Data;
  readonly siblings: Data[];
}

function nodes(tree: Tree, kind: string): Map<string, Node> {
  const found = new Map<string, Node>();
  const put = (siblings: unknown, register: boolean, recurse: (item: Data) => void) => {
    if (!Array.isArray(siblings)) return;
    for (const item of siblings) {
      if (!isRecord(item)) continue;
      if (register && typeof item.id === "string") found.set(item.id, { item, siblings: siblings as Data[] });
      recurse(item);
    }
  };
  if (kind === "adjustments") put(tree.adjustments, true, () => {});
  else
    put(tree.categories, kind === "categories", (category) =>
      put(category.contents, kind === "contents", (content) =>
        put(content.standards, kind === "standards", (standard) => put(standard.checks, kind === "checks", () => {})),
      ),
    );
  return found;
}

const SINGULAR: Record<string, string> = {
  categories: "category",
  contents: "content",
  standards: "standard",
  checks: "check",
  adjustments: "adjustment",
};
/** For `add`: which key names the parent, and which list of the parent receives the item. */
const PARENT: Record<string, { key: string; kind: string; list: string } | undefined> = {
  contents: { key: "category", kind: "categories", list: "contents" },
  standards: { key: "content", kind: "contents", list: "standards" },
  checks: { key: "standard", kind: "standards", list: "checks" },
};
const KINDS = ["categories", "contents", "standards", "checks", "adjustments"] as const;

function applyOverlay(base: Data, overlay: Data, baseRef: string): { issues: RulesetIssue[]; resolved: Data } {
  const issues: RulesetIssue[] = [];
  const resolved = clone(base);
  const tree: Tree = {
    categories: Array.isArray(resolved.categories) ? (resolved.categories as Data[]) : [],
    adjustments: Array.isArray(resolved.adjustments) ? (resolved.adjustments as Data[]) : [],
  };
  resolved.categories = tree.categories;
  if (tree.adjustments.length > 0 || Object.hasOwn(resolved, "adjustments") || isRecord(overlay.add)) {
    resolved.adjustments = tree.adjustments;
  }
  const missing = (path: Path, kind: string, id: string) =>
    issues.push({ code: "overlay_target_missing", path, message: `no ${SINGULAR[kind]} ${JSON.stringify(id)} in ${baseRef}` });

  const remove = isRecord(overlay.remove) ? overlay.remove : {};
  for (const kind of KINDS) {
    const ids = Array.isArray(remove[kind]) ? remove[kind] : [];
    for (const [i, id] of ids.entries()) {
      const node = nodes(tree, kind).get(String(id));
      if (node === undefined) missing(["remove", kind, i], kind, String(id));
      else node.siblings.splice(node.siblings.indexOf(node.item), 1);
    }
  }

  const patch = isRecord(overlay.patch) ? overlay.patch : {};
  for (const kind of KINDS) {
    const patches = Array.isArray(patch[kind]) ? patch[kind] : [];
    for (const [i, fields] of patches.entries()) {
      if (!isRecord(fields)) continue;
      const node = nodes(tree, kind).get(String(fields.id));
      if (node === undefined) missing(["patch", kind, i, "id"], kind, String(fields.id));
      else Object.assign(node.item, clone(fields));
    }
  }

  const add = isRecord(overlay.add) ? overlay.add : {};
  for (const kind of KINDS) {
    const additions = Array.isArray(add[kind]) ? add[kind] : [];
    for (const [i, entry] of additions.entries()) {
      const parent = PARENT[kind];
      const singular = SINGULAR[kind] ?? kind;
      const item = parent === undefined ? entry : isRecord(entry) ? entry[singular] : undefined;
      if (!isRecord(item)) continue;
      const id = String(item.id);
      if (nodes(tree, kind).has(id)) {
        issues.push({
          code: "overlay_target_exists",
          path: parent === undefined ? ["add", kind, i, "id"] : ["add", kind, i, singular, "id"],
          message: `${singular} ${JSON.stringify(id)} already exists in ${baseRef}`,
        });
        continue;
      }
      if (parent === undefined) {
        (kind === "adjustments" ? tree.adjustments : tree.categories).push(clone(item));
        continue;
      }
      const parentId = isRecord(entry) ? String(entry[parent.key]) : "";
      const owner = nodes(tree, parent.kind).get(parentId);
      if (owner === undefined) {
        missing(["add", kind, i, parent.key], parent.kind, parentId);
        continue;
      }
      const target = owner.item[parent.list];
      if (Array.isArray(target)) target.push(clone(item));
      else owner.item[parent.list] = [clone(item)];
    }
  }

  for (const key of ["departments", "siteTypes"] as const) {
    if (!Array.isArray(overlay[key])) continue;
    const merged = Array.isArray(resolved[key]) ? [...(resolved[key] as Data[])] : [];
    for (const entry of overlay[key] as unknown[]) {
      if (!isRecord(entry)) continue;
      const at = merged.findIndex((m) => isRecord(m) && m.id === entry.id);
      if (at >= 0) merged[at] = clone(entry);
      else merged.push(clone(entry));
    }
    resolved[key] = merged;
  }
  for (const key of [
    "id",
    "version",
    "title",
    "effectiveFrom",
    "effectiveTo",
    "description",
    "scale",
    "missingEvidence",
    "grades",
    "dynamic",
  ]) {
    if (Object.hasOwn(overlay, key)) resolved[key] = clone(overlay[key]);
    else if (["effectiveTo", "description"].includes(key)) delete resolved[key];
  }
  delete resolved.$schema;
  if (!Object.hasOwn(overlay, "scale") && typeof resolved.scale === "number") {
    // An inherited scale no longer holds once points move; the overlay must restate it.
    const sum = tree.categories
      .flatMap((c) => (Array.isArray(c.contents) ? (c.contents as Data[]) : []))
      .flatMap((c) => (Array.isArray(c.standards) ? (c.standards as Data[]) : []))
      .reduce((acc, s) => acc + (typeof s.points === "number" ? s.points : 0), 0);
    if (Math.abs(sum - resolved.scale) > 1e-9 * Math.max(1, sum)) delete resolved.scale;
  }
  return { issues, resolved };
}

/** Resolves an overlay against the known rule sets, base first, detecting cycles. */
export function resolveOverlay(
  overlay: unknown,
  known: readonly unknown[],
  asOf?: string,
  chain: readonly string[] = [],
): { ok: true; value: Data; lineage: string[] } | { ok: false; issues: RulesetIssue[] } {
  const parsed = OverlayRulesetSchema.safeParse(overlay);
  if (!parsed.success || !isRecord(overlay)) {
    return { ok: false, issues: parsed.success ? [] : fromZodIssues(parsed.error.issues) };
  }
  const self = refOf(overlay);
  const reference = parsed.data.extends;
  const baseData = findRuleset(reference, known, asOf);
  if (baseData === undefined) {
    return {
      ok: false,
      issues: [{ code: "unknown_base", path: ["extends"], message: `unknown base rule set ${JSON.stringify(reference)}` }],
    };
  }
  const baseRef = refOf(baseData);
  if (chain.includes(baseRef) || baseRef === self) {
    return {
      ok: false,
      issues: [{ code: "cycle", path: ["extends"], message: `cycle of extends: ${[...chain, self, baseRef].join(" → ")}` }],
    };
  }
  let base: Data = baseData;
  let lineage = [baseRef];
  if (isOverlay(baseData)) {
    const inner = resolveOverlay(baseData, known, asOf, [...chain, self]);
    if (!inner.ok) {
      return { ok: false, issues: inner.issues.map((i) => ({ ...i, message: `in base ${baseRef}: ${i.message}` })) };
    }
    base = inner.value;
    lineage = inner.lineage;
  }
  const { issues, resolved } = applyOverlay(base, overlay, baseRef);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: resolved, lineage };
}
