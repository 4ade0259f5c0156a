/**
 * Rule-set documents as the resolver knows them: the data of one file, the file's name, and
 * where each key path sits in it; how a document is named (`id@version`), how an issue found
 * in it is attributed to it, and the documents that claim the same `id@version`.
 */
import type { RulesetIssue } from "./issues.js";

/** Line and column (1-based) of a key path in a document's text. */
export type Locate = (path: ReadonlyArray<string | number>) => { line: number; column: number } | undefined;

/**
 * One rule-set document: its data as read (YAML or JSON parsed, not yet validated), the file
 * it comes from (any name that tells the reader where it is), and, when it was read from
 * text, a locator giving the line and column of a key path (`readRulesetText` makes one).
 */
export interface RulesetDocument {
  readonly path: string;
  readonly data: unknown;
  readonly locate?: Locate;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `id@version` of a document whose data has both as text; undefined otherwise. */
export function refOf(document: RulesetDocument): string | undefined {
  const data = document.data;
  return isRecord(data) && typeof data.id === "string" && typeof data.version === "string" ? `${data.id}@${data.version}` : undefined;
}

/** The issues with the document's file and, where the path is in it, line and column. */
export function attribute(issues: readonly RulesetIssue[], document: RulesetDocument): RulesetIssue[] {
  return issues.map((issue) => {
    if (issue.file !== undefined) return issue;
    const at = issue.line === undefined ? document.locate?.(issue.path) : undefined;
    return { ...issue, file: document.path, ...(at === undefined ? {} : { line: at.line, column: at.column }) };
  });
}

/**
 * `duplicate_ruleset` for every document that claims an `id@version` an earlier one already
 * has (in the order given), in its file at its `id`, naming the other file: which of two
 * files is meant cannot be told, so neither is used.
 */
export function duplicateRulesets(documents: readonly RulesetDocument[]): RulesetIssue[] {
  const first = new Map<string, RulesetDocument>();
  const issues: RulesetIssue[] = [];
  for (const document of documents) {
    const ref = refOf(document);
    if (ref === undefined) continue;
    const earlier = first.get(ref);
    if (earlier === undefined) first.set(ref, document);
    else {
      const issue: RulesetIssue = { code: "duplicate_ruleset", path: ["id"], message: `${ref} is defined twice (also in ${earlier.path})` };
      issues.push(...attribute([issue], document));
    }
  }
  return issues;
}
