/**
 * What the overlay steps (remove, patch, add) share: the tree of the rule set being resolved
 * as mutable lists, the lookup of an item by kind and id, the names of the kinds, and the
 * record of what the overlay wrote (its origins, to put a problem of the resolved rule set
 * back at its place in the overlay file) and of what it removed and added.
 */
import type { RulesetIssue } from "../issues.js";

export type Data = Record<string, unknown>;
export type Path = (string | number)[];

export function isRecord(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const clone = <T>(value: T): T => structuredClone(value);

/** The kinds of items an overlay can remove, patch and add, in the order they are applied. */
export const KINDS = ["categories", "contents", "standards", "checks", "adjustments"] as const;
export type Kind = (typeof KINDS)[number];

export const SINGULAR: Record<Kind, string> = {
  categories: "category",
  contents: "content",
  standards: "standard",
  checks: "check",
  adjustments: "adjustment",
};

/** The tree of a rule set as mutable lists, to apply operations to. */
export interface Tree {
  readonly categories: Data[];
  readonly adjustments: Data[];
}

/** An item of the tree and the list that holds it. */
export interface Node {
  readonly item: Data;
  readonly siblings: Data[];
}

/** Every item of one kind in the tree, by id. */
export function nodes(tree: Tree, kind: Kind): Map<string, Node> {
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

/** Where an item of the resolved rule set comes from in the overlay file. */
export interface Origin {
  readonly path: Path;
  /** The keys a patch gave (the others are the base's); undefined for an item the overlay wrote whole. */
  readonly keys: ReadonlySet<string> | undefined;
}

/** Items of the resolved rule set written or patched by the overlay, with where in the overlay (in order). */
export type Origins = ReadonlyMap<object, readonly Origin[]>;

/** One overlay being applied: the tree, the issues found so far and what was written, removed and added. */
export class OverlayStep {
  readonly issues: RulesetIssue[] = [];
  readonly origins = new Map<object, Origin[]>();
  private readonly removed = new Map<Kind, Set<string>>();
  private readonly added = new Map<Kind, Set<string>>();

  constructor(
    readonly tree: Tree,
    /** `id@version` of the base, to name it in messages. */
    readonly baseRef: string,
  ) {}

  /** Records that the overlay wrote `item` (whole, or the keys of a patch) at `origin.path`. */
  wrote(item: object, origin: Origin): void {
    this.origins.set(item, [...(this.origins.get(item) ?? []), origin]);
  }

  removedIds(kind: Kind): Set<string> {
    return idsOf(this.removed, kind);
  }

  addedIds(kind: Kind): Set<string> {
    return idsOf(this.added, kind);
  }

  /** No item `id` of `kind` in the base (saying so when this overlay removed it). */
  missing(path: Path, kind: Kind, id: string): void {
    const removed = this.removedIds(kind).has(id) ? " (this overlay removes it)" : "";
    this.issues.push({
      code: "overlay_target_missing",
      path,
      message: `no ${SINGULAR[kind]} ${JSON.stringify(id)} in ${this.baseRef}${removed}`,
    });
  }
}

function idsOf(map: Map<Kind, Set<string>>, kind: Kind): Set<string> {
  let ids = map.get(kind);
  if (ids === undefined) map.set(kind, (ids = new Set()));
  return ids;
}
