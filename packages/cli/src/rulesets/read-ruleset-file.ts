/**
 * Reading one rule-set file (YAML or JSON) for the resolver: its size checked before it is
 * read, its text parsed by core's safe reader, and the document kept with a locator giving
 * the line and column of a key path.
 */
import { readFileSync, statSync } from "node:fs";
import { readRulesetText, type RulesetDocument, type RulesetIssue } from "@civitas/core";
import { shown } from "./format-issues.js";

/** Largest rule-set file read, in bytes (checked before reading). */
export const MAX_RULESET_FILE = 4 * 1024 * 1024;

/** A rule-set file read: a document whose data is a map, known by `id@version` (`?` where absent). */
export interface RulesetFile extends RulesetDocument {
  readonly data: Record<string, unknown>;
  readonly ref: string;
}

/**
 * Reads one rule-set file: the document (its path as shown to the user: relative to the
 * working directory when below it), or its read or syntax issues, with the file.
 */
export function readRulesetFile(path: string): { ok: true; file: RulesetFile } | { ok: false; issues: RulesetIssue[] } {
  const name = shown(path);
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_RULESET_FILE) {
      return {
        ok: false,
        issues: [
          { code: "too_large", path: [], file: name, message: `rule-set file of ${size} bytes is larger than ${MAX_RULESET_FILE} bytes` },
        ],
      };
    }
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { ok: false, issues: [{ code: "syntax", path: [], file: name, message: `cannot read: ${(error as Error).message}` }] };
  }
  const read = readRulesetText(text);
  if (!read.ok) return { ok: false, issues: read.issues.map((i) => ({ ...i, file: name })) };
  const data = read.value.data;
  const record = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return {
    ok: true,
    file: { path: name, data: record, locate: read.value.locate, ref: `${String(record.id)}@${String(record.version)}` },
  };
}
