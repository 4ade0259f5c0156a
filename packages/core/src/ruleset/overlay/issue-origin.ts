/**
 * Puts a problem found in an overlay's resolved rule set back at its place in the overlay
 * file, using the origins recorded while the overlay was applied.
 */
import { formatPath, type RulesetIssue } from "../issues.js";
import type { Origin, Origins } from "./tree.js";

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
