/**
 * Rule-set documents as the resolver takes them, made from test data: the data written out
 * as YAML and read back by `readRulesetText`, so each keeps a real locator (line and column of
 * a key path), and the line of a piece of its text, to check where an issue is reported.
 */
import { stringify } from "yaml";
import { type Locate, type RulesetDocument, readRulesetText } from "../../src/index.js";
import type { Data } from "./ruleset-builders.js";

/** A document read from YAML text, with that text. */
export interface TestDocument extends RulesetDocument {
  readonly text: string;
  readonly locate: Locate;
}

/** The document `path` holding `data`, as a YAML file would. */
export function documentOf(path: string, data: Data): TestDocument {
  const text = stringify(data);
  const read = readRulesetText(text);
  if (!read.ok) throw new Error(`${path}: ${read.issues[0]?.message}`);
  return { path, data: read.value.data, locate: read.value.locate, text };
}

/** The 1-based line of the document's text where `snippet` first occurs (after `after`, when given). */
export function lineOf(document: TestDocument, snippet: string, after?: string): number {
  const lines = document.text.split("\n");
  const start = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  const found = lines.findIndex((l, i) => i >= start && l.includes(snippet));
  if (start < 0 || found < 0) throw new Error(`no ${JSON.stringify(snippet)} in ${document.path}`);
  return found + 1;
}
