/**
 * Partial matching of results against expected data: every key the expected object names
 * must match (numbers to 1e-6); arrays must have the same length and match element-wise.
 */
export function mismatches(actual: unknown, expected: unknown, path = "$"): string[] {
  if (typeof expected === "number") {
    return typeof actual === "number" && Math.abs(actual - expected) <= 1e-6
      ? []
      : [`${path}: expected ${expected}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length)
      return [`${path}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual).slice(0, 400)}`];
    return expected.flatMap((item, i) => mismatches(actual[i], item, `${path}[${i}]`));
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).flatMap(([key, value]) => mismatches(record[key], value, `${path}.${key}`));
  }
  return Object.is(actual, expected) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
