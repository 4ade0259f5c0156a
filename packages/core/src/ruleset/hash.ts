/**
 * The rule-set hash: `sha256:` + hex SHA-256 of the canonical JSON (keys sorted by code
 * unit, no whitespace) of the resolved rule set.
 */
import { createHash } from "node:crypto";

/** JSON with object keys sorted and no whitespace; `undefined` members are left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    return text === undefined ? "null" : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(",")}}`;
}

/** Hex SHA-256 of a string's UTF-8 bytes or of raw bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The rule-set hash of the resolved data. */
export function rulesetHash(resolved: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(resolved))}`;
}
