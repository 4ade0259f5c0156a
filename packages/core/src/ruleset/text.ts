/**
 * Reading rule-set text (YAML or JSON) safely: size bounded, aliases bounded, no custom tags,
 * and a locator that turns an issue's path into a line and column of the source.
 */
import { isNode, LineCounter, parseDocument } from "yaml";
import type { RulesetIssue } from "./issues.js";

/** Largest rule-set text accepted (bytes of UTF-16 text, roughly). */
export const MAX_RULESET_TEXT = 4 * 1024 * 1024;

/** Parsed rule-set text: the data, and where each path sits in the source. */
export interface RulesetText {
  readonly data: unknown;
  locate(path: ReadonlyArray<string | number>): { line: number; column: number } | undefined;
}

/** Parses YAML (JSON is YAML) into plain data, or returns the syntax issues. */
export function readRulesetText(text: string): { ok: true; value: RulesetText } | { ok: false; issues: RulesetIssue[] } {
  if (text.length > MAX_RULESET_TEXT) {
    return { ok: false, issues: [{ code: "too_large", path: [], message: `rule-set file is larger than ${MAX_RULESET_TEXT} bytes` }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, customTags: [], schema: "core" });
  const syntax = [...doc.errors, ...doc.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED")];
  if (syntax.length > 0) {
    return {
      ok: false,
      issues: syntax.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        const message = e.message.split("\n")[0] ?? e.message;
        // the parser gives up on very deep nesting with the engine's own words: say what it means
        const said = /call stack/i.test(message) ? "nested too deeply to be a rule set" : message;
        return { code: "syntax" as const, path: [], message: said, line: pos.line, column: pos.col };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, issues: [{ code: "too_large", path: [], message: `rule set refused: ${(error as Error).message}` }] };
  }
  const locate = (path: ReadonlyArray<string | number>) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
  const foreign = notPlainData(data);
  if (foreign !== undefined) {
    const message = `${foreign.what} is not plain data (a YAML tag such as !!timestamp, !!set or !!binary?): a rule set holds only text, numbers, booleans, lists and maps`;
    return { ok: false, issues: [{ code: "syntax", path: foreign.path, message, ...locate(foreign.path) }] };
  }
  return { ok: true, value: { data, locate } };
}

/** The first value that is not JSON-like data (a Date, Set, Map, bytes …), with its path. */
function notPlainData(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; what: string } | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : { path, what: `the number ${String(value)}` };
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = notPlainData(item, [...path, i]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const found = notPlainData(item, [...path, key]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const what = typeof value === "object" ? `a ${(value as object).constructor?.name ?? "special"} value` : `a ${typeof value}`;
  return { path, what };
}
