/**
 * Local overlays (地方实施细则): a rule set that `extends` another and patches, adds and
 * removes standards and adjustments (and categories, contents, checks). Resolution is base
 * first; an overlay may extend an overlay. Works on plain data; the result is validated as a
 * base rule set afterwards.
 */
import { OverlayRulesetSchema } from "./schema.js";
import { formatPath, fromZodIssues, type RulesetIssue } from "./issues.js";
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

/** Where an item of the resolved rule set comes from in the overlay file. */
interface Origin {
  readonly path: Path;
  /** The keys a patch gave (the others are the base's); undefined for an item the overlay wrote whole. */
  readonly keys: ReadonlySet<string> | undefined;
}

/** Items of the resolved rule set written or patched by the overlay, with where in the overlay (in order). */
export type Origins = ReadonlyMap<object, readonly Origin[]>;

/**
 * The path in the overlay file of an issue found in its resolved rule set. An issue in what the
 * overlay wrote (a patched field, an added item, a merged department or site type) is at that
 * place; an issue elsewhere in an item the overlay patched (say a field a changed method now
 * requires) is at the patch entry, its message naming the field; an issue in nothing the
 * overlay touched (say the scale, once points moved) stays at its path in the resolved rule
 * set, said so in its message.
 */
export function overlayIssue(issue: RulesetIssue, resolved: unknown, origins: Origins): RulesetIssue {
  let node: unknown = resolved;
  let found: { origin: Origin; depth: number } | undefined;
  let patched: { origin: Origin; depth: number } | undefined;
  for (let depth = 0; depth < issue.path.length && typeof node === "object" && node !== null; depth++) {
    const key = issue.path[depth] as string | number;
    const written = origins.get(node) ?? [];
    const giving = written.findLast((o) => o.keys === undefined || o.keys.has(String(key)));
    if (giving !== undefined) found = { origin: giving, depth };
    else {
      // the top level is not one item: an issue beside the fields the overlay set stays at its path
      const item = written.findLast((o) => o.path.length > 0);
      if (item !== undefined) patched = { origin: item, depth };
    }
    node = (node as Record<string | number, unknown>)[key];
  }
  if (found !== undefined && (patched === undefined || found.depth >= patched.depth)) {
    return { ...issue, path: [...found.origin.path, ...issue.path.slice(found.depth)] };
  }
  if (patched !== undefined) {
    const field = issue.path.slice(patched.depth);
    return { ...issue, path: patched.origin.path, message: `${formatPath(field)}: ${issue.message} (in the item as patched)` };
  }
  return { ...issue, message: `${issue.message} (in the rule set as resolved, at ${formatPath(issue.path)})` };
}

function applyOverlay(base: Data, overlay: Data, baseRef: string): { issues: RulesetIssue[]; resolved: Data; origins: Origins } {
  const issues: RulesetIssue[] = [];
  const origins = new Map<object, Origin[]>();
  const wrote = (item: object, origin: Origin) => origins.set(item, [...(origins.get(item) ?? []), origin]);
  const resolved = clone(base);
  const tree: Tree = {
    categories: Array.isArray(resolved.categories) ? (resolved.categories as Data[]) : [],
    adjustments: Array.isArray(resolved.adjustments) ? (resolved.adjustments as Data[]) : [],
  };
  resolved.categories = tree.categories;
  if (tree.adjustments.length > 0 || Object.hasOwn(resolved, "adjustments") || isRecord(overlay.add)) {
    resolved.adjustments = tree.adjustments;
  }
  /** What this overlay removed and added, by kind, to say so when it then patches or adds the same id. */
  const removed = new Map<string, Set<string>>();
  const addedIds = new Map<string, Set<string>>();
  const idsOf = (map: Map<string, Set<string>>, kind: string) => {
    let ids = map.get(kind);
    if (ids === undefined) map.set(kind, (ids = new Set()));
    return ids;
  };
  const missing = (path: Path, kind: string, id: string) =>
    issues.push({
      code: "overlay_target_missing",
      path,
      message: `no ${SINGULAR[kind]} ${JSON.stringify(id)} in ${baseRef}${idsOf(removed, kind).has(id) ? " (this overlay removes it)" : ""}`,
    });

  const remove = isRecord(overlay.remove) ? overlay.remove : {};
  for (const kind of KINDS) {
    const ids = Array.isArray(remove[kind]) ? remove[kind] : [];
    for (const [i, id] of ids.entries()) {
      const node = nodes(tree, kind).get(String(id));
      if (node === undefined) missing(["remove", kind, i], kind, String(id));
      else {
        node.siblings.splice(node.siblings.indexOf(node.item), 1);
        idsOf(removed, kind).add(String(id));
      }
    }
  }

  const patch = isRecord(overlay.patch) ? overlay.patch : {};
  for (const kind of KINDS) {
    const patches = Array.isArray(patch[kind]) ? patch[kind] : [];
    for (const [i, fields] of patches.entries()) {
      if (!isRecord(fields) || typeof fields.id !== "string") continue;
      const node = nodes(tree, kind).get(fields.id);
      if (node === undefined) missing(["patch", kind, i, "id"], kind, String(fields.id));
      else {
        Object.assign(node.item, clone(fields));
        wrote(node.item, { path: ["patch", kind, i], keys: new Set(Object.keys(fields)) });
      }
    }
  }

  const add = isRecord(overlay.add) ? overlay.add : {};
  for (const kind of KINDS) {
    const additions = Array.isArray(add[kind]) ? add[kind] : [];
    for (const [i, entry] of additions.entries()) {
      const parent = PARENT[kind];
      const singular = SINGULAR[kind] ?? kind;
      const item = parent === undefined ? entry : isRecord(entry) ? entry[singular] : undefined;
      if (!isRecord(item)) {
        // A typo must not be silently ignored: what is added is an object (an absent one is
        // already reported by the schema).
        if (item !== undefined)
          issues.push({
            code: "invalid_type",
            path: parent === undefined ? ["add", kind, i] : ["add", kind, i, singular],
            message: `the ${singular} to add must be an object`,
          });
        continue;
      }
      const id = String(item.id);
      if (nodes(tree, kind).has(id)) {
        issues.push({
          code: "overlay_target_exists",
          path: parent === undefined ? ["add", kind, i, "id"] : ["add", kind, i, singular, "id"],
          message: idsOf(addedIds, kind).has(id)
            ? `${singular} ${JSON.stringify(id)} is added twice by this overlay`
            : `${singular} ${JSON.stringify(id)} already exists in ${baseRef}`,
        });
        continue;
      }
      idsOf(addedIds, kind).add(id);
      const added = clone(item);
      wrote(added, { path: parent === undefined ? ["add", kind, i] : ["add", kind, i, singular], keys: undefined });
      if (parent === undefined) {
        (kind === "adjustments" ? tree.adjustments : tree.categories).push(added);
        continue;
      }
      // a missing parent key is the schema's to report (required)
      if (!isRecord(entry) || typeof entry[parent.key] !== "string") continue;
      const parentId = entry[parent.key] as string;
      const owner = nodes(tree, parent.kind).get(parentId);
      if (owner === undefined) {
        missing(["add", kind, i, parent.key], parent.kind, parentId);
        continue;
      }
      const target = owner.item[parent.list];
      if (Array.isArray(target)) target.push(added);
      else owner.item[parent.list] = [added];
    }
  }

  for (const key of ["departments", "siteTypes"] as const) {
    if (!Array.isArray(overlay[key])) continue;
    const merged = Array.isArray(resolved[key]) ? [...(resolved[key] as Data[])] : [];
    for (const [j, entry] of (overlay[key] as unknown[]).entries()) {
      if (!isRecord(entry)) continue;
      const at = merged.findIndex((m) => isRecord(m) && m.id === entry.id);
      const copy = clone(entry);
      wrote(copy, { path: [key, j], keys: undefined });
      if (at >= 0) merged[at] = copy;
      else merged.push(copy);
    }
    resolved[key] = merged;
  }
  const given = new Set<string>();
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
    if (Object.hasOwn(overlay, key)) {
      resolved[key] = clone(overlay[key]);
      given.add(key);
    } else if (["effectiveTo", "description"].includes(key)) delete resolved[key];
  }
  wrote(resolved, { path: [], keys: given });
  delete resolved.$schema;
  // An inherited scale stays: once points move, the overlay must restate it (SPEC 1: the
  // resolved rule set is validated, and a scale that is present must equal the sum).
  return { issues, resolved, origins };
}

/** An overlay applied to its resolved base. */
export interface Resolution {
  readonly value: Data;
  readonly lineage: string[];
  readonly origins: Origins;
}

/**
 * Resolves an overlay against the known rule sets, base first, detecting cycles. When the
 * overlay has faults of its own but its base is found, the resolution is still made
 * (`partial`), so that the problems of the resolved rule set can be listed too.
 */
export function resolveOverlay(
  overlay: unknown,
  known: readonly unknown[],
  asOf?: string,
  chain: readonly string[] = [],
): ({ ok: true } & Resolution) | { ok: false; issues: RulesetIssue[]; partial?: Resolution } {
  const parsed = OverlayRulesetSchema.safeParse(overlay, { reportInput: true });
  const own = parsed.success ? [] : fromZodIssues(parsed.error.issues);
  if (!isRecord(overlay) || typeof overlay.extends !== "string" || own.some((i) => i.path[0] === "extends")) {
    return { ok: false, issues: own };
  }
  const self = refOf(overlay);
  const reference = overlay.extends;
  const baseData = findRuleset(reference, known, asOf);
  if (baseData === undefined) {
    return {
      ok: false,
      issues: [...own, { code: "unknown_base", path: ["extends"], message: `unknown base rule set ${JSON.stringify(reference)}` }],
    };
  }
  const baseRef = refOf(baseData);
  if (chain.includes(baseRef) || baseRef === self) {
    return {
      ok: false,
      issues: [...own, { code: "cycle", path: ["extends"], message: `cycle of extends: ${[...chain, self, baseRef].join(" → ")}` }],
    };
  }
  let base: Data = baseData;
  let lineage = [baseRef];
  if (isOverlay(baseData)) {
    const inner = resolveOverlay(baseData, known, asOf, [...chain, self]);
    if (!inner.ok) {
      return { ok: false, issues: [...own, ...inner.issues.map((i) => ({ ...i, message: `in base ${baseRef}: ${i.message}` }))] };
    }
    base = inner.value;
    lineage = [...inner.lineage, baseRef];
  }
  const { issues, resolved, origins } = applyOverlay(base, overlay, baseRef);
  if (own.length > 0 || issues.length > 0)
    return { ok: false, issues: [...own, ...issues], partial: { value: resolved, lineage, origins } };
  return { ok: true, value: resolved, lineage, origins };
}
