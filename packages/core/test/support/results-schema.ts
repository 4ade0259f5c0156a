/**
 * The required core of `results.json` (results.schema.json, a copy of the spec's, shipped
 * with the package): a validator for tests that check outputs against it.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";

const schema = JSON.parse(readFileSync(new URL("../../results.schema.json", import.meta.url), "utf8")) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** The schema violations of `results` (empty when it conforms), as `path: message` lines. */
export function resultsSchemaErrors(results: unknown): string[] {
  if (validate(results)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? e.keyword}`);
}
